import assert from 'node:assert/strict';
import {test} from 'node:test';
import {enableLinearRegExp} from '../../source/linear-regexp.js';
import {initialState} from '../../source/model/monitor-state.js';
import {serviceKey, stateKey} from '../../source/model/groups.js';
import {session} from '../helpers/sessions.js';
import {labels, poll, run, start, type} from '../helpers/state.js';

// The filter's regex terms run on V8's linear-time engine, as the app turns it on at its start.
enableLinearRegExp();

const sessions = [
	// Memory and I/O given, as 6.x on send them: the sort steps through their columns too.
	session(1, {user: 'app', idleSeconds: 5, memoryBytes: 1000, ioActivity: 2}),
	session(2, {user: 'report', idleSeconds: 50, service: 'Read-Connection-Router', memoryBytes: 1000, ioActivity: 2}),
	session(3, {user: 'batch', idleSeconds: 500, state: 'Session created', memoryBytes: 1000, ioActivity: 2}),
	session(4, {user: 'app', idleSeconds: 1, memoryBytes: 1000, ioActivity: 2}),
];

test('< and > step through the sort columns, I reverses; the cursor keeps its session', () => {
	let state = type(start(sessions), 'down');
	assert.equal(state.selectedId, '4');
	state = type(state, '>');
	assert.deepEqual(state.sort, {key: 'user', descending: false});
	state = type(state, '<', '<');
	assert.deepEqual(state.sort, {key: 'io', descending: true});
	state = type(state, '<', '<');
	assert.deepEqual(state.sort, {key: 'idle', descending: true});
	assert.deepEqual(labels(state), [
		'S:RW-Split-Router:3',
		'T:Session started:2',
		'1',
		'4',
		'T:Session created:1',
		'3',
		'S:Read-Connection-Router:1',
		'T:Session started:1',
		'2',
	]);
	state = type(state, 'I');
	assert.deepEqual(state.sort, {key: 'idle', descending: false});
	assert.equal(state.selectedId, '4');
	assert.deepEqual(labels(state).slice(2, 4), ['4', '1']);
});

/** t from the default grouping to the flat list: service, user, client, then none. */
const toFlat = ['t', 't', 't', 't'] as const;

test('t cycles the grouping: service and state, service, user, client, flat', () => {
	// 1 through an IPv4 listener, 3 through a dual-stack one: the same machine, one group.
	const clients = sessions.map((one, i) => ({...one, remote: i === 0 ? '10.0.0.1' : i === 2 ? '::ffff:10.0.0.1' : undefined}));
	let state = type(start(clients), 't');
	assert.equal(state.grouping, 'service');
	assert.deepEqual(labels(state), ['S:RW-Split-Router:3', '1', '3', '4', 'S:Read-Connection-Router:1', '2']);
	state = type(state, 't');
	assert.equal(state.grouping, 'user');
	// By name; each user's sessions in the sort's order, whatever their service.
	assert.deepEqual(labels(state), ['S:app:2', '1', '4', 'S:batch:1', '3', 'S:report:1', '2']);
	state = type(state, 't');
	assert.equal(state.grouping, 'client');
	assert.deepEqual(labels(state), ['S:(no client):2', '2', '4', 'S:10.0.0.1:2', '1', '3']);
	state = type(state, 't');
	assert.equal(state.grouping, 'flat');
	assert.deepEqual(labels(state), ['1', '2', '3', '4']);
	state = type(state, 't');
	assert.equal(state.grouping, 'service-state');
});

test('a group by user or client counts its sessions by state, folds and unfolds, and never shares a key with a service of the same name', () => {
	const named = [session(1, {user: 'RW', service: 'RW'}), session(2, {user: 'RW', service: 'RO', state: 'Session created'}), session(3, {user: 'app', service: 'RW'})];
	// Grouped by service, every service folded.
	let state = type(start(named), 't', 'C');
	assert.ok(state.collapsed.has(serviceKey('RW')));
	// By user: the service's fold is not the user's.
	state = type(state, 't');
	const group = state.rows[0];
	assert.ok(group !== undefined && 'kind' in group && group.kind === 'service');
	assert.equal(group.service, 'RW');
	assert.notEqual(group.key, serviceKey('RW'));
	assert.equal(group.collapsed, false);
	assert.deepEqual(group.kind === 'service' ? group.states : [], [{state: 'Session started', count: 1}, {state: 'Session created', count: 1}]);
	assert.deepEqual(labels(state), ['S:RW:2', '1', '2', 'S:app:1', '3']);
	// c on a user's session folds that user; C then unfolds every one, and again folds them all.
	state = type(state, 'g', 'j', 'c');
	assert.deepEqual(labels(state), ['S:RW:2+', 'S:app:1', '3']);
	assert.equal(state.selectedId, group.key);
	state = type(state, 'C');
	assert.deepEqual(labels(state), ['S:RW:2', '1', '2', 'S:app:1', '3']);
	state = type(state, 'C');
	assert.deepEqual(labels(state), ['S:RW:2+', 'S:app:1+']);
	state = type(state, 'C');
	// ← from a session goes up to its user.
	state = type(state, 'end', 'left');
	assert.equal(labels(state)[state.rows.findIndex((row) => row.key === state.selectedId)], 'S:app:1');
});

