// The change tracking's first half, walked as a list's slices are rebuilt (poll-ahead.ts):
// a poll that takes it lands exactly as one that walks the list itself, and the walk is
// taken only when it went over that very list from the state the poll lands on.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {preparePoll, type PollOk} from '../../source/model/poll.js';
import {PollAhead} from '../../source/model/poll-ahead.js';
import {finish} from '../../source/model/steps.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';
import {poll, start} from '../helpers/state.js';

const services = ['Alpha', 'Beta'];
const list = (ids: number[], connectedAt = 1000): Session[] => ids.map((id) => session(id, {service: services[id % 2], connectedAt, ageSeconds: id}));
const answer = (sessions: Session[], extra: Partial<PollOk> = {}): PollOk => ({type: 'poll-ok', sessions, at: 50_000, latencyMs: 5, bytes: 1, ...extra});

/** Fed as list-parts.ts feeds it: slices of `size` in order. */
function fed(state: MonitorState, sessions: Session[], size: number, host?: string): PollAhead {
	const ahead = new PollAhead(state, host);
	for (let from = 0; from < sessions.length; from += size) {
		ahead.take(sessions, from, Math.min(sessions.length, from + size));
	}

	return ahead;
}

// Sessions kept (some in another order), ended, new, and one whose id now names another session.
const before = list([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const after = [...list([1, 2, 4, 3, 13, 6, 7, 14, 9]), session(10, {service: 'Alpha', connectedAt: 9999, ageSeconds: 1}), ...list([15, 11])];

test('a poll walked ahead lands as one walked at once: new, ended, replaced, counts, rates', () => {
	// Its first answer `before` (nothing new), then `before` again.
	const state = poll(start(before), before);
	const whole = finish(preparePoll(state, answer(after)));
	for (const size of [1, 2, 5, 100]) {
		const ahead = fed(state, after, size);
		assert.ok(ahead.walkFor(state, '', after), `slices of ${size}`);
		const walked = finish(preparePoll(state, answer(after, {ahead})));
		assert.deepEqual(walked.changes, whole.changes, `slices of ${size}`);
		assert.deepEqual(walked.rows, whole.rows);
	}

	assert.deepEqual([...whole.changes.replaced], ['10']);
	assert.deepEqual([...whole.changes.born.keys()].sort(), ['10', '13', '14', '15']);
	// A first answer: nothing is new.
	const first = reducer(initialState(), {type: 'resize', listHeight: 20, paneHeight: 10, paneWidth: 60});
	const ahead = fed(first, after, 3);
	assert.deepEqual(finish(preparePoll(first, answer(after, {ahead}))).changes, finish(preparePoll(first, answer(after))).changes);
});

test('the walk is taken only over that very list, whole and in order, from the state it was made on', () => {
	const state = poll(start([]), before);
	const ahead = fed(state, after, 4);
	assert.ok(ahead.walkFor(state, '', after));
	assert.equal(ahead.walkFor(state, '', [...after]), undefined, 'another array');
	assert.equal(ahead.walkFor(poll(state, before), '', after), undefined, 'another poll landed meanwhile');
	assert.equal(ahead.walkFor(state, 'mx2', after), undefined, 'another MaxScale');
	const short = new PollAhead(state, undefined);
	short.take(after, 0, 5);
	assert.equal(short.walkFor(state, '', after), undefined, 'not all of it');
	const skipped = new PollAhead(state, undefined);
	skipped.take(after, 0, 3);
	skipped.take(after, 4, after.length);
	assert.equal(skipped.walkFor(state, '', after), undefined, 'a slice missed');
	// The body's `data` came again: the list starts over in a new array, and so does the walk.
	const again = new PollAhead(state, undefined);
	again.take(before, 0, 6);
	again.take(after, 0, 4);
	again.take(after, 4, after.length);
	assert.ok(again.walkFor(state, '', after));
	assert.deepEqual(finish(preparePoll(state, answer(after, {ahead: again}))).changes, finish(preparePoll(state, answer(after))).changes);
	// …but not from halfway through.
	const halfway = new PollAhead(state, undefined);
	halfway.take(after, 2, after.length);
	assert.equal(halfway.walkFor(state, '', after), undefined);
});

test('over several MaxScales the poll walks the list itself: the walk covered one host\'s list, not all of them', () => {
	const several: MonitorState = {...start([]), hostOrder: ['mx1', 'mx2'], hosts: {mx1: {sessions: []}, mx2: {sessions: [session(99, {key: 'mx2#99', host: 'mx2'})]}}};
	const mine = list([1, 2]).map((each) => ({...each, key: `mx1#${each.id}`, host: 'mx1'}));
	const ahead = fed(several, mine, 1, 'mx1');
	const prepared = finish(preparePoll(several, answer(mine, {host: 'mx1', ahead})));
	assert.deepEqual(prepared.changes, finish(preparePoll(several, answer(mine, {host: 'mx1'}))).changes);
	assert.equal(prepared.sessions.length, 3);
});
