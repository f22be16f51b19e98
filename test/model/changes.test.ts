import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {liveRates, noChanges, trackChanges, type Changes} from '../../source/model/changes.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {plainSession, type Session} from '../../source/model/session.js';
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

test('a few ended sessions are copied out of their list, so that its columns can go; a restart\'s thousands are kept as they are', () => {
	const ended = (count: number) => {
		const previous = Array.from({length: count + 1}, (_, i) => session(i + 1));
		const next = previous.slice(0, 1);
		const walked = trackChanges(noChanges, {previous: byKey(previous), next, nextById: byKey(next), host: '', seconds: 2, previousList: previous});
		return {previous, ghosts: walked.ghosts.map((ghost) => ghost.session)};
	};

	const few = ended(3);
	assert.deepEqual(few.ghosts, few.previous.slice(1).map((ended) => plainSession(ended)));
	assert.ok(few.ghosts.every((ghost, i) => ghost !== few.previous[i + 1]));
	const many = ended(3000);
	assert.ok(many.ghosts.every((ghost, i) => ghost === many.previous[i + 1]));
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

test('several MaxScales: the sparklines start once every one has answered, and a failing one\'s rates are left out of the header\'s', () => {
	const hosts = ['mx1', 'mx2'];
	const on = (host: string, id: number, service: string) => session(id, {host, key: `${host}#${id}`, service});
	const polled = (host: string, sessions: Session[], at: number) => ({type: 'poll-ok' as const, host, sessions, at, latencyMs: 3, bytes: 1});
	const mx1 = [on('mx1', 1, 'RW'), on('mx1', 2, 'RW')];
	const mx2 = [on('mx2', 1, 'RW'), on('mx2', 2, 'RW'), on('mx2', 3, 'RW')];
	let state = reducer(initialState({hosts}), polled('mx1', mx1, 1000));
	// mx2 not answered yet: 2 of RW's 5 would be a climb that never happened.
	assert.equal(state.changes.history.get('RW'), undefined);
	state = reducer(state, polled('mx2', mx2, 1200));
	assert.deepEqual(state.changes.history.get('RW'), [5]);
	// mx2 opens two sessions a second while mx1 opens none; then mx2 fails.
	state = reducer(state, polled('mx1', mx1, 3000));
	state = reducer(state, polled('mx2', [...mx2, on('mx2', 4, 'RW'), on('mx2', 5, 'RW'), on('mx2', 6, 'RW'), on('mx2', 7, 'RW')], 3200));
	const failing = (s: typeof state) => (host: string) => s.hosts[host]?.error !== undefined;
	assert.equal(liveRates(state.changes, failing(state))?.opened, 2);
	state = reducer(state, {type: 'poll-failed', host: 'mx2', error: {kind: 'refused', message: 'mx2 refused the connection.'}, at: 4000});
	assert.deepEqual(liveRates(state.changes, failing(state)), {opened: 0, closed: 0}, 'only mx1\'s, which opened none');
	assert.equal(liveRates(state.changes, () => true), undefined, 'every one failing: no rates at all');
});