test('collapse and expand a group; C collapses every service', () => {
	let state = type(start(sessions), 'c');
	assert.equal(state.selectedId, stateKey('RW-Split-Router', 'Session started'));
	assert.deepEqual(labels(state).slice(0, 3), ['S:RW-Split-Router:3', 'T:Session started:2+', 'T:Session created:1']);
	state = type(state, 'return');
	assert.deepEqual(labels(state).slice(0, 3), ['S:RW-Split-Router:3', 'T:Session started:2', '1']);
	state = type(state, 'left');
	assert.equal(labels(state)[1], 'T:Session started:2+');
	state = type(state, 'right');
	assert.equal(labels(state)[1], 'T:Session started:2');
	state = type(state, 'right'); // → only expands, as in a tree: pressed again, the group stays open.
	assert.equal(labels(state)[1], 'T:Session started:2');
	state = type(state, 'return'); // Enter toggles.
	assert.equal(labels(state)[1], 'T:Session started:2+');
	state = type(state, 'return');
	assert.equal(labels(state)[1], 'T:Session started:2');
	state = type(state, 'C');
	assert.deepEqual(labels(state), ['S:RW-Split-Router:3+', 'S:Read-Connection-Router:1+']);
	assert.equal(state.selectedId, serviceKey('RW-Split-Router'));
	state = poll(state, sessions); // Collapsing survives polls.
	assert.deepEqual(labels(state), ['S:RW-Split-Router:3+', 'S:Read-Connection-Router:1+']);
	state = type(state, 'C');
	assert.equal(labels(state).length, 9);
	// Only a state group collapsed, under an open service: C collapses every service, as it says.
	state = type(state, 'home', 'down', 'left');
	assert.equal(labels(state)[1], 'T:Session started:2+');
	state = type(state, 'C');
	assert.deepEqual(labels(state), ['S:RW-Split-Router:3+', 'S:Read-Connection-Router:1+']);
});

test('/ filters incrementally; Enter keeps it; Esc clears it', () => {
	let state = type(start(sessions), '/', 'a', 'p');
	assert.equal(state.mode, 'filter');
	assert.deepEqual(labels(state), ['S:RW-Split-Router:2', 'T:Session started:2', '1', '4']);
	state = type(state, 'backspace', 'backspace', 'i', 'd', 'l', 'e', '>', '4', '0');
	assert.equal(state.filter.text, 'idle>40');
	assert.deepEqual(labels(state).filter((l) => /^\d/.test(l)), ['3', '2']);
	state = type(state, 'return');
	assert.equal(state.mode, 'list');
	state = poll(state, [...sessions, session(9, {idleSeconds: 99})]); // The filter holds across polls.
	assert.deepEqual(labels(state).filter((l) => /^\d/.test(l)), ['9', '3', '2']);
	state = type(state, 'escape');
	assert.equal(state.filter.text, '');
	assert.equal(labels(state).length, 10);
});

test('an invalid term is shown, the list keeps working, and Enter waits for it to be mended', () => {
	const state = type(start(sessions), '/', '/', '(', '/');
	assert.match(state.filter.error ?? '', /invalid regex/);
	assert.equal(labels(state).length, 9);
	// Enter (or Tab) does not take it: the prompt and its sentence stay until it is mended or cleared.
	assert.equal(type(state, 'return').mode, 'filter');
	assert.equal(type(state, 'tab').mode, 'filter');
	assert.match(type(state, 'return').filter.error ?? '', /invalid regex/);
	const fixed = type(state, 'backspace', 'backspace', 'b', 'a', '/');
	assert.equal(fixed.filter.error, undefined);
	assert.deepEqual(labels(fixed).filter((l) => /^\d/.test(l)), ['3']);
	assert.equal(type(fixed, 'return').mode, 'list');
	assert.equal(type(type(start(sessions), '/', 'i', 'd', 'l', 'e', '>', 'x'), 'escape').mode, 'list');
});

