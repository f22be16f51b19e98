import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, type Action, type MonitorState} from '../../source/model/monitor-state.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';
import {labels, run, type} from '../helpers/state.js';

const on = (host: string, id: number): Session => session(id, {key: `${host}#${id}`, host});
const answer = (host: string, ids: number[], at: number): Action => ({type: 'poll-ok', host, sessions: ids.map((id) => on(host, id)), at, latencyMs: 1, bytes: 1});

/** Two MaxScales; a answers first, with sessions that sort after b's. */
function bothAnswered(): MonitorState {
	let state = run(initialState({hosts: ['a', 'b']}), {type: 'resize', listHeight: 20, paneHeight: 10, paneWidth: 60});
	state = run(state, answer('a', [10, 11], 1000));
	assert.equal(state.selectedId, 'a#10');
	return run(state, answer('b', [1, 2], 1500));
}

test('until the operator takes it, the cursor stays on the first row as the hosts answer in turn', () => {
	let state = bothAnswered();
	assert.deepEqual(labels(state), ['S:RW-Split-Router:4', 'T:Session started:4', '1', '2', '10', '11']);
	assert.equal(state.selectedId, 'b#1', 'on the first row, not left on a#10 mid-list');
	assert.equal(state.listTop, 0);
	// A's next answer brings a session that sorts before all of them: the cursor goes to it.
	state = run(state, answer('a', [0, 10, 11], 3000));
	assert.equal(state.selectedId, 'a#0');
	// And when that one ends, to the first row again (not to its neighbour in the old list, b#1 here too).
	state = run(state, answer('b', [2], 3500));
	state = run(state, answer('a', [10, 11], 5000));
	assert.equal(state.selectedId, 'b#2');
	assert.equal(state.autoCursor, true);
});

test('once the operator has taken the cursor, even back to the first row, it follows its row', () => {
	const cases: Array<[string[], string]> = [
		[['down', 'up'], 'b#1'],
		[['j'], 'b#2'],
		[['g'], '\u0000service\u0000RW-Split-Router'],
		[['/', 'down', 'up', 'return'], 'b#1'], // Arrows in the filter prompt.
		[['/', 'R', 'W', 'return'], 'b#1'], // A filter typed: the list narrowed under it.
		[['I'], 'b#1'], // The list re-sorted (reversed) under it.
		[['>'], 'b#1'],
		[['t'], 'b#1'], // Re-grouped.
		[['return'], 'b#1'], // The pane opened on it.
		[['space'], 'b#2'], // Marked: Space moves down, like htop.
		[['left'], '\u0000state\u0000RW-Split-Router\u0000Session started'], // To its group.
		[['c'], '\u0000state\u0000RW-Split-Router\u0000Session started'], // Its group collapsed.
		[['K', 'escape'], 'b#1'], // Asked to kill it, then thought better of it.
	];
	for (const [keys, cursor] of cases) {
		let state = type(bothAnswered(), ...keys);
		assert.equal(state.selectedId, cursor, keys.join(' '));
		assert.equal(state.autoCursor, false, keys.join(' '));
		state = run(state, answer('a', [0, 10, 11], 3000));
		assert.equal(state.selectedId, cursor, `${keys.join(' ')}, then a#0 comes in`);
	}

	// Keys that leave the list and the cursor alone leave it automatic.
	const untouched = type(bothAnswered(), 'p', 'p', '+', '-', 'tab', '?', 'escape');
	assert.equal(untouched.autoCursor, true);
	assert.equal(run(untouched, answer('a', [0, 10, 11], 3000)).selectedId, 'a#0');
});
