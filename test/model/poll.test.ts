import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {preparePoll, type PollOk} from '../../source/model/poll.js';
import {finish} from '../../source/model/steps.js';
import {Tally} from '../../source/model/tally.js';
import {session} from '../helpers/sessions.js';
import {labels, start, type} from '../helpers/state.js';

const services = ['Alpha', 'Beta', 'Gamma'];
const states = ['Session started', 'Session ready for routing'];
const many = (from: number, n: number) =>
	Array.from({length: n}, (_, i) => session(from + i, {service: services[(from + i) % 3], state: states[(from + i) % 7 === 0 ? 1 : 0], idleSeconds: (from + i) % 13, user: `u${(from + i) % 5}`}));

const answer = (sessions = many(40, 20_000), at = 999_000): PollOk => ({type: 'poll-ok', sessions, at, latencyMs: 5, bytes: 1});

/** The parts of the state a poll changes, for comparing two ways of landing it. */
const visible = (state: MonitorState) => ({
	labels: labels(state),
	selectedId: state.selectedId,
	listTop: state.listTop,
	polls: state.polls,
	born: [...state.changes.born],
	ghosts: state.changes.ghosts.map((ghost) => ghost.session.key),
	history: [...state.changes.history],
	marked: [...state.marked],
	lastPoll: state.lastPoll,
	pane: state.pane,
	summary: state.summary,
});

test('a poll prepared in steps lands exactly as one reduced at once, and its work is used as it is', () => {
	let before = type(start(many(0, 20_000)), 'down', 'down', 'down', 'm');
	before = type(before, '>', '>', '>', '>', '>'); // Sort by idle: ties everywhere, broken by id.
	const action = answer();
	const prepared = finish(preparePoll(before, action));
	const landed = reducer(before, {...action, prepared});
	const direct = reducer(before, action);
	assert.deepEqual(visible(landed), visible(direct));
	assert.equal(landed.rows, prepared.rows, 'the prepared rows are the ones on screen');
	assert.equal(landed.byId, prepared.byId);
	// The cursor's session went (ids 0–39 ended): it moved to a neighbour, as it does at once.
	assert.equal(landed.selectedId, direct.selectedId);
	assert.equal(landed.changes.ghosts.length, 40);
	assert.equal(landed.changes.born.size, 40);
});

test('keys pressed while a poll was being prepared are kept, and a changed view is rebuilt', () => {
	const before = start(many(0, 5000));
	const action = answer(many(10, 5000));
	const prepared = finish(preparePoll(before, action));

	// The cursor moved meanwhile: the prepared rows still fit, the cursor stays where the user put it.
	const moved = type(before, 'down', 'down', 'down', 'down');
	const afterMove = reducer(moved, {...action, prepared});
	assert.equal(afterMove.rows, prepared.rows);
	assert.deepEqual(visible(afterMove), visible(reducer(moved, action)));

	// The sort changed meanwhile: the prepared rows are in the old order, so they are built again.
	const sorted = type(before, '>', '>', '>', '>', '>');
	const afterSort = reducer(sorted, {...action, prepared});
	assert.notEqual(afterSort.rows, prepared.rows);
	assert.deepEqual(visible(afterSort), visible(reducer(sorted, action)));

	// A filter typed meanwhile: the same.
	const filtered = type(before, '/', 'u', '1', 'return');
	const afterFilter = reducer(filtered, {...action, prepared});
	assert.deepEqual(visible(afterFilter), visible(reducer(filtered, action)));
	assert.ok(afterFilter.rows.length < prepared.rows.length);
});

test('p pressed while a poll was in flight or being prepared: the paused screen does not change', () => {
	const before = start(many(0, 100));
	const prepared = finish(preparePoll(before, answer(many(50, 100))));
	const paused = type(before, 'p');
	assert.equal(reducer(paused, {...answer(many(50, 100)), prepared}), paused);
	// An answer that was in flight when p came, prepared after it: still not shown.
	const late = finish(preparePoll(paused, answer(many(50, 100))));
	assert.equal(reducer(paused, {...answer(many(50, 100)), prepared: late}), paused);
	assert.equal(reducer(paused, answer(many(50, 100))), paused);
	// A poll asked for while paused (r) lands, prepared or not.
	assert.equal(reducer(paused, {...answer(many(50, 100)), prepared: late, manual: true}).polls, paused.polls + 1);
	assert.equal(reducer(paused, {...answer(many(50, 100)), manual: true}).polls, paused.polls + 1);
});

test('preparing a big poll gives way many times; a small one hardly', () => {
	const count = (state: MonitorState, action: PollOk) => {
		const steps = preparePoll(state, action);
		let yields = 0;
		while (!steps.next().done) {
			yields++;
		}

		return yields;
	};

	const before = type(start(many(0, 100_000)), '>', '>', '>', '>', '>');
	assert.ok(count(before, answer(many(5, 100_000))) >= 100, 'a 100k poll yields at least every few thousand sessions');
	assert.equal(count(start(many(0, 10)), answer(many(1, 10))), 0);
});

