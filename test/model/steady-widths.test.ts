// QA: the User and Client columns jumped as one long name connected and left (six layouts in
// 90 s on a churning MaxScale). A column widens at once and narrows only after its texts have
// been shorter for a while.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {narrowAfterMs, steadyWidths} from '../../source/model/steady-widths.js';
import {layoutColumns} from '../../source/model/columns.js';
import {session} from '../helpers/sessions.js';

test('wider at once, narrower only once the texts have been shorter for a while', () => {
	let steady = steadyWidths(undefined, {user: 10, client: 15, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 0);
	steady = steadyWidths(steady, {user: 36, client: 15, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 2000);
	assert.deepEqual(steady.widest, {user: 36, client: 15, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 'a long name: at once');
	steady = steadyWidths(steady, {user: 14, client: 13, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 4000);
	assert.deepEqual(steady.widest, {user: 36, client: 15, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 'it left: the columns stay');
	steady = steadyWidths(steady, {user: 14, client: 13, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 2000 + narrowAfterMs - 1);
	assert.equal(steady.widest.user, 36);
	steady = steadyWidths(steady, {user: 14, client: 13, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 2000 + narrowAfterMs);
	assert.deepEqual(steady.widest, {user: 14, client: 13, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 'shorter for the whole while: narrower');
});

test('through the reducer: the summary the layout reads keeps the width across polls', () => {
	const long = session(1, {user: 'svc_customer_notification_dispatcher'});
	const short = session(2, {user: 'app'});
	const polled = (state: MonitorState, sessions: typeof long[], at: number) => reducer(state, {type: 'poll-ok', sessions, at, latencyMs: 1, bytes: 1});
	let state = polled(initialState(), [long, short], 1000);
	const wide = state.summary.widest.user;
	assert.ok(wide >= 36, String(wide));
	state = polled(state, [short], 3000);
	assert.equal(state.summary.widest.user, wide, 'the long one ended: the column stays');
	state = polled(state, [short], 1000 + narrowAfterMs + 1);
	assert.ok(state.summary.widest.user < 10, String(state.summary.widest.user));
});

test('a column a MaxScale stopped sending (replaced by an older version) goes at once, not after a while of ?s (QA)', () => {
	let steady = steadyWidths(undefined, {user: 10, client: 15, service: 12, server: 7, memory: 1, io: 1, statement: 0}, 0);
	steady = steadyWidths(steady, {user: 10, client: 15, service: 12, server: 0, memory: 0, io: 1, statement: 0}, 2000);
	assert.deepEqual(steady.widest, {user: 10, client: 15, service: 12, server: 0, memory: 0, io: 1, statement: 0});
	// An empty list keeps the text columns as they were, for a while.
	steady = steadyWidths(steady, {user: 0, client: 0, service: 0, server: 0, memory: 0, io: 0, statement: 0}, 4000);
	assert.deepEqual(steady.widest, {user: 10, client: 15, service: 12, server: 0, memory: 0, io: 0, statement: 0});
});

test('through the reducer: Memory and I/O are left out when no session has them, as Server is; Idle too (2.1)', () => {
	const old = session(1, {memoryBytes: undefined, ioActivity: undefined, servers: undefined, idleSeconds: 4});
	const polled = (state: MonitorState, sessions: Array<typeof old>, at: number) => reducer(state, {type: 'poll-ok', sessions, at, latencyMs: 1, bytes: 1});
	let state = polled(initialState(), [session(2, {memoryBytes: 100, ioActivity: 3, servers: 'server1'})], 1000);
	assert.deepEqual([state.summary.widest.memory, state.summary.widest.io], [1, 1]);
	assert.ok(layoutColumns(200, 6, 0, [], state.grouping, state.summary.widest).some((column) => column.key === 'memory'));
	state = polled(state, [old], 3000);
	const keys = layoutColumns(200, 6, 0, [], state.grouping, state.summary.widest).map((column) => column.key);
	assert.deepEqual(keys.filter((key) => key === 'memory' || key === 'io' || key === 'server'), []);
	assert.ok(keys.includes('idle'));
	// MaxScale 2.1 sends no idle time: no column of `?` (QA); back as soon as a list has one.
	state = polled(state, [{...old, idleSeconds: undefined}], 5000);
	assert.ok(!layoutColumns(200, 6, 0, [], state.grouping, state.summary.widest).some((column) => column.key === 'idle'));
	state = polled(state, [old], 7000);
	// Six cells wide, as ever (16d05h): the flag is not a width (e2e: Idle at 5 let I/O stay at 70 columns).
	assert.equal(layoutColumns(200, 6, 0, [], state.grouping, state.summary.widest).find((column) => column.key === 'idle')?.width, 6);
});
