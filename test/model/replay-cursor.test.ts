// A replay's step back rebuilds the screen one MaxScale at a time: the cursor stays on its
// session (MaxScale and id), not another MaxScale's session under the same id.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Frame} from '../../source/model/frame.js';
import {initialState} from '../../source/model/monitor-state.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const hosts = ['mx1:8989', 'mx2:8989'];
const frameOf = (host: string, t: number): Frame => ({
	t,
	host,
	ok: true,
	latencyMs: 1,
	bytes: 1,
	sessions: [42, 97, 1024].map((id) => session(id, {host, key: `${host}#${id}`, user: `u${id}`})),
});
// Both MaxScales polled in turn, the first frame of the run naming them.
const frames: Frame[] = Array.from({length: 8}, (_, n) => ({...frameOf(hosts[n % 2]!, 1000 + (n * 500)), ...(n === 0 ? {run: {hosts}} : {})}));

test('stepping back in a replay of two MaxScales keeps the cursor, and the pane, on their session', () => {
	let state = run(initialState({hosts}), {type: 'replay-load', frames}, {type: 'resize', listHeight: 20, paneHeight: 20, paneWidth: 60});
	state = type(state, 'p', ']', ']', ']', ']', ']', ']', ']');
	// On mx1's session 42, its pane open.
	state = {...state, selectedId: 'mx1:8989#42', autoCursor: false};
	state = type(state, 'return');
	assert.equal(state.pane.id, 'mx1:8989#42');
	for (let step = 0; step < 5; step++) {
		state = type(state, '[');
		assert.equal(state.selectedId, 'mx1:8989#42', `after ${step + 1} steps back`);
		assert.equal(state.pane.id, 'mx1:8989#42');
	}
});
