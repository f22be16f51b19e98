// Several MaxScales, each polled on its own schedule: an ended (or new) session of one
// stays marked for three polls of its own MaxScale, whatever the others do meanwhile;
// and an ended row keeps its place beside a live twin (the same id on another MaxScale).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {highlightPolls} from '../../source/model/changes.js';
import {initialState, reducer, type Action, type MonitorState} from '../../source/model/monitor-state.js';
import {isSessionRow, type Row} from '../../source/model/rows.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const on = (host: string, id: number): Session => session(id, {key: `${host}#${id}`, host});
let clock = 0;
const answer = (host: string, ids: number[]): Action => ({type: 'poll-ok', host, sessions: ids.map((id) => on(host, id)), at: (clock += 700), latencyMs: 1, bytes: 1});

/** `host:id` for a session, `x` before it for an ended one; group rows left out. */
const shown = (state: MonitorState) =>
	state.rows.flatMap((row: Row) => (isSessionRow(row) ? [`${row.host}:${row.id}`] : row.kind === 'ghost' ? [`x${row.session.host}:${row.session.id}`] : []));

function watching(ids: number[], options: {grouping?: 'flat'} = {}): MonitorState {
	let state = run(initialState({hosts: ['a', 'b'], ...options}), {type: 'resize', listHeight: 30, paneHeight: 10, paneWidth: 60});
	state = run(state, answer('a', ids), answer('b', ids));
	return state;
}

test("an ended session stays for three of its own MaxScale's polls, however often the other answers", () => {
	let state = watching([1, 2, 3]);
	state = run(state, answer('a', [1, 3])); // a#2 ended: a's poll 1 of 3 with it shown.
	assert.ok(shown(state).includes('xa:2'));
	// b answers three times (a faster schedule, or a's slow poll): a's row is not aged by them.
	for (let i = 0; i < highlightPolls; i++) {
		state = run(state, answer('b', [1, 2, 3]));
		assert.ok(shown(state).includes('xa:2'), `still there after b's poll ${i + 1}`);
	}

	state = run(state, answer('a', [1, 3]), answer('b', [1, 2, 3]), answer('b', [1, 2, 3]), answer('a', [1, 3]));
	assert.ok(shown(state).includes('xa:2'), "a's third poll since it ended: still shown");
	state = run(state, answer('a', [1, 3]));
	assert.ok(!shown(state).includes('xa:2'), "a's fourth: gone");
	assert.equal(state.changes.ghosts.length, 0);
});

test("ended sessions of both MaxScales each go after their own host's third poll", () => {
	let state = watching([1, 2, 3]);
	state = run(state, answer('a', [1, 3]), answer('b', [1, 2]));
	assert.deepEqual(shown(state).filter((row) => row.startsWith('x')), ['xa:2', 'xb:3']);
	const ended = () => shown(state).filter((row) => row.startsWith('x'));
	// Interleaved A, B, B, B, A, A: each goes after its own host's third poll with it.
	state = run(state, answer('b', [1, 2]), answer('b', [1, 2]));
	assert.deepEqual(ended(), ['xa:2', 'xb:3']);
	state = run(state, answer('b', [1, 2]));
	assert.deepEqual(ended(), ['xa:2']);
	state = run(state, answer('a', [1, 3]), answer('a', [1, 3]));
	assert.deepEqual(ended(), ['xa:2']);
	state = run(state, answer('a', [1, 3]));
	assert.deepEqual(ended(), []);
});

test("a new session stands out for three of its own MaxScale's polls, however often the other answers", () => {
	let state = watching([1, 2]);
	state = run(state, answer('a', [1, 2, 4]));
	assert.deepEqual([...state.changes.born.keys()], ['a#4']);
	state = run(state, answer('b', [1, 2]), answer('b', [1, 2]), answer('b', [1, 2]), answer('a', [1, 2, 4]), answer('b', [1, 2]));
	assert.deepEqual([...state.changes.born.keys()], ['a#4'], "b's polls do not age it");
	state = run(state, answer('a', [1, 2, 4]));
	assert.deepEqual([...state.changes.born.keys()], ['a#4'], "a's third poll with it");
	state = run(state, answer('a', [1, 2, 4]));
	assert.equal(state.changes.born.size, 0);
});

