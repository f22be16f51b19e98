// A MaxScale east of the operator's zone (before 23.02): the list reader moved its ages by what
// its idle times proved (api/server-clock.ts). QA: nothing on screen said so, while the west
// case was said. Said when first made and whenever it grows; not every poll.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {aheadHint} from '../../source/model/zone-hint.js';
import {session} from '../helpers/sessions.js';

const hour = 3_600_000;
const polled = (state: MonitorState, aheadMs: number, at: number) => reducer({...state, message: undefined}, {type: 'poll-ok', sessions: [session(1)], at, latencyMs: 1, bytes: 1, aheadMs});
const local = (at: number) => -new Date(at).getTimezoneOffset();

test('ages moved for a zone east of this one are said when the move is made and when it grows', () => {
	let state = polled(initialState(), 0, 1000);
	assert.equal(state.message, undefined, 'no move, nothing to say');
	state = polled(state, 6 * hour, 3000);
	assert.equal(state.message?.text, aheadHint('', 6 * hour, local(3000)));
	assert.match(state.message?.text ?? '', /^Ages read 6h too short: MaxScale writes its times in its own zone, UTC[+-]\d\d:\d\d or east by its idle times/);
	state = polled(state, 6 * hour, 5000);
	assert.equal(state.message, undefined, 'the same move: not said again every poll');
	state = polled(state, 9 * hour, 7000);
	assert.match(state.message?.text ?? '', /^Ages read 9h too short/);
});

test("the hint names the zone and the flag: MaxScale's offset is the operator's plus the move", () => {
	assert.equal(
		aheadHint('', 5.5 * hour, 0),
		"Ages read 5h30m too short: MaxScale writes its times in its own zone, UTC+05:30 or east by its idle times; corrected (--server-tz=+05:30 makes them exact).",
	);
	assert.match(aheadHint('mx2:8989', 3.5 * hour, 330), /^Ages read 3h30m too short: MaxScale mx2:8989 .* UTC\+09:00 .*--server-tz=\+09:00/);
});

test('several MaxScales: the hint names the one whose ages were moved', () => {
	const state = reducer(initialState({hosts: ['mx1:8989', 'mx2:8989']}), {type: 'poll-ok', host: 'mx2:8989', sessions: [session(1, {host: 'mx2:8989', key: 'mx2:8989#1'})], at: 1000, latencyMs: 1, bytes: 1, aheadMs: hour});
	assert.match(state.message?.text ?? '', /^Ages read 1h too short: MaxScale mx2:8989 /);
});