test('p pauses, r refreshes, + and - step the interval from 0.5 s to 60 s', () => {
	let state = start(sessions, {intervalMs: 2000});
	state = type(state, 'p');
	assert.equal(state.paused, true);
	state = type(state, 'down', 'return'); // Navigation and the pane still work.
	assert.equal(state.pane.open, true);
	state = type(state, 'escape', 'p');
	assert.equal(state.paused, false);
	state = type(state, 'r');
	assert.equal(state.refreshes, 1);
	state = type(state, '+');
	assert.equal(state.intervalMs, 3000);
	state = type(state, ...Array.from({length: 20}, () => '+'));
	assert.equal(state.intervalMs, 60_000);
	state = type(state, ...Array.from({length: 20}, () => '-'));
	assert.equal(state.intervalMs, 500);
});

test('new sessions stand out for a few polls; ended ones stay greyed, then go', () => {
	let state = start(sessions);
	assert.equal(state.changes.born.size, 0); // The first poll has nothing "new".
	state = poll(state, [...sessions.slice(1), session(7)]);
	assert.deepEqual([...state.changes.born.keys()], ['7']);
	assert.ok(labels(state).includes('x1'));
	state = poll(state, [...sessions.slice(1), session(7)]);
	state = poll(state, [...sessions.slice(1), session(7)]);
	assert.equal(state.changes.born.size, 1); // Three polls in all…
	assert.ok(labels(state).includes('x1'));
	state = poll(state, [...sessions.slice(1), session(7)]);
	assert.equal(state.changes.born.size, 0); // …then plain.
	assert.ok(!labels(state).includes('x1'));
});

test('opened and closed per second, and per-service history for sparklines', () => {
	let state = poll(initialState(), sessions, 10_000);
	state = poll(state, [...sessions.slice(2), session(8), session(9)], 12_000);
	assert.equal(state.changes.rates.opened, 1);
	assert.equal(state.changes.rates.closed, 1);
	assert.deepEqual(state.changes.history.get('RW-Split-Router')?.slice(-2), [3, 4]);
	assert.deepEqual(state.changes.history.get('Read-Connection-Router')?.slice(-2), [1, 0]);
});

test('? opens the help, arrows scroll it, any other key closes it without acting', () => {
	let state = type(start(sessions), '?');
	assert.equal(state.mode, 'help');
	state = type(state, 'down', 'down');
	assert.equal(state.helpScroll, 2);
	state = type(state, 'q');
	assert.equal(state.mode, 'list');
	assert.equal(state.quitting, false);
});

test('sparklines scale from the window minimum, over at least a tenth of its maximum', async () => {
	const {sparkline} = await import('../../source/model/sparkline.js');
	assert.equal(sparkline([100, 100, 100], 10), '▁▁▁');
	assert.equal(sparkline([100, 110, 120], 10), '▁▅█', 'a fifth more: the whole height');
	assert.equal(sparkline([100, 104, 108], 10), '▁▄▆', 'less than a tenth: part of it');
	assert.equal(sparkline([41, 41, 41, 40, 40], 10), '▂▂▂▁▁', 'one session of forty ended: no collapse');
	assert.equal(sparkline([1, 2, 3, 4, 5], 3), '▁▅█', 'small counts: one session is a step');
});

test("a second MaxScale's first answer is not a burst of new sessions", () => {
	const a = [session(1, {key: 'a#1', host: 'a'}), session(2, {key: 'a#2', host: 'a'})];
	const b = [session(1, {key: 'b#1', host: 'b'}), session(3, {key: 'b#3', host: 'b'})];
	let state = run(initialState({hosts: ['a', 'b']}), {type: 'poll-ok', host: 'a', sessions: a, at: 1000, latencyMs: 1, bytes: 1});
	state = run(state, {type: 'poll-ok', host: 'b', sessions: b, at: 1500, latencyMs: 1, bytes: 1});
	assert.equal(state.sessions.length, 4);
	assert.equal(state.changes.born.size, 0);
	assert.equal(state.changes.rates.opened, 0);
	state = run(state, {type: 'poll-ok', host: 'b', sessions: [...b, session(4, {key: 'b#4', host: 'b'})], at: 3500, latencyMs: 1, bytes: 1});
	assert.deepEqual([...state.changes.born.keys()], ['b#4']);
});

