import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {copyLimitBytes} from '../../source/model/copy-save.js';
import {confirmQuestion, describeTarget} from '../../source/model/confirm-question.js';
import type {Effect, Target} from '../../source/model/operations.js';
import {summarize} from '../../source/model/outcome.js';
import {keyHint} from '../../source/model/keymap.js';
import {session} from '../helpers/sessions.js';
import {poll, start, type} from '../helpers/state.js';

/** The newest effect the state asks the UI for. */
const latest = (state: MonitorState) => state.effects.at(-1);

function operationOf(state: MonitorState): Extract<Effect, {kind: 'operation'}> {
	const effect = latest(state);
	assert.ok(effect?.kind === 'operation', `an operation, not ${effect?.kind}`);
	return effect;
}

function copyOf(state: MonitorState): Extract<Effect, {kind: 'copy'}> {
	const effect = latest(state);
	assert.ok(effect?.kind === 'copy', `a copy, not ${effect?.kind}`);
	return effect;
}

const sessions = [
	session(1, {user: 'app', remote: '10.0.0.1', port: 5000}),
	session(2, {user: 'report', remote: '10.0.0.2', port: 5001}),
	session(3, {user: 'batch', remote: '10.0.0.3', port: 5002}),
];

test('K asks, naming id, user@host and service; y sends exactly that id', () => {
	let state = type(start(sessions), 'down', 'K');
	assert.equal(state.mode, 'confirm');
	// No version known yet (no /v1/maxscale answer in this state): the target says so.
	assert.deepEqual(state.confirm?.targets, [{key: '2', id: '2', host: '', user: 'report', client: '10.0.0.2:5001', service: 'RW-Split-Router', versionUnknown: true}]);
	state = type(state, 'y');
	assert.equal(state.mode, 'list');
	assert.equal(latest(state)?.kind, 'operation');
	assert.deepEqual(operationOf(state).targets.map((t) => t.id), ['2']);
});

test('Delete and F9 kill too; n, Esc and Enter cancel without sending, as [y/N] says', () => {
	for (const key of ['delete', 'f9']) {
		assert.equal(type(start(sessions), key).mode, 'confirm');
	}

	for (const key of ['n', 'escape', 'return']) {
		const state = type(start(sessions), 'K', '5', key);
		assert.equal(state.mode, 'list');
		assert.deepEqual(state.effects, []);
		assert.match(state.message?.text ?? '', /Nothing was killed/);
	}
});

test('a grace period typed in the confirmation becomes ?ttl', () => {
	let state = type(start(sessions), 'K', '3', '0', '5', 'backspace');
	assert.equal(state.confirm?.ttl, '30');
	state = type(state, 'y');
	assert.equal(operationOf(state).ttl, 30);
});

test('a grace period takes six digits at most, as the readme says: a seventh is not typed', () => {
	const state = type(start(sessions), 'K', ...'1234567');
	assert.equal(state.confirm?.ttl, '123456');
	assert.equal(operationOf(type(state, 'y')).ttl, 123_456);
});

test('safety: the list re-sorting between K and y does not change the target', () => {
	let state = type(start(sessions), 'down', 'K');
	// A poll arrives and a re-sort moves another session under the cursor row.
	state = poll(state, [session(0, {user: 'zzz'}), ...sessions.toReversed()]);
	state = reducer(state, {type: 'set-sort', sort: {key: 'user', descending: true}});
	state = type(state, 'y');
	assert.deepEqual(operationOf(state).targets.map((t) => t.id), ['2']);
});

test('safety: a row that ended before y is reported, not sent', () => {
	let state = type(start(sessions), 'down', 'K');
	state = poll(state, sessions.filter((s) => s.id !== '2'));
	state = type(state, 'y');
	const effect = operationOf(state);
	assert.deepEqual(effect.targets, []);
	assert.deepEqual(effect.gone.map((t) => t.id), ['2']);
	state = reducer(state, {type: 'operation-done', seq: effect.seq, operation: 'kill', outcomes: [], gone: effect.gone});
	assert.match(state.message?.text ?? '', /Session 2 \(report@10\.0\.0\.2:5001, RW-Split-Router\) had already ended: nothing to kill\./);
});

