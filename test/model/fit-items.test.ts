import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {fitItems, fitPrefix} from '../../source/model/fit-items.js';

const item = (name: string, width: number, priority: number) => ({name, width, priority});
const names = (items: Array<{name: string}>) => items.map(({name}) => name).join(' ');

test('all items when they fit, in their own order', () => {
	const items = [item('a', 5, 0), item('b', 5, 2), item('c', 5, 1)];
	assert.equal(names(fitItems(items, 15)), 'a b c');
	assert.equal(names(fitItems(items, 100)), 'a b c');
});

test('the least important go first, whole, and the order of the rest stays', () => {
	const items = [item('name', 10, 0), item('version', 8, 1), item('uptime', 6, 2), item('count', 5, 0), item('rates', 7, 4)];
	assert.equal(names(fitItems(items, 36)), 'name version uptime count rates');
	assert.equal(names(fitItems(items, 35)), 'name version uptime count', 'one cell short: the rates go');
	assert.equal(names(fitItems(items, 29)), 'name version uptime count');
	assert.equal(names(fitItems(items, 28)), 'name version count');
	assert.equal(names(fitItems(items, 22)), 'name uptime count', 'the version does not fit; the uptime still does');
	assert.equal(names(fitItems(items, 20)), 'name count');
});

test('the always-shown items stay even when they alone are too wide', () => {
	const items = [item('a', 30, 0), item('b', 1, 1), item('c', 30, 0)];
	assert.equal(names(fitItems(items, 10)), 'a c');
	assert.equal(names(fitItems(items, 0)), 'a c');
});

test('a smaller, less important item takes the room a wider one could not', () => {
	const items = [item('a', 4, 0), item('wide', 20, 1), item('small', 3, 2)];
	assert.equal(names(fitItems(items, 10)), 'a small');
});

test('items of one priority are a run kept from its start: never the third without the second', () => {
	const counts = [item('name', 10, 0), item('started 298', 13, 3), item('stopping 2000', 15, 3), item('idle 1', 8, 3), item('rates', 4, 4)];
	assert.equal(names(fitItems(counts, 37)), 'name started 298 rates', 'idle 1 would fit, but not without stopping');
	assert.equal(names(fitItems(counts, 50)), 'name started 298 stopping 2000 idle 1 rates');
});

test('kept items: in order, within the width, each priority a prefix of its run, and nothing that still fits left out', () => {
	const arbitraryItems = fc.array(
		fc.record({width: fc.integer({min: 0, max: 30}), priority: fc.integer({min: 0, max: 4})}).map(({width, priority}) => ({width, priority})),
		{maxLength: 12},
	);
	fc.assert(
		fc.property(arbitraryItems, fc.integer({min: 0, max: 120}), (items, width) => {
			const kept = fitItems(items, width);
			const indexes = kept.map((kept) => items.indexOf(kept));
			assert.deepEqual(indexes, [...indexes].sort((a, b) => a - b), 'in order');
			const always = items.filter(({priority}) => priority === 0);
			assert.ok(always.every((one) => kept.includes(one)), 'the always-shown kept');
			const used = kept.reduce((sum, {width}) => sum + width, 0);
			const alwaysWidth = always.reduce((sum, {width}) => sum + width, 0);
			assert.ok(used <= Math.max(width, alwaysWidth), 'within the width');
			for (let priority = 1; priority <= 4; priority++) {
				const run = items.filter((one) => one.priority === priority);
				const keptOfRun = run.filter((one) => kept.includes(one));
				assert.deepEqual(keptOfRun, run.slice(0, keptOfRun.length), `priority ${priority}: a prefix`);
				const next = run[keptOfRun.length];
				// The first left out of a run did not fit when its turn came; it cannot fit now either.
				assert.ok(next === undefined || used + next.width > width, 'the first left out of a run does not fit');
			}
		}),
	);
});

test('fitPrefix: as many from the first as fit, with room kept to count the rest', () => {
	const more = (left: number) => `   +${left} more`.length;
	assert.equal(fitPrefix([20, 20, 20], 60, more), 3);
	assert.equal(fitPrefix([20, 20, 20], 59, more), 2, '20 + 20 + "   +1 more" (10) fits 59');
	assert.equal(fitPrefix([20, 20, 20], 49, more), 1);
	assert.equal(fitPrefix([20, 20, 20], 10, more), 0);
	assert.equal(fitPrefix([], 0, more), 0);
});
