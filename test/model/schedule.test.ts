import assert from 'node:assert/strict';
import {test} from 'node:test';
import {pauseAfter} from '../../source/api/poller.js';
import {intervalSteps} from '../../source/model/view.js';
import {nextPoll, waitAfter} from '../../source/model/schedule.js';

test('the model\'s pause after a poll is the poll loop\'s own', () => {
	for (const interval of [...intervalSteps, 200, 7777]) {
		for (const latency of [0, 1, 14, interval / 3, interval / 3 + 1, interval / 2, interval, interval * 3.3]) {
			assert.equal(waitAfter(interval, latency), pauseAfter(interval, latency), `interval ${interval}, latency ${latency}`);
		}
	}
});

test('the next poll: last poll plus the pause under the interval in force; slow only when slow polls stretched it', () => {
	// Five + (10 s), a 14 ms poll, then six - (500 ms): due 500 ms after that poll, and not slow.
	assert.deepEqual(nextPoll({at: 1000, latencyMs: 14}, 500), {at: 1500, slow: false});
	// A poll that took 400 ms at 500 ms: the next waits 800 ms, and that is slow polls.
	assert.deepEqual(nextPoll({at: 1000, latencyMs: 400}, 500), {at: 1800, slow: true});
	// The same poll under 10 s: not slow.
	assert.deepEqual(nextPoll({at: 1000, latencyMs: 400}, 10_000), {at: 11_000, slow: false});
});
