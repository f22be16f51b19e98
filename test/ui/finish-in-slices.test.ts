import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Steps} from '../../source/model/steps.js';
import {finishInSlices} from '../../source/ui/finish-in-slices.js';

/** Steps that each take about `ms` of CPU and log when they run. */
function* busy(count: number, ms: number, log: string[]): Steps<number> {
	for (let i = 0; i < count; i++) {
		const until = performance.now() + ms;
		while (performance.now() < until) {
			// Work.
		}

		log.push('step');
		yield;
	}

	return count;
}

test('long steps give the event loop a turn every few milliseconds', async () => {
	const log: string[] = [];
	const other = new Promise<void>((resolve) => {
		setImmediate(() => {
			log.push('other');
			resolve();
		});
	});
	// 40 steps of 2 ms with a 5 ms budget: the other work runs after the first slice, not after 80 ms.
	const result = await finishInSlices(busy(40, 2, log), 5);
	await other;
	assert.equal(result, 40);
	const at = log.indexOf('other');
	assert.ok(at > 0 && at <= 4, `the other work ran after ${at} steps`);
});

test('short steps finish in one go', async () => {
	const log: string[] = [];
	setImmediate(() => log.push('other'));
	assert.equal(await finishInSlices(busy(10, 0, log), 1000), 10);
	assert.equal(log.includes('other'), false);
});
