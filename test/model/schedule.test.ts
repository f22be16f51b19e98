import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextPoll} from '../../source/model/schedule.js';

test('the next poll: last poll plus the pause under the interval in force; slow only when slow polls stretched it', () => {
	// Five + (10 s), a 14 ms poll, then six - (500 ms): due 500 ms after that poll, and not slow.
	assert.deepEqual(nextPoll({at: 1000, latencyMs: 14}, 500), {at: 1500, slow: false});
	// A poll that took 400 ms at 500 ms: the next waits 800 ms, and that is slow polls.
	assert.deepEqual(nextPoll({at: 1000, latencyMs: 400}, 500), {at: 1800, slow: true});
	// The same poll under 10 s: not slow.
	assert.deepEqual(nextPoll({at: 1000, latencyMs: 400}, 10_000), {at: 11_000, slow: false});
});

test('QA: lateness goes by the monotonic clock when the poll has it, so a wall clock stepped forward is not a MaxScale late', async () => {
	const {lateMs} = await import('../../source/model/schedule.js');
	const last = {at: 1_000_000, latencyMs: 30, mono: 5000};
	// An hour forward on the wall, 3 s on the monotonic clock: not late (the next poll is due at 5 s).
	assert.equal(lateMs(last, 5000, 1_000_000 + 3_603_000, 8000), undefined);
	// Really late: 12 s with no answer, the wall clock as it was.
	assert.equal(lateMs(last, 5000, 1_012_000, 17_000), 7000);
	// A poll without it (a replay's) goes by the wall clock as before.
	assert.equal(lateMs({at: 1_000_000, latencyMs: 30}, 5000, 1_012_000, 17_000), 7000);
});

test('QA: the rates divide by the monotonic gap between two polls, not a wall clock that stepped', async () => {
	const {initialState, reducer} = await import('../../source/model/monitor-state.js');
	const {session} = await import('../helpers/sessions.js');
	const polled = (state: ReturnType<typeof initialState>, ids: number[], at: number, mono: number) => reducer(state, {type: 'poll-ok', sessions: ids.map((id) => session(id)), at, latencyMs: 1, bytes: 1, mono});
	let state = polled(initialState(), [1, 2, 3], 1_000_000, 1000);
	state = polled(state, [2, 3, 4, 5], 1_000_000 + 3_602_000, 3000);
	assert.equal(state.changes.rates?.opened, 1, 'two opened in 2 s: 1/s, not 2 in an hour');
});

test('QA: the first answer is late 2 s after polling began, by the monotonic clock when there is one', async () => {
	const {firstLateMs} = await import('../../source/model/schedule.js');
	const {initialState, reducer} = await import('../../source/model/monitor-state.js');
	const state = reducer(initialState(), {type: 'polling-started', at: 1_000_000, mono: 5000});
	assert.deepEqual(state.pollingSince, {at: 1_000_000, mono: 5000});
	const since = state.pollingSince!;
	assert.equal(firstLateMs(since, 1_001_500, 6500), undefined);
	assert.equal(firstLateMs(since, 1_006_000, 11_000), 6000);
	// A wall clock stepped an hour forward 1 s after the start: not late.
	assert.equal(firstLateMs(since, 1_000_000 + 3_601_000, 6000), undefined);
	// Without the monotonic clock (a test's state): by the wall clock.
	assert.equal(firstLateMs({at: 1_000_000}, 1_003_000), 3000);
});