test('t back to groups with the cursor on a session of a collapsed group: the cursor goes to that group', () => {
	const mixed = [
		session(1, {service: 'Analytics-Service'}),
		session(2, {service: 'Analytics-Service'}),
		session(3, {service: 'RW-Split-Router'}),
		session(4, {service: 'RW-Split-Router', state: 'Session created'}),
		session(5, {service: 'Sharded-Service'}),
	];
	// C collapses all, t t to the flat list, g j j to a session of RW-Split-Router, t back.
	let state = type(start(mixed), 'C', ...toFlat);
	assert.equal(state.grouping, 'flat');
	state = type(state, 'g', 'j', 'j');
	assert.equal(state.selectedId, '3');
	state = type(state, 't');
	assert.equal(state.grouping, 'service-state');
	assert.equal(state.selectedId, serviceKey('RW-Split-Router'));
	// Expanded, it is the session itself that the cursor keeps.
	state = type(state, 'C', ...toFlat, 'g', 'j', 'j', 't');
	assert.equal(state.selectedId, '3');
	// A collapsed state group, its service open: that state's row.
	state = type(state, 'c');
	assert.equal(state.selectedId, stateKey('RW-Split-Router', 'Session started'));
	state = type(state, ...toFlat, 'g', 'j', 'j');
	assert.equal(state.selectedId, '3');
	state = type(state, 't');
	assert.equal(state.selectedId, stateKey('RW-Split-Router', 'Session started'));
	// Its neighbour in the same service, in a state group still open, keeps its own row.
	state = type(state, ...toFlat, 'g', 'j', 'j', 'j', 't');
	assert.equal(state.selectedId, '4');
});

test('the filter prompt edits as a shell line does: Ctrl-W the last word, Ctrl-U the whole line', () => {
	let state = type(start([session(1, {user: 'app'}), session(2, {user: 'report'})]), '/', ...'user:app', 'space', ...'idle>5', 'space');
	assert.equal(state.filter.text, 'user:app idle>5 ');
	state = type(state, 'ctrl+w');
	assert.equal(state.filter.text, 'user:app ');
	state = type(state, 'ctrl+w');
	assert.equal(state.filter.text, '');
	state = type(state, ...'user:rep', 'ctrl+u');
	assert.equal(state.filter.text, '');
	assert.equal(state.mode, 'filter', 'still typing');
	assert.equal(state.rows.filter((row) => !('kind' in row)).length, 2, 'an empty filter shows every session');
});

test('← walks up as in a tree view: a session to its group, an open group shut, a shut one to its parent', () => {
	const list = [session(1, {service: 'RW'}), session(2, {service: 'RW', state: 'Stopping session'})];
	let state = type(start(list), 'end');
	assert.equal(state.selectedId, '2');
	state = type(state, 'left');
	assert.equal(state.selectedId, stateKey('RW', 'Stopping session'));
	state = type(state, 'left');
	assert.ok(state.collapsed.has(stateKey('RW', 'Stopping session')));
	state = type(state, 'left');
	assert.equal(state.selectedId, serviceKey('RW'), 'from a shut state group up to its service');
	state = type(state, 'left');
	assert.ok(state.collapsed.has(serviceKey('RW')));
	assert.equal(type(state, 'left').selectedId, serviceKey('RW'), 'a shut service has no parent: it stays');
});

test('c and C in flat view say there is nothing to collapse, and fold nothing away for later', () => {
	let state = type(start([session(1, {service: 'RW'}), session(2, {service: 'RO'})]), ...toFlat);
	assert.equal(state.grouping, 'flat');
	for (const key of ['c', 'C']) {
		state = type(state, key);
		assert.equal(state.collapsed.size, 0, key);
		assert.match(state.message?.text ?? '', /Nothing to collapse in flat view/, key);
	}

	state = type(state, 't');
	assert.ok(state.rows.some((row) => row.key === '1'), 'grouped again, nothing is folded');
});

test('M on a list without memory figures (MaxScale before 22.08) says so and keeps the sort (QA: the column is left out)', () => {
	let state = start([session(1), session(2)]);
	state = type(state, 'M');
	assert.deepEqual(state.sort, {key: 'id', descending: false});
	assert.equal(state.message?.text, 'No session of the list has a memory figure (MaxScale sends it from 22.08): the sort stays by id.');
	state = start(sessions);
	assert.deepEqual(type(state, 'M').sort, {key: 'memory', descending: true});
});
