import assert from 'node:assert/strict';
import {test} from 'node:test';
import {entryComparator, entryMaker} from '../../source/model/row-order.js';
import type {Session} from '../../source/model/session.js';
import {comparator, sortKeys} from '../../source/model/sort.js';
import {session} from '../helpers/sessions.js';

// Ids MaxScale gives and odd ones; values with ties and unknowns.
function sessions(): Session[] {
	const ids = ['1', '2', '10', '9', '007', '123456789012345678', 'abc', '', '1e3', '-4', '3.5', '42', '43', '44', '45'];
	return ids.flatMap((id, i) => [0, 1].map((copy) => session(id, {
		key: `${id}#${copy}`,
		user: i % 4 === 0 ? undefined : `user${i % 3}`,
		remote: i % 5 === 0 ? undefined : `10.0.0.${i % 2}`,
		state: i % 3 === 0 ? 'Session started' : 'Session ready for routing',
		host: `h${(i + copy) % 2}`,
		ageSeconds: i % 6 === 0 ? undefined : (i * copy) % 4,
		idleSeconds: i % 7 === 0 ? undefined : i % 3,
		memoryBytes: (i * 37) % 5,
		ioActivity: i % 2 === 0 ? undefined : i,
	})));
}

test('entries sort exactly as sort.ts orders the sessions, for every key and direction', () => {
	for (const key of sortKeys) {
		for (const descending of [false, true]) {
			const sort = {key, descending};
			const all = sessions();
			const expected = [...all].sort(comparator(sort)).map((s) => s.key);
			const make = entryMaker(sort);
			const actual = all.map((s) => make(s, false)).sort(entryComparator(sort)).map((entry) => entry.session.key);
			assert.deepEqual(actual, expected, `${key} ${descending ? 'descending' : 'ascending'}`);
		}
	}
});