test('the poll brings the summary the screen shows: sessions per state, the widest id, user, client and service', () => {
	let state = start([session(7), session(12_345, {state: 'Session ready for routing'}), session(99, {state: ''})]);
	assert.deepEqual(state.summary, {
		stateCounts: [{state: 'Session started', count: 1}, {state: 'Session ready for routing', count: 1}, {state: '(no state)', count: 1}],
		idWidth: 5,
		// Users and clients unknown ('?', as 2.1 sends its sessions), RW-Split-Router; no servers said (0: no column), no idle times (0: none).
		widest: {user: 1, client: 1, service: 15, server: 0, memory: 0, io: 0, statement: 0, idleTimes: 0},
	});
	state = reducer(state, {...answer([session(1, {user: 'etl', remote: '10.0.0.1', port: 4000, service: 'RO', idleSeconds: 2})]), prepared: undefined});
	// The Id column as wide as the ended sessions still shown (12345): their ids are whole.
	assert.deepEqual(state.summary, {stateCounts: [{state: 'Session started', count: 1}], idWidth: 5, widest: {user: 3, client: 13, service: 2, server: 0, memory: 0, io: 0, statement: 0, idleTimes: 1}});
});

test('an index built as the list arrived is taken as it is for one MaxScale; rebuilt where the list is another (several MaxScales, ages shifted)', () => {
	const list = [session(1), session(2)];
	const index = new Map(list.map((each) => [each.key, each]));
	const action: PollOk = {type: 'poll-ok', sessions: list, index, at: 1000, latencyMs: 3, bytes: 1};
	assert.equal(finish(preparePoll(start([]), action)).byId, index);
	// Several MaxScales: the list is every host's, not this one's alone.
	const several = reducer(reducer(start([]), {type: 'resize', listHeight: 5, paneHeight: 5, paneWidth: 40}), {type: 'poll-ok', sessions: [], at: 0, latencyMs: 1, bytes: 1});
	const two: MonitorState = {...several, hostOrder: ['mx1', 'mx2'], hosts: {mx1: {sessions: []}, mx2: {sessions: [session(9, {key: 'mx2#9', host: 'mx2'})]}}};
	const prepared = finish(preparePoll(two, {...action, host: 'mx1'}));
	assert.notEqual(prepared.byId, index);
	assert.equal(prepared.byId.size, 3);
	// Ages shifted (zone-hint.ts): other session objects than the index's.
	const shifted: MonitorState = {...start([]), hosts: {'': {sessions: [], ageShift: 3600}}};
	const moved = finish(preparePoll(shifted, action));
	assert.notEqual(moved.byId, index);
	assert.equal(moved.byId.get('1'), moved.sessions[0]);
});

test('a summary worked out as the list arrived is taken as it is for one MaxScale; worked out again over several', () => {
	const list = [session(1), session(22)];
	const summary = finish(preparePoll(start([]), {type: 'poll-ok', sessions: list, at: 1000, latencyMs: 3, bytes: 1})).summary;
	const action: PollOk = {type: 'poll-ok', sessions: list, summary: {...summary}, at: 1000, latencyMs: 3, bytes: 1};
	assert.equal(finish(preparePoll(start([]), action)).summary, action.summary);
	const several = reducer(reducer(start([]), {type: 'resize', listHeight: 5, paneHeight: 5, paneWidth: 40}), {type: 'poll-ok', sessions: [], at: 0, latencyMs: 1, bytes: 1});
	const two: MonitorState = {...several, hostOrder: ['mx1', 'mx2'], hosts: {mx1: {sessions: []}, mx2: {sessions: [session(333, {key: 'mx2#333', host: 'mx2'})]}}};
	const prepared = finish(preparePoll(two, {...action, host: 'mx1'}));
	assert.notEqual(prepared.summary, action.summary);
	assert.deepEqual(prepared.summary.stateCounts, [{state: 'Session started', count: 3}]);
	assert.equal(prepared.summary.idWidth, 3, 'the other MaxScale\'s id counts');
});

test('sessions per service counted as the list arrived make the sparklines for one MaxScale; counted again over several', () => {
	const list = [session(1, {service: 'A'}), session(2, {service: 'B'}), session(3, {service: 'A'})];
	// Not what the list holds, so that whether it was taken shows.
	const counted = new Tally();
	counted.add('Z');
	const action: PollOk = {type: 'poll-ok', sessions: list, services: counted, at: 1000, latencyMs: 3, bytes: 1};
	const history = finish(preparePoll(start([]), action)).changes.history;
	assert.equal(history.get('Z')?.at(-1), 1);
	assert.equal(history.get('A'), undefined);
	const several = reducer(reducer(start([]), {type: 'resize', listHeight: 5, paneHeight: 5, paneWidth: 40}), {type: 'poll-ok', sessions: [], at: 0, latencyMs: 1, bytes: 1});
	const two: MonitorState = {...several, hostOrder: ['mx1', 'mx2'], hosts: {mx1: {sessions: [], lastPoll: {at: 0, latencyMs: 1, bytes: 1}}, mx2: {sessions: [session(9, {key: 'mx2#9', host: 'mx2', service: 'A'})], lastPoll: {at: 0, latencyMs: 1, bytes: 1}}}};
	const counts = finish(preparePoll(two, {...action, host: 'mx1'})).changes.history;
	assert.equal(counts.get('A')?.at(-1), 3);
	assert.equal(counts.get('B')?.at(-1), 1);
	assert.equal(counts.get('Z'), undefined);
});
