import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {session} from '../helpers/sessions.js';

const polled = (state: MonitorState, repeated: number, at: number) => reducer({...state, message: undefined}, {type: 'poll-ok', sessions: [session(1)], at, latencyMs: 1, bytes: 1, repeated});

test('a list whose ids repeat says how many sessions it left out, when that count changes', () => {
	let state = polled(initialState(), 2, 1000);
	assert.equal(state.message?.text, 'MaxScale sent 2 sessions whose ids repeat an earlier one: only the first of each is listed.');
	state = polled(state, 2, 3000);
	assert.equal(state.message, undefined, 'the same count: not said again every poll');
	state = polled(state, 0, 5000);
	assert.equal(state.message, undefined);
	state = polled(state, 1, 7000);
	assert.equal(state.message?.text, 'MaxScale sent 1 session whose id repeats an earlier one: only the first of each is listed.');
});

test('several MaxScales: the note names the one whose list it was', () => {
	const state = reducer(initialState({hosts: ['mx1:8989', 'mx2:8989']}), {type: 'poll-ok', host: 'mx2:8989', sessions: [session(1, {host: 'mx2:8989', key: 'mx2:8989#1'})], at: 1000, latencyMs: 1, bytes: 1, repeated: 3});
	assert.match(state.message?.text ?? '', /^mx2:8989 sent 3 sessions whose ids repeat/);
});

test('QA: entries that are no session with an id are said to be left out, when their count changes', () => {
	const skippedPoll = (state: MonitorState, skipped: number, at: number) => reducer({...state, message: undefined}, {type: 'poll-ok', sessions: [session(1)], at, latencyMs: 1, bytes: 1, skipped});
	let state = skippedPoll(initialState(), 3, 1000);
	assert.equal(state.message?.text, 'MaxScale sent 3 entries that are no session with an id: left out.');
	state = skippedPoll(state, 3, 3000);
	assert.equal(state.message, undefined, 'said once');
	state = skippedPoll(state, 1, 5000);
	assert.equal(state.message?.text, 'MaxScale sent 1 entry that is no session with an id: left out.');
});