test('an ended row keeps its place beside its live twin on the other MaxScale, and the cursor does not jump to the twin', () => {
	let state = watching([28, 29, 30], {grouping: 'flat'});
	// Ties between MaxScales go by host, for live rows as for ended ones.
	assert.deepEqual(shown(state), ['a:28', 'b:28', 'a:29', 'b:29', 'a:30', 'b:30']);
	state = type(state, 'j', 'j');
	assert.equal(state.selectedId, 'a#29');
	state = run(state, answer('a', [28, 30]));
	assert.deepEqual(shown(state), ['a:28', 'b:28', 'xa:29', 'b:29', 'a:30', 'b:30'], 'the ended row where it stood, above its twin');
	assert.equal(state.selectedId, 'a#30', 'the neighbour after it, not b#29 (the same id on b)');
	// The twin ends in turn, under the cursor: the cursor again skips a twin.
	state = type(state, 'k');
	assert.equal(state.selectedId, 'b#29');
	state = run(state, answer('b', [28, 30]));
	assert.deepEqual(shown(state), ['a:28', 'b:28', 'xa:29', 'xb:29', 'a:30', 'b:30']);
	assert.equal(state.selectedId, 'a#30');
});

test('the tie-break by host holds whatever the sort, and in either direction', () => {
	// -h b,a: b's sessions come first in the merged list; the tie-break is still by host.
	let state = run(initialState({hosts: ['b', 'a'], grouping: 'flat'}), answer('b', [5, 6]), answer('a', [5, 6]));
	assert.deepEqual(shown(state), ['a:5', 'b:5', 'a:6', 'b:6']);
	state = type(state, 'I'); // Id, descending: the ids turn round, the hosts stay in order.
	assert.deepEqual(shown(state), ['a:6', 'b:6', 'a:5', 'b:5']);
	state = run(state, answer('b', [5]));
	assert.deepEqual(shown(state), ['a:6', 'xb:6', 'a:5', 'b:5']);
	state = run(state, {type: 'set-sort', sort: {key: 'user', descending: false}}); // Every user unknown: ties all the way.
	assert.deepEqual(shown(state), ['a:5', 'b:5', 'a:6', 'xb:6']);
});

test('a message lasts as many rounds of polls with two MaxScales as with one', () => {
	const answer = (state: MonitorState, host: string, at: number) => reducer(state, {type: 'poll-ok', host, sessions: [], at, latencyMs: 1, bytes: 1});
	const said = (state: MonitorState) => reducer(state, {type: 'message', message: {tone: 'ok', text: 'Killed session 7.'}});
	let one = said(answer(initialState({hosts: ['a']}), 'a', 0));
	let two = said(answer(answer(initialState({hosts: ['a', 'b']}), 'a', 0), 'b', 0));
	for (let round = 1; round <= 2; round++) {
		one = answer(one, 'a', round * 2000);
		two = answer(answer(two, 'a', round * 2000), 'b', round * 2000);
	}

	assert.equal(one.message?.text, 'Killed session 7.', 'two rounds: still said');
	assert.equal(two.message?.text, 'Killed session 7.', 'two rounds of two MaxScales: still said');
	one = answer(one, 'a', 6000);
	two = answer(answer(two, 'a', 6000), 'b', 6000);
	assert.equal(one.message, undefined, 'faded after three polls');
	assert.equal(two.message, undefined, 'faded after three rounds');
});

test('the opened and closed rates with several MaxScales: each one\'s own, summed, however their polls interleave', () => {
	// A opens 10 sessions every 2 s, B and C 4 each: 9 a second in all. B and C answer just after A.
	const next = {a: 1000, b: 2000, c: 3000};
	const lists = {a: [] as Session[], b: [] as Session[], c: [] as Session[]};
	const adds = {a: 10, b: 4, c: 4};
	let state = initialState({hosts: ['a', 'b', 'c']});
	const rates: number[] = [];
	for (let round = 0; round < 12; round++) {
		for (const [host, offset] of [['a', 0], ['b', 30], ['c', 60]] as const) {
			if (round > 0) {
				lists[host] = [...lists[host], ...Array.from({length: adds[host]}, () => session(next[host]++, {key: `${host}#${next[host]}`, host}))];
			}

			state = reducer(state, {type: 'poll-ok', host, sessions: lists[host], at: (round * 2000) + offset, latencyMs: 1, bytes: 1});
			if (round > 5) {
				rates.push(state.changes.rates.opened);
			}
		}
	}

	for (const rate of rates) {
		assert.ok(Math.abs(rate - 9) < 0.01, `opened ${rates.map((r) => r.toFixed(1)).join(', ')} a second, not 9`);
	}
});
