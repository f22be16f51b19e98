// The pane's session that stops matching the filter at a poll (its statement ended, under
// `running>=0`): kept listed, the cursor and the pane on it, until the operator moves on.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseFilter} from '../../source/model/filter.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {applyView} from '../../source/model/place-rows.js';
import {isSessionRow} from '../../source/model/rows.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';

const running = (id: number, seconds: number) => session(id, {statement: `SELECT SLEEP(${id})`, statementRunning: true, statementSeconds: seconds});
const done = (id: number) => session(id, {statement: `SELECT SLEEP(${id})`, statementRunning: false});
const listed = (state: MonitorState) => state.rows.filter((row) => isSessionRow(row)).map((row) => (row as Session).id);
let at = 1000;
const poll = (state: MonitorState, sessions: Session[]) => reducer(state, {type: 'poll-ok', sessions, at: (at += 2000), latencyMs: 1, bytes: 1});

function filtered(): MonitorState {
	const start = poll(initialState({grouping: 'flat', columns: ['running', 'statement']}), [running(1, 5), running(2, 9), running(3, 1)]);
	return applyView({...start, filter: parseFilter('running>=0')});
}

test('a poll that ends the statement of the pane\'s session keeps it listed, the cursor and the pane on it, and says why', () => {
	let state = reducer(filtered(), {type: 'move', delta: 1});
	assert.equal(state.selectedId, '2');
	state = reducer(state, {type: 'open-pane'});
	assert.equal(state.pane.id, '2');
	state = poll(state, [running(1, 7), done(2), running(3, 3)]);
	assert.deepEqual(listed(state), ['1', '2', '3'], 'still listed');
	assert.equal(state.selectedId, '2');
	assert.equal(state.pane.id, '2', 'the pane stays on it');
	assert.equal(state.message?.text, 'Session 2 no longer matches the filter: kept while the pane is on it.');
	// Polls after it keep it, while the pane is on it.
	state = poll(state, [running(1, 9), done(2), running(3, 5)]);
	assert.deepEqual(listed(state), ['1', '2', '3']);
	assert.equal(state.pane.id, '2');
	// The cursor moves on, the pane with it: the next poll lets it go.
	state = reducer(state, {type: 'move', delta: 1});
	assert.equal(state.pane.id, '3');
	state = poll(state, [running(1, 11), done(2), running(3, 7)]);
	assert.deepEqual(listed(state), ['1', '3']);
});

test('not kept: with the pane closed, under another filter, or when it ended', () => {
	// The pane closed: the cursor goes to a neighbour, as before.
	let state = reducer(filtered(), {type: 'move', delta: 1});
	state = poll(state, [running(1, 7), done(2), running(3, 3)]);
	assert.deepEqual(listed(state), ['1', '3']);
	// Kept, then the filter changed: a new filter is applied whole.
	state = reducer(reducer(filtered(), {type: 'move', delta: 1}), {type: 'open-pane'});
	state = poll(state, [running(1, 7), done(2), running(3, 3)]);
	assert.deepEqual(listed(state), ['1', '2', '3']);
	state = applyView({...state, filter: parseFilter('running>0')});
	assert.deepEqual(listed(state), ['1', '3']);
	// Ended while kept: an ended session, as any (its row struck through, not a live one).
	state = reducer(reducer(filtered(), {type: 'move', delta: 1}), {type: 'open-pane'});
	state = poll(state, [running(1, 7), done(2), running(3, 3)]);
	state = poll(state, [running(1, 9), running(3, 5)]);
	assert.deepEqual(listed(state), ['1', '3']);
	assert.equal(state.pane.ended, true);
});
