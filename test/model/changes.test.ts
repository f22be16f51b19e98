import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {noChanges, trackChanges, type Changes} from '../../source/model/changes.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';

const byKey = (sessions: readonly Session[]) => new Map(sessions.map((s) => [s.key, s]));

/** Two polls of `ids`, with and without the previous list to walk: the outcome must be the same. */
function both(before: number[], after: number[], changes: Changes = noChanges) {
	const previous = before.map((id) => session(id, {service: `s${id % 3}`}));
	const next = after.map((id) => session(id, {service: `s${id % 3}`}));
	const facts = {previous: byKey(previous), next, nextById: byKey(next), host: '', seconds: 2};
	return {walked: trackChanges(changes, {...facts, previousList: previous}), looked: trackChanges(changes, facts)};
}

test('new and ended sessions are the same whether the last list is walked or every key looked up', () => {
	// Ids as a list comes: mostly in order, some gone, some new, some moved, any of it.
	const ids = fc.uniqueArray(fc.integer({min: 1, max: 200}), {maxLength: 60});
	fc.assert(
		fc.property(ids, ids, fc.boolean(), (before, after, sorted) => {
			const order = (list: number[]) => (sorted ? list.toSorted((a, b) => a - b) : list);
			const {walked, looked} = both(order(before), order(after));
			assert.deepEqual(walked, looked);
		}),
	);
});

test('the walk finds sessions that ended in between, new ones, and a list that moved', () => {
	const {walked} = both([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1, 3, 4, 13, 5, 12, 6, 7, 8, 9, 10, 11]);
	assert.deepEqual([...walked.born], [['13', {host: '', poll: 1}]]);
	assert.deepEqual(walked.ghosts.map((ghost) => ghost.session.id), ['2']);
	assert.equal(walked.window.get('')?.at(-1)?.opened, 1);
	assert.equal(walked.window.get('')?.at(-1)?.closed, 1);
});

test('a last list with a key twice is not walked: every key is looked up', () => {
	const previous = [session(1), session(2), session(2)];
	const next = [session(1)];
	const facts = {previous: byKey(previous), next, nextById: byKey(next), host: '', seconds: 1};
	const walked = trackChanges(noChanges, {...facts, previousList: previous});
	// The Map holds 2 once: one ghost, not two.
	assert.deepEqual(walked.ghosts.map((ghost) => ghost.session.id), ['2']);
	assert.deepEqual(walked, trackChanges(noChanges, facts));
});
