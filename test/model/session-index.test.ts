import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {hashOf, SessionIndex} from '../../source/model/session-index.js';
import {finish} from '../../source/model/steps.js';
import {session} from '../helpers/sessions.js';

test('the index answers as a Map of the same list would: lookups, size, values and their order', () => {
	// Keys as lists bring them, one MaxScale's or several's, a key twice now and then.
	const key = fc.oneof(fc.nat({max: 40}).map(String), fc.tuple(fc.constantFrom('a:8989', 'b:8989'), fc.nat({max: 40})).map(([host, id]) => `${host}#${id}`));
	fc.assert(
		fc.property(fc.array(key, {maxLength: 80}), fc.array(key, {maxLength: 10}), (keys, asked) => {
			const list = keys.map((k, i) => session(k, {key: k, user: `u${i}`}));
			const map = new Map(list.map((s) => [s.key, s]));
			const index = finish(SessionIndex.build(list));
			assert.equal(index.size, map.size);
			assert.deepEqual([...index.values()], [...map.values()]);
			for (const k of [...keys, ...asked]) {
				assert.equal(index.has(k), map.has(k));
				assert.equal(index.get(k), map.get(k));
			}
		}),
	);
});

test('an index grown as its list is pushed answers as one built of the whole list, and refuses sessions out of order', () => {
	const key = fc.oneof(fc.nat({max: 40}).map(String), fc.nat({max: 40}).map((id) => `a:8989#${id}`));
	fc.assert(
		fc.property(fc.array(key, {maxLength: 3000}), (keys) => {
			const list: ReturnType<typeof session>[] = [];
			const growing = SessionIndex.growing(list);
			for (const [i, k] of keys.entries()) {
				list.push(session(k, {key: k, user: `u${i}`}));
				growing.add(list.at(-1)!);
			}

			const grown = growing.of(list);
			const whole = finish(SessionIndex.build(list));
			assert.equal(grown.size, whole.size);
			assert.deepEqual([...grown.values()], [...whole.values()]);
			for (const k of keys) {
				assert.equal(grown.get(k), whole.get(k));
			}
		}),
	);
	const list = [session('1'), session('2')];
	assert.throws(() => SessionIndex.growing(list).add(list[1]!), /in their list's order/);
	assert.throws(() => SessionIndex.growing(list).of(list), /whole/);
});

test('100,000 keys as MaxScale hands them out spread over the table, so that no lookup walks a long run', () => {
	// Ids are a counter, with the ones that ended gone; alone and with a host. The table is
	// at most half full: 2^18 slots for 100,000 keys, the first probe at the hash's low bits.
	for (const keyOf of [(id: number) => String(id), (id: number) => `10.0.0.12:8989#${id}`]) {
		const counts = new Uint8Array(2 ** 18);
		for (let id = 3; id < 300_000; id += 3) {
			counts[hashOf(keyOf(id)) & (2 ** 18 - 1)]!++;
		}

		const most = counts.reduce((a, b) => Math.max(a, b));
		assert.ok(most <= 8, `a slot wanted by ${most} keys`);
		const used = counts.filter((count) => count > 0).length;
		assert.ok(used > 80_000, `only ${used} slots wanted by 100,000 keys`);
	}
});