test('safety, property: whatever polls and keys come between K and y, only the named ids are sent', () => {
	let seed = 42;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};

	for (let round = 0; round < 200; round++) {
		const population = Array.from({length: 12}, (_, i) => session(i + 1, {user: `u${i}`, idleSeconds: random() * 100}));
		let state = type(start(population), ...Array.from({length: Math.floor(random() * 12)}, () => 'down'));
		const named = state.selectedId;
		state = type(state, 'K');
		if (state.mode !== 'confirm') {
			continue; // The cursor was on a group row.
		}

		for (let step = 0; step < 5; step++) {
			const survivors = population.filter(() => random() > 0.2).map((s) => ({...s, idleSeconds: random() * 100}));
			state = poll(state, [...survivors, session(100 + step + round * 10)]);
			state = reducer(state, {type: 'set-sort', sort: {key: random() > 0.5 ? 'idle' : 'user', descending: random() > 0.5}});
		}

		state = type(state, 'y');
		const effect = operationOf(state);
		const sent = effect.targets.map((t) => t.id);
		const gone = effect.gone.map((t) => t.id);
		assert.deepEqual([...sent, ...gone], [named]);
		assert.equal(sent.length === 1, state.byId.has(named!));
	}
});

test('Space marks and moves down; K acts on every marked session; u unmarks', () => {
	let state = type(start(sessions), 'space', 'space');
	assert.deepEqual([...state.marked], ['1', '2']);
	assert.equal(state.selectedId, '3');
	state = type(state, 'K');
	assert.deepEqual(state.confirm?.targets.map((t) => t.id), ['1', '2']);
	state = type(state, 'escape', 'u');
	assert.equal(state.marked.size, 0);
});

test('R restarts the same way; no grace period for restarts', () => {
	let state = type(start(sessions), 'R', '5');
	assert.equal(state.confirm?.operation, 'restart');
	assert.equal(state.confirm?.ttl, '');
	state = type(state, 'y');
	assert.equal(operationOf(state).operation, 'restart');
});

test('--readonly removes both actions', () => {
	for (const key of ['K', 'R', 'delete']) {
		const state = type(start(sessions, {readonly: true}), key);
		assert.equal(state.mode, 'list');
		assert.match(state.message?.text ?? '', /Read-only mode/);
	}
});

test('the outcome in one sentence: done, ttl, 403, 404, 405, several', () => {
	const t = (id: string): Target => ({key: id, id, host: '', user: 'app', client: '10.0.0.1:5000', service: 'RW'});
	assert.equal(summarize('kill', [{target: t('1'), ok: true}], []), 'Killed session 1 (app@10.0.0.1:5000, RW).');
	assert.equal(summarize('kill', [{target: t('1'), ok: true}], [], 30), 'Session 1 (app@10.0.0.1:5000, RW) has 30\u00A0s to close, then is killed.');
	assert.equal(summarize('kill', [{target: t('1'), ok: true}, {target: t('2'), ok: true}], [], 30), '2 of 2 sessions have 30\u00A0s to close, then are killed.');
	assert.match(summarize('kill', [{target: t('1'), ok: false, status: 403, error: 'x'}], []), /read-only \(403\)/);
	// Basic authentication: MaxScale refuses a read-only user's write with 401, not 403.
	assert.equal(
		summarize('kill', [{target: t('1'), ok: false, status: 401, error: 'x'}], []),
		'Not killed: MaxScale refused it (401 Access denied) to a user it lets list sessions, a read-only (basic) user; use an admin user.',
	);
	assert.match(summarize('kill', [{target: t('1'), ok: false, status: 404, error: 'x'}], []), /had already ended/);
	// A 405 from a MaxScale whose version is not known: maybe one older than 22.08.
	assert.match(summarize('kill', [{target: {...t('1'), versionUnknown: true}, ok: false, status: 405, error: 'x'}], []), /cannot kill sessions \(405\): that needs MaxScale 22\.08/);
	// QA: from one known to have the call (K is refused before sending to an older one), something in front of it.
	assert.equal(
		summarize('kill', [{target: t('1'), ok: false, status: 405, error: 'x'}], []),
		"Not killed: the server refused the request (405), though this MaxScale's version has the call; a proxy in front of its REST API may allow only reads.",
	);
	assert.equal(
		summarize('kill', [{target: t('1'), ok: true}, {target: t('2'), ok: false, status: 404}, {target: t('3'), ok: false, status: 500, error: 'boom'}], [t('4')]),
		'Killed 1 of 4 sessions; 2 had already ended; 1 failed: boom.',
	);
	assert.equal(summarize('restart', [{target: t('1'), ok: true}], []), 'Restarted session 1 (app@10.0.0.1:5000, RW).');
});

