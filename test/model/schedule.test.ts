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
