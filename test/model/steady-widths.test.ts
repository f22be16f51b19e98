// QA: the User and Client columns jumped as one long name connected and left (six layouts in
// 90 s on a churning MaxScale). A column widens at once and narrows only after its texts have
// been shorter for a while.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {narrowAfterMs, steadyWidths} from '../../source/model/steady-widths.js';
import {session} from '../helpers/sessions.js';

test('wider at once, narrower only once the texts have been shorter for a while', () => {
	let steady = steadyWidths(undefined, {user: 10, client: 15, service: 12, server: 7}, 0);
	steady = steadyWidths(steady, {user: 36, client: 15, service: 12, server: 7}, 2000);
	assert.deepEqual(steady.widest, {user: 36, client: 15, service: 12, server: 7}, 'a long name: at once');
	steady = steadyWidths(steady, {user: 14, client: 13, service: 12, server: 7}, 4000);
	assert.deepEqual(steady.widest, {user: 36, client: 15, service: 12, server: 7}, 'it left: the columns stay');
	steady = steadyWidths(steady, {user: 14, client: 13, service: 12, server: 7}, 2000 + narrowAfterMs - 1);
	assert.equal(steady.widest.user, 36);
	steady = steadyWidths(steady, {user: 14, client: 13, service: 12, server: 7}, 2000 + narrowAfterMs);
	assert.deepEqual(steady.widest, {user: 14, client: 13, service: 12, server: 7}, 'shorter for the whole while: narrower');
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