test('y copies the open document, or the session id; too large is refused with a sentence', () => {
	let state = type(start(sessions), 'y');
	assert.deepEqual([copyOf(state).text, copyOf(state).what], ['1', 'session id 1']);
	state = type(state, 'return');
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {id: '1'}}});
	state = type(state, 'y');
	assert.deepEqual(JSON.parse(copyOf(state).text), {data: {id: '1'}});
	// Copied as the pane shows it: a bidi override or a C1 control goes to the clipboard escaped, the JSON still the same.
	const hostile = {data: {id: '1', attributes: {user: 'ad\u202Emin\u009B2J'}}};
	state = reducer(state, {type: 'document-loaded', id: '1', document: hostile});
	state = type(state, 'y');
	assert.doesNotMatch(copyOf(state).text, /[\u202E\u009B]/u);
	assert.match(copyOf(state).text, /ad\\u202emin\\u009b2J/);
	assert.deepEqual(JSON.parse(copyOf(state).text), hostile);
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {log: 'x'.repeat(copyLimitBytes)}}});
	const seq = state.seq;
	state = type(state, 'y');
	assert.equal(state.seq, seq);
	assert.match(state.message?.text ?? '', /over the 74 KB a terminal clipboard takes: press s to save it/);
});

test('before 22.08 MaxScale cannot kill: said at once, nothing sent (it would answer a bare 404)', () => {
	let state = start(sessions);
	state = reducer(state, {type: 'server-info', info: {version: '6.4.15', askedAt: 0}});
	for (const key of ['K', 'R']) {
		const asked = type(state, key);
		assert.equal(asked.mode, 'list');
		assert.match(asked.message?.text ?? '', /MaxScale 6\.4\.15 cannot (kill|restart) sessions: that needs MaxScale 22\.08 or later\./);
	}

	state = reducer(state, {type: 'server-info', info: {version: '22.08.14', askedAt: 0}});
	assert.equal(type(state, 'K').mode, 'confirm');
});

