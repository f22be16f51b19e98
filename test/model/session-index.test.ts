import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {SessionIndex, shardCount, shardOf} from '../../source/model/session-index.js';
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

test('100,000 sessions spread evenly over the shards, so that no shard grows by one long rehash', () => {
	// Ids as MaxScale hands them out (a counter, with the ones that ended gone), alone and with a host.
	for (const keyOf of [(id: number) => String(id), (id: number) => `10.0.0.12:8989#${id}`]) {
		const counts = new Array<number>(shardCount).fill(0);
		for (let id = 3; id < 300_000; id += 3) {
			counts[shardOf(keyOf(id))]!++;
		}

		const average = 100_000 / shardCount;
		assert.ok(Math.max(...counts) < average * 1.5, `largest shard ${Math.max(...counts)} of ${average} on average`);
		assert.ok(Math.min(...counts) > average * 0.5, `smallest shard ${Math.min(...counts)}`);
	}
});
