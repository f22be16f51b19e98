// A sentence said while paused (a kill's outcome) is read on a screen that stands still: the
// rounds it lasts count from the resume, not from the poll the kill showed while paused.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {messagePolls} from '../../source/model/message-fade.js';
import {session} from '../helpers/sessions.js';

let at = 10_000;
const sessions = [session(1), session(2), session(3)];
const poll = (state: MonitorState, manual?: true) => reducer(state, {type: 'poll-ok', sessions, at: (at += 2000), latencyMs: 1, bytes: 1, ...(manual ? {manual} : {})});

test('a message said while paused lasts its rounds after p resumes, and the poll shown after it', () => {
	let state = poll(poll(initialState()));
	state = reducer(state, {type: 'pause'});
	at += 20_000;
	state = reducer(state, {type: 'interval-step', delta: 1});
	const said = state.message?.text;
	assert.match(said ?? '', /Polling every/);
	// The poll a kill asks for, to show its effect, shows while paused.
	state = poll(state, true);
	assert.equal(state.message?.text, said, 'still there while paused');
	state = reducer(state, {type: 'pause'});
	state = poll(state);
	assert.equal(state.message?.text, said, 'not gone at the first poll after the resume');
	// As any sentence: shown over the rounds of polls after it, gone at the last of them.
	for (let i = 1; i < messagePolls - 1; i++) {
		state = poll(state);
	}

	assert.equal(state.message?.text, said, `there for ${messagePolls - 1} polls after the resume`);
	state = poll(state);
	assert.equal(state.message, undefined, 'then it fades');
});