test('marks on a new and an old MaxScale: the question offers the new one\'s, says which are left out; y sends only those', () => {
	const on = (host: string, id: number) => session(id, {key: `${host}#${id}`, host, user: 'app'});
	let state = initialState({hosts: ['new:8989', 'old:8989']});
	state = reducer(state, {type: 'poll-ok', host: 'new:8989', sessions: [on('new:8989', 1), on('new:8989', 2)], at: 1000, latencyMs: 3, bytes: 100});
	state = reducer(state, {type: 'poll-ok', host: 'old:8989', sessions: [on('old:8989', 1)], at: 1000, latencyMs: 3, bytes: 100});
	state = reducer(state, {type: 'server-info', host: 'new:8989', info: {version: '24.02.3', askedAt: 0}});
	state = reducer(state, {type: 'server-info', host: 'old:8989', info: {version: '2.2.21', askedAt: 0}});
	for (const key of ['new:8989#1', 'new:8989#2', 'old:8989#1']) {
		state = reducer({...state, selectedId: key, autoCursor: false}, {type: 'mark'});
	}

	assert.equal(state.marked.size, 3);
	const asked = type(state, 'K');
	assert.equal(asked.mode, 'confirm');
	assert.deepEqual(asked.confirm?.targets.map((target) => target.key), ['new:8989#1', 'new:8989#2']);
	assert.equal(confirmQuestion(asked.confirm!), 'Kill 2 marked sessions of app on RW-Split-Router: 1, 2 on new:8989 (not the 1 on old:8989: that MaxScale is older than 22.08)?');
	assert.match(confirmQuestion({...asked.confirm!, unable: {count: 3, hosts: ['old:8989', 'old2:8989']}}), /\(not the 3 on old:8989, old2:8989: those MaxScales are older than 22\.08\)\?$/);
	const sent = type(asked, 'y');
	const effect = operationOf(sent);
	assert.deepEqual(effect.targets.map((target) => target.key), ['new:8989#1', 'new:8989#2']);
	// The outcome says again what was left out.
	const done = reducer(sent, {type: 'operation-done', seq: effect.seq, operation: 'kill', outcomes: effect.targets.map((target) => ({target, ok: true})), gone: [], unable: effect.unable});
	assert.equal(done.message?.text, 'Killed 2 of 2 sessions. 1 on old:8989 left out: older than 22.08.');
	// A new MaxScale whose version is not known yet beside the old one: one parenthesis, both said.
	const unsure = type({...state, hosts: {...state.hosts, 'new:8989': {...state.hosts['new:8989']!, server: undefined}}}, 'K');
	assert.equal(
		confirmQuestion(unsure.confirm!),
		"Kill 2 marked sessions of app on RW-Split-Router: 1, 2 on new:8989 (not the 1 on old:8989: that MaxScale is older than 22.08; MaxScale's version is unknown, and one older than 22.08 cannot kill)?",
	);
	// Only old ones marked: nothing to ask, and the sentence says nothing was sent.
	let old = reducer(state, {type: 'unmark-all'});
	old = reducer({...old, selectedId: 'old:8989#1'}, {type: 'mark'});
	old = reducer({...old, selectedId: 'new:8989#1'}, {type: 'mark'});
	old = reducer({...old, selectedId: 'new:8989#1'}, {type: 'mark'});
	assert.deepEqual([...old.marked], ['old:8989#1']);
	const refused = type(old, 'K');
	assert.equal(refused.mode, 'list');
	assert.match(refused.message?.text ?? '', /MaxScale 2\.2\.21 on old:8989 cannot kill sessions: that needs MaxScale 22\.08 or later\.$/);
	// Marks on two MaxScales too old: both named, in -h order (QA: only the first was).
	let two = reducer(state, {type: 'server-info', host: 'new:8989', info: {version: '2.5.29', askedAt: 0}});
	two = reducer(reducer(two, {type: 'unmark-all'}), {type: 'mark-shown'});
	assert.equal(
		type(two, 'K').message?.text,
		'MaxScale 2.5.29 on new:8989 and 2.2.21 on old:8989 cannot kill sessions: that needs MaxScale 22.08 or later. Nothing was killed.',
	);
});

test('a MaxScale of unknown version: the question says a kill may not exist there, and a 404 is not read as gone', () => {
	const asked = type(start(sessions), 'down', 'K');
	assert.equal(confirmQuestion(asked.confirm!), "Kill session 2 (report@10.0.0.2:5001, RW-Split-Router) (MaxScale's version is unknown, and one older than 22.08 cannot kill)?");
	const [target] = operationOf(type(asked, 'y')).targets;
	assert.equal(target?.versionUnknown, true);
	assert.equal(
		summarize('kill', [{target: target!, ok: false, status: 404}], []),
		'Session 2 (report@10.0.0.2:5001, RW-Split-Router) was not found (404): it had ended, or its MaxScale (version unknown) is older than 22.08, which cannot kill sessions.',
	);
	const known = {...target!, versionUnknown: undefined};
	assert.match(summarize('kill', [{target: known, ok: false, status: 404}], []), /had already ended: nothing to kill\.$/);
	assert.equal(
		summarize('kill', [{target: target!, ok: false, status: 404}, {target: known, ok: true}], []),
		'Killed 1 of 2 sessions; 1 not found (404): ended, or a MaxScale (version unknown) older than 22.08.',
	);
	// Known to be 22.08 or later: nothing more said.
	const versioned = reducer(start(sessions), {type: 'server-info', info: {version: '24.02.3', askedAt: 0}});
	assert.doesNotMatch(confirmQuestion(type(versioned, 'down', 'K').confirm!), /unknown/);
});

