// What the status line says over what: a failure newer than a sentence is said over it (QA: a
// key's answer hid a hung MaxScale's timeout for 11 to 33 s), and a warning from the start is
// read whole for a while, then leaves the key hints their line.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import type {Message} from '../../source/model/message-fade.js';
import {noticeRead, showsError} from '../../source/model/status-line.js';

const failure = (at: number) => ({message: 'mx did not answer within 10s.', at});

test('a failure older than the sentence stays under an answer or an outcome; a newer one is said over them, but over an outcome read whole', () => {
	const answer: Message = {tone: 'info', text: 'Put the cursor on a session to copy its id.', answer: true, since: 5000};
	const back: Message = {tone: 'ok', text: 'mx2 answers again: its polls failed for 8s before this one.', since: 5000};
	const passing: Message = {tone: 'info', text: 'Copied session 7.', since: 5000};
	const outcome: Message = {tone: 'ok', text: 'Killed session 7.', whole: true, since: 5000};
	for (const message of [answer, back, outcome]) {
		assert.equal(showsError({message, error: failure(4000)}), false, `${message.text}: the failure was there before`);
	}

	assert.equal(showsError({message: passing, error: failure(4000)}), true, 'a passing note never hides a failure');
	assert.equal(showsError({message: answer, error: failure(6000)}), true);
	assert.equal(showsError({message: back, error: failure(6000)}), true, "another MaxScale's new failure");
	assert.equal(showsError({message: outcome, error: failure(6000)}), false, "a kill's outcome keeps its place until it fades");
	assert.equal(showsError({message: undefined, error: failure(6000)}), true);
	assert.equal(showsError({message: answer, error: undefined}), false);
});

test('a warning from the start is read for three polls and five seconds, by the polls\' clock', () => {
	const poll = (state: MonitorState, at: number) => reducer(state, {type: 'poll-ok', sessions: [], at, latencyMs: 1, bytes: 1});
	let state = reducer(initialState(), {type: 'polling-started', at: 1000});
	state = poll(poll(poll(state, 1500), 2000), 2500);
	assert.equal(noticeRead(state), false, 'three polls at 0.5 s: too soon to have read two lines');
	state = poll(state, 6000);
	assert.equal(noticeRead(state), true);
	const slow = poll(poll(reducer(initialState(), {type: 'polling-started', at: 1000}), 3000), 5000);
	assert.equal(noticeRead(slow), false, 'five seconds, but two polls');
});
