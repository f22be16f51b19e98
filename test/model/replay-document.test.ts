// A replay's pane compares a session's values with its MaxScale's poll before the frame
// shown, however that frame was reached: a step back with [ read the later poll as "was".

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Frame} from '../../source/api/recording.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {replayDocument} from '../../source/model/replay-document.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

/** Session 1's idle time grows a second a poll: 75.4, 76.4, 77.4, 78.4. */
const frames: Frame[] = [0, 1, 2, 3].map((n) => ({t: 1000 + (n * 1000), host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1, {host: 'mx', idleSeconds: 75.4 + n}), session(2, {host: 'mx'})]}));

/** The pane's line for idleSeconds, as drawn: `"idleSeconds": 77.4` and its `was`. */
function idleLine(state: MonitorState): string {
	const action = replayDocument(state, '1');
	assert.ok(action);
	const shown = reducer(state, action);
	const line = shown.pane.source.find((each) => each.tokens.some((token) => token.text.includes('idleSeconds')));
	assert.ok(line, 'an idleSeconds line');
	return line.tokens.map((token) => token.text).join('').trim();
}

test('stepping back and forth, each frame\'s values are compared with the poll before it, never the later one', () => {
	let state = run(initialState(), {type: 'replay-load', frames}, {type: 'resize', listHeight: 20, paneHeight: 20, paneWidth: 60});
	state = type(state, 'p', 'return');
	assert.equal(state.pane.open, true);
	assert.match(idleLine(state), /"idleSeconds": 75\.4,?$/, 'the first poll: nothing before it');
	state = type(state, ']', ']', ']');
	assert.match(idleLine(state), /"idleSeconds": 78\.4,? +was 77\.4$/);
	state = type(state, '[');
	assert.match(idleLine(state), /"idleSeconds": 77\.4,? +was 76\.4$/, 'back a step: the poll before it, not the one after');
	state = type(state, '[');
	assert.match(idleLine(state), /"idleSeconds": 76\.4,? +was 75\.4$/);
	state = type(state, ']');
	assert.match(idleLine(state), /"idleSeconds": 77\.4,? +was 76\.4$/);
});
