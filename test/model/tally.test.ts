import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {Tally} from '../../source/model/tally.js';

test('a tally counts each name as a Map would, in the order names first came', () => {
	fc.assert(
		fc.property(fc.array(fc.constantFrom('Session started', 'Stopping session', '', 'a', 'b')), (names) => {
			const tally = new Tally();
			const expected = new Map<string, number>();
			for (const name of names) {
				tally.add(name);
				expected.set(name, (expected.get(name) ?? 0) + 1);
			}

			assert.deepEqual(tally.entries(), [...expected]);
			assert.deepEqual([...tally.names()], [...expected.keys()]);
			for (const name of ['a', 'zzz']) {
				assert.equal(tally.get(name), expected.get(name));
			}
		}),
	);
});