test('read-only: the footer hint leaves kill out, the full one keeps it', () => {
	assert.ok(keyHint('list').some((hint) => hint.label === 'K'));
	assert.ok(!keyHint('list', true).some((hint) => hint.label === 'K'));
});

test('two keys in one read (yy over a slow link): the kill is queued, then the copy; neither replaces the other', () => {
	let state = type(start(sessions), 'down', 'K');
	state = type(state, 'y', 'y');
	assert.deepEqual(state.effects.map((effect) => effect.kind), ['operation', 'copy']);
	const [kill, copied] = state.effects;
	state = reducer(state, {type: 'effect-done', seq: kill!.seq});
	assert.deepEqual(state.effects, [copied]);
	state = type(state, 's');
	assert.deepEqual(state.effects.map((effect) => effect.kind), ['copy', 'save']);
});

test('q at a kill question answers no (Ctrl-C still quits)', () => {
	const state = type(start(sessions), 'K', 'q');
	assert.equal(state.mode, 'list');
	assert.equal(state.quitting, false);
	assert.deepEqual(state.effects, []);
	assert.match(state.message?.text ?? '', /Nothing was killed/);
});

test('a kill on a MaxScale whose polls fail says so in the question, before y', () => {
	let state = reducer(start(sessions), {type: 'server-info', info: {version: '24.02.3', askedAt: 0}});
	state = reducer(state, {type: 'poll-failed', error: {kind: 'refused', message: 'mx refused the connection.'}, at: Date.now(), retryAt: Date.now() + 5000});
	state = type(state, 'down', 'down', 'K');
	assert.match(confirmQuestion(state.confirm!), /\(MaxScale is not answering: the rows are its last good list\)\?$/);
	// Answering again: not said.
	state = type(poll(type(state, 'n'), sessions), 'K');
	assert.doesNotMatch(confirmQuestion(state.confirm!), /not answering/);
	// Nor once it answers again while the question is open: the question goes by the MaxScale as it is now.
	state = reducer(state, {type: 'poll-failed', error: {kind: 'refused', message: 'mx refused the connection.'}, at: Date.now(), retryAt: Date.now() + 5000});
	assert.match(confirmQuestion(state.confirm!), /not answering/, 'said as soon as its polls fail');
	state = poll(state, sessions);
	assert.equal(state.mode, 'confirm');
	assert.doesNotMatch(confirmQuestion(state.confirm!), /not answering/);
});

test('a kill whose session ended in a restart of its MaxScale, its id now another session\'s: said, not sent', () => {
	const connected = (at: number) => sessions.map((s) => (s.id === '2' ? {...s, connectedAt: at} : s));
	let state = type(start(connected(1_000_000)), 'down', 'K');
	// MaxScale restarted: id 2 is another client's session, connected an hour and two minutes later (whole quarter hours apart would be a zone, not a restart).
	state = poll(state, connected(1_000_000 + 3_725_000));
	state = type(state, 'y');
	const effect = operationOf(state);
	assert.deepEqual(effect.targets, []);
	state = reducer(state, {type: 'operation-done', seq: effect.seq, operation: 'kill', outcomes: [], gone: effect.gone});
	assert.match(state.message?.text ?? '', /^Session 2 \(.*\) had already ended: its MaxScale restarted, and 2 now names another session; nothing to kill\.$/);
	assert.equal(
		summarize('kill', [], [{...effect.gone[0]!}, {key: '3', id: '3', host: '', client: 'x', service: 'RW'}]),
		'Killed 0 of 2 sessions; 2 had already ended (1 of them under ids a restarted MaxScale gave to others).',
	);
});

test('the pane focused acts on the session it shows: once that one has ended, K names it and kills nothing, not the neighbour the cursor went to', () => {
	let state = type(start(sessions), 'down', 'return', 'tab');
	assert.equal(state.focus, 'pane');
	const shown = state.pane.id;
	state = poll(state, sessions.filter((s) => s.key !== shown));
	assert.equal(state.pane.ended, true);
	assert.notEqual(state.selectedId, shown, 'the cursor went on to a neighbour');
	const asked = type(state, 'K');
	assert.equal(asked.mode, 'list');
	assert.deepEqual(asked.effects, []);
	assert.match(asked.message?.text ?? '', new RegExp(`^The pane's session ${shown} has ended: nothing to kill; Tab goes back to the list`));
	// Back in the list, K asks about the row under the cursor.
	assert.equal(type(state, 'tab', 'K').confirm?.targets[0]?.key, state.selectedId);
});

