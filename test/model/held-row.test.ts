// The pane's session that stops matching the filter at a poll (its statement ended, under
// `running>=0`): kept listed, the cursor and the pane on it, until the operator moves on.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseFilter} from '../../source/model/filter.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {markCounts} from '../../source/model/marks.js';
import {applyView} from '../../source/model/place-rows.js';
import {savedSessions} from '../../source/model/snapshot.js';
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

test('the kept session counts as shown: * marks it, and neither the header nor a kill question calls it hidden (QA)', () => {
	let state = reducer(reducer(filtered(), {type: 'move', delta: 1}), {type: 'open-pane'});
	state = poll(state, [running(1, 7), done(2), running(3, 3)]);
	assert.deepEqual(listed(state), ['1', '2', '3']);
	state = reducer(state, {type: 'mark-shown'});
	assert.deepEqual([...state.marked].toSorted(), ['1', '2', '3']);
	assert.deepEqual(markCounts(state), {marked: 3, hidden: 0});
	state = reducer(state, {type: 'command', command: 'kill'});
	assert.equal(state.confirm?.hidden, 0);
});

test('statements no longer asked for (S off) under a statement filter: the view changed, not the session, so it is not kept (QA)', () => {
	let state = reducer(reducer(filtered(), {type: 'move', delta: 1}), {type: 'open-pane'});
	state = applyView({...state, filter: parseFilter('statement:sleep')});
	const unknown = (id: number) => session(id);
	state = poll(state, [unknown(1), unknown(2), unknown(3)]);
	assert.deepEqual(listed(state), []);
	assert.equal(state.held, undefined);
});

test('with several MaxScales the sentence names the session as the pane does, with its MaxScale', () => {
	const on = (host: string, id: number) => session(id, {host, key: `${host}#${id}`, statement: 'SELECT 1', statementRunning: true, statementSeconds: 1});
	let state = initialState({grouping: 'flat', columns: ['running', 'statement'], hosts: ['mx1', 'mx2']});
	state = reducer(state, {type: 'poll-ok', host: 'mx1', sessions: [on('mx1', 1), on('mx1', 2)], at: (at += 2000), latencyMs: 1, bytes: 1});
	state = applyView({...state, filter: parseFilter('running>=0')});
	state = reducer(reducer(state, {type: 'move', delta: 1}), {type: 'open-pane'});
	const key = state.pane.id!;
	state = reducer(state, {type: 'poll-ok', host: 'mx1', sessions: [on('mx1', 1), on('mx1', 2)].map((one) => (one.key === key ? {...one, statementRunning: false, statementSeconds: undefined} : one)), at: (at += 2000), latencyMs: 1, bytes: 1});
	assert.match(state.message?.text ?? '', /^Session \d on mx1 no longer matches the filter: kept while the pane is on it\.$/);
});

test('let go, then held again later: said again; closed between polls, it is still listed and counted as shown until the poll (review)', () => {
	let state = reducer(reducer(filtered(), {type: 'move', delta: 1}), {type: 'open-pane'});
	state = poll(state, [running(1, 7), done(2), running(3, 3)]);
	// The pane closed: the row stays until the next poll, and the marks count it as shown meanwhile.
	state = reducer(state, {type: 'close-pane'});
	assert.deepEqual(listed(state), ['1', '2', '3']);
	state = reducer(state, {type: 'mark-shown'});
	assert.deepEqual(markCounts(state), {marked: 3, hidden: 0});
	assert.deepEqual(savedSessions(state).map((session) => session.id), ['1', '2', '3'], 's saves what the screen shows');
	state = reducer(state, {type: 'unmark-all'});
	state = poll(state, [running(1, 9), done(2), running(3, 5)]);
	assert.deepEqual(listed(state), ['1', '3']);
	assert.equal(state.held, undefined);
	// It runs again, matches, the pane opens on it, and it stops matching: held again, and said again.
	state = poll(state, [running(1, 11), running(2, 1), running(3, 7)]);
	state = reducer(state, {type: 'home'});
	while (state.selectedId !== '2') {
		state = reducer(state, {type: 'move', delta: 1});
	}

	state = reducer(state, {type: 'open-pane'});
	state = {...state, message: undefined};
	state = poll(state, [running(1, 13), done(2), running(3, 9)]);
	assert.deepEqual(listed(state), ['1', '2', '3']);
	assert.equal(state.message?.text, 'Session 2 no longer matches the filter: kept while the pane is on it.');
});
