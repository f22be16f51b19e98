import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {hashOf, SessionIndex} from '../../source/model/session-index.js';
import {finish} from '../../source/model/steps.js';
import {session} from '../helpers/sessions.js';

test('the index answers as a Map of the same list would: lookups, size, values and their order', () => {
	// Keys as lists bring them, one MaxScale's or several's, a key twice now and then.
	// Up to 3,000 keys of 6,000: past the table's first 1,024 slots, so that it grows (rehashes) too.
	const key = fc.oneof(fc.nat({max: 40}).map(String), fc.nat({max: 6000}).map(String), fc.tuple(fc.constantFrom('a:8989', 'b:8989'), fc.nat({max: 40})).map(([host, id]) => `${host}#${id}`));
	fc.assert(
		fc.property(fc.array(key, {maxLength: 3000}), fc.array(key, {maxLength: 10}), (keys, asked) => {
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

test('an index grown as its list is pushed answers as a Map of the list, and refuses sessions out of order', () => {
	const key = fc.oneof(fc.nat({max: 40}).map(String), fc.nat({max: 40}).map((id) => `a:8989#${id}`));
	fc.assert(
		fc.property(fc.array(fc.oneof(key, fc.nat({max: 6000}).map(String)), {maxLength: 3000}), (keys) => {
			const list: ReturnType<typeof session>[] = [];
			const growing = SessionIndex.growing(list);
			for (const [i, k] of keys.entries()) {
				list.push(session(k, {key: k, user: `u${i}`}));
				growing.add(list.at(-1)!);
			}

			const grown = growing.of(list);
			const map = new Map(list.map((s) => [s.key, s]));
			assert.equal(grown.size, map.size);
			assert.deepEqual([...grown.values()], [...map.values()]);
			for (const k of [...keys, 'absent', '']) {
				assert.equal(grown.get(k), map.get(k));
				assert.equal(grown.has(k), map.has(k));
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

test('5,000 keys, some twice: the table grows past its first slots and still answers as a Map, built or grown', () => {
	const keys = Array.from({length: 5000}, (_, i) => (i % 7 === 0 ? String(i >> 1) : String(i)));
	const list = keys.map((k, i) => session(k, {key: k, user: `u${i}`}));
	const map = new Map(list.map((s) => [s.key, s]));
	const growingList: typeof list = [];
	const growing = SessionIndex.growing(growingList);
	for (const each of list) {
		growingList.push(each);
		growing.add(each);
	}

	for (const index of [finish(SessionIndex.build(list)), growing.of(growingList)]) {
		assert.equal(index.size, map.size);
		assert.ok(map.size < list.length, 'some keys twice');
		assert.deepEqual([...index.values()], [...map.values()]);
		for (const k of [...map.keys(), '5000', 'x']) {
			assert.equal(index.get(k), map.get(k), k);
		}
	}
});
