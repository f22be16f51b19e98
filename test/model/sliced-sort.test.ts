import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sortSteps} from '../../source/model/sliced-sort.js';
import {finish, stepItems} from '../../source/model/steps.js';

type Item = {key: number; order: number};

// Few distinct keys: most comparisons are ties, where only a stable sort keeps the input order.
function items(n: number, seed: number): Item[] {
	let x = seed;
	return Array.from({length: n}, (_, order) => {
		x = ((x * 1_103_515_245) + 12_345) % 2_147_483_648;
		return {key: x % 97, order};
	});
}

const byKey = (a: Item, b: Item) => a.key - b.key;

test('the sliced sort gives exactly the native stable sort, ties in input order', () => {
	for (const n of [0, 1, 2, 100, stepItems * 2, (stepItems * 2) + 1, (stepItems * 5) + 17, 50_000]) {
		const mine = items(n, n + 1);
		const native = [...mine].sort(byKey);
		finish(sortSteps(mine, byKey));
		assert.deepEqual(mine, native, `${n} items`);
	}
});

test('the sliced sort handles input already in order, reversed, and in runs', () => {
	const n = (stepItems * 6) + 3;
	const inOrder = Array.from({length: n}, (_, order) => ({key: order, order}));
	const cases = [inOrder, [...inOrder].reverse(), inOrder.map((item) => ({...item, key: item.order % 5000}))];
	for (const input of cases) {
		const native = [...input].sort(byKey);
		finish(sortSteps(input, byKey));
		assert.deepEqual(input, native);
	}
});

test('a big sort gives way often, a small one never', () => {
	const count = (n: number) => {
		const steps = sortSteps(items(n, 7), byKey);
		let yields = 0;
		while (!steps.next().done) {
			yields++;
		}

		return yields;
	};

	assert.equal(count(100), 0);
	// 100k items: at least one yield per run of stepItems sorted, and more while merging.
	assert.ok(count(100_000) >= 100_000 / stepItems, 'yields at least once per run');
});