test('a kill with a grace period leaves its sessions closing while they are listed; one without, or a restart, none', () => {
	let state = type(start(sessions), 'K', '5', 'y');
	const effect = operationOf(state);
	assert.equal(effect.ttl, 5);
	state = reducer(state, {type: 'operation-done', seq: effect.seq, operation: 'kill', outcomes: effect.targets.map((target) => ({target, ok: true})), gone: [], ttl: 5});
	const key = effect.targets[0]!.key;
	assert.deepEqual([...state.closing.keys()], [key]);
	state = poll(state, sessions);
	assert.deepEqual([...state.closing.keys()], [key], 'still listed: still closing');
	state = poll(state, sessions.filter((each) => each.key !== key));
	assert.equal(state.closing.size, 0, 'ended: no longer');
	// Without a grace period the kill is at once: nothing closing.
	let now = type(start(sessions), 'K', 'y');
	const atOnce = operationOf(now);
	now = reducer(now, {type: 'operation-done', seq: atOnce.seq, operation: 'kill', outcomes: atOnce.targets.map((target) => ({target, ok: true})), gone: []});
	assert.equal(now.closing.size, 0);
});

test('QA: a session still listed well past its grace period is closing no longer, and that is said', () => {
	let state = type(start(sessions), 'K', '5', 'y');
	const effect = operationOf(state);
	const at = 1_000_000;
	state = reducer(state, {type: 'operation-done', seq: effect.seq, operation: 'kill', outcomes: effect.targets.map((target) => ({target, ok: true})), gone: [], ttl: 5, at});
	const key = effect.targets[0]!.key;
	const polled = (now: number) => reducer({...state, message: undefined}, {type: 'poll-ok', sessions, at: now, latencyMs: 1, bytes: 1});
	// The grace period, and two polls (at least 5 s) for the list to show it gone.
	state = polled(at + 9000);
	assert.deepEqual([...state.closing.keys()], [key], 'within it: closing');
	assert.equal(state.message, undefined);
	state = polled(at + 11_000);
	assert.equal(state.closing.size, 0, 'past it: MaxScale\'s state again');
	assert.equal(state.message?.tone, 'error');
	assert.equal(state.message?.text, `Session ${effect.targets[0]!.id} is still listed past its kill's grace period: MaxScale has not closed it; K again kills at once.`);
	state = polled(at + 13_000);
	assert.equal(state.message, undefined, 'said once');
});

test('QA: a session with no user and no client reported (2.1, or one still authenticating) is named without ?@?', () => {
	const bare = [session(3, {user: undefined, remote: undefined, port: undefined, service: 'CLI'})];
	const asked = type(start(bare), 'K');
	assert.match(confirmQuestion(asked.confirm!), /^Kill session 3 \(CLI\)/);
	const half = [session(4, {user: undefined, remote: '10.0.0.4', port: 5000, service: 'CLI'})];
	assert.match(confirmQuestion(type(start(half), 'K').confirm!), /^Kill session 4 \(no user, 10\.0\.0\.\d+:\d+, CLI\)/);
});

test('QA: a question open while its sessions end says so, so its count agrees with the header\'s', () => {
	const three = [session(1), session(2), session(3)];
	let state = type(start(three), 'K');
	state = poll(state, [session(2), session(3)]);
	assert.match(confirmQuestion(state.confirm!), /^Kill session 1 \(.*\) \(.*it has ended since: nothing to kill\)\?$/);
	let marked = type(start(three), 'space', 'space', 'space', 'K');
	assert.match(confirmQuestion(marked.confirm!), /^Kill 3 marked sessions on RW-Split-Router: 1, 2, 3( \(.*\))?\?$/);
	marked = poll(marked, [session(3)]);
	assert.match(confirmQuestion(marked.confirm!), /^Kill 3 marked sessions on RW-Split-Router: 1, 2, 3 \((.*; )?2 of the 3 have ended since\)\?$/);
});

test('QA: failures for different reasons say each one (what to do about each MaxScale), the same reason once', () => {
	const t = (id: string, host: string): Target => ({key: `${host}#${id}`, id, host, client: 'app@10.0.0.1:5000', service: 'RW'});
	const down = '127.0.0.1:18992 refused the connection: is MaxScale running with its REST API (admin_host, admin_port) there?';
	const slow = 'mx3:8989 did not answer within 10s: MaxScale may be overloaded; raise --timeout if it is just slow.';
	const failed = (target: Target, error: string) => ({target, ok: false, status: 0, error});
	assert.equal(
		summarize('kill', [{target: t('1', 'mx1:8989'), ok: true}, failed(t('2', '127.0.0.1:18992'), down), failed(t('3', '127.0.0.1:18992'), down), failed(t('4', 'mx3:8989'), slow)], []),
		`Killed 1 of 4 sessions; 3 failed: ${down} ${slow}`,
	);
	// Past three reasons, how many more.
	const many = ['a', 'b', 'c', 'd', 'e'].map((reason, index) => failed(t(String(index), `mx${index}:8989`), `reason ${reason}`));
	assert.equal(summarize('restart', many, []), 'Restarted 0 of 5 sessions; 5 failed: reason a. reason b. reason c. And 2 other reasons.');
	assert.equal(summarize('restart', many.slice(0, 4), []), 'Restarted 0 of 4 sessions; 4 failed: reason a. reason b. reason c. And 1 other reason.');
});

test('QA: with several MaxScales, y says which one the copied id is of (the same id on two is two sessions)', () => {
	const hosts = ['mx1:8989', 'mx2:8989'];
	let state = initialState({hosts});
	for (const host of hosts) {
		state = reducer(state, {type: 'poll-ok', host, sessions: [session(32, {key: `${host}#32`, host})], at: 1000, latencyMs: 1, bytes: 1});
	}

	state = reducer({...state, selectedId: 'mx2:8989#32'}, {type: 'copy'});
	assert.deepEqual([copyOf(state).text, copyOf(state).what], ['32', 'session id 32 on mx2:8989']);
	state = reducer(type(state, 'return'), {type: 'document-loaded', id: 'mx2:8989#32', document: {data: {id: '32'}}});
	assert.equal(copyOf(type(state, 'y')).what, 'the document of session 32 on mx2:8989');
});

test('a question names a session with no user as the list does, and cuts a user name a client made long (QA)', () => {
	const target = (user: string | undefined): Target => ({key: '110', id: '110', host: 'mx', ...(user === undefined ? {} : {user}), client: '10.0.1.32:40010', service: 'RW-Split-Router'});
	assert.equal(describeTarget(target(undefined)), 'session 110 (no user, 10.0.1.32:40010, RW-Split-Router)');
	assert.equal(describeTarget(target('')), 'session 110 (no user, 10.0.1.32:40010, RW-Split-Router)');
	assert.equal(describeTarget({...target(undefined), client: '?'}), 'session 110 (RW-Split-Router)');
	const long = describeTarget(target('x'.repeat(512)));
	assert.equal(long, `session 110 (${'x'.repeat(39)}…@10.0.1.32:40010, RW-Split-Router)`);
});

test('a question names a sixth session rather than say "and 1 more", and each MaxScale once after its ids (QA)', () => {
	const target = (id: number, host?: string): Target => ({key: host === undefined ? String(id) : `${host}#${id}`, id: String(id), host: host ?? 'mx', client: '10.0.0.1:5000', service: 'RW'});
	const ask = (targets: Target[]) => confirmQuestion({operation: 'kill', targets} as never);
	assert.match(ask([1, 2, 3, 4, 5, 6].map((id) => target(id))), /: 1, 2, 3, 4, 5, 6\?/);
	assert.match(ask([1, 2, 3, 4, 5, 6, 7].map((id) => target(id))), /: 1, 2, 3, 4, 5 and 2 more\?/);
	assert.match(ask([target(2, 'mx2'), target(3, 'mx2'), target(5, 'mx1')]), /: 2, 3 on mx2; 5 on mx1\?/);
});
