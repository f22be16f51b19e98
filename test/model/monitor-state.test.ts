import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer, type Action, type MonitorState} from '../../source/model/monitor-state.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';

function poll(state: MonitorState, sessions: Session[], at = 1000): MonitorState {
	return reducer(state, {type: 'poll-ok', sessions, at, latencyMs: 3, bytes: 100});
}

function run(state: MonitorState, ...actions: Action[]): MonitorState {
	return actions.reduce(reducer, state);
}

const five = [1, 2, 3, 4, 5].map((id) => session(id));

test('the first poll selects the first session and counts', () => {
	const state = poll(initialState(), five);
	assert.equal(state.selectedId, '1');
	assert.equal(state.polls, 1);
	assert.equal(state.rows.length, 7); // Service row, state row, five sessions.
});

test('the cursor moves over session rows only, and stops at the ends', () => {
	const sessions = [session(1), session(2, {state: 'Session created'}), session(3, {service: 'Zeta'})];
	let state = poll(initialState(), sessions);
	state = run(state, {type: 'move', delta: 1});
	assert.equal(state.selectedId, '2'); // Over the "Session created" group row.
	state = run(state, {type: 'move', delta: 1}, {type: 'move', delta: 1});
	assert.equal(state.selectedId, '3');
	state = run(state, {type: 'home'});
	assert.equal(state.selectedId, '1');
	state = run(state, {type: 'move', delta: -1});
	assert.equal(state.selectedId, '1');
	state = run(state, {type: 'end'});
	assert.equal(state.selectedId, '3');
});

test('the selection stays on the same id when the list re-orders', () => {
	let state = run(poll(initialState(), five), {type: 'move', delta: 2});
	assert.equal(state.selectedId, '3');
	state = poll(state, [session(0), session(9), ...five.reverse()]);
	assert.equal(state.selectedId, '3');
});

test('when the selected session ends the cursor moves to its neighbour', () => {
	let state = run(poll(initialState(), five), {type: 'move', delta: 2});
	state = poll(state, five.filter((s) => s.id !== '3'));
	assert.equal(state.selectedId, '4');
	state = run(state, {type: 'end'});
	state = poll(state, five.filter((s) => s.id !== '5' && s.id !== '3'));
	assert.equal(state.selectedId, '4'); // No one after it: the one before.
	state = poll(state, []);
	assert.equal(state.selectedId, undefined);
});

test('the pane follows the cursor, and an ended session stays in it, marked', () => {
	let state = run(poll(initialState(), five), {type: 'move', delta: 1}, {type: 'open-pane'});
	assert.equal(state.pane.open, true);
	assert.equal(state.pane.id, '2');
	state = reducer(state, {type: 'document-loaded', id: '2', document: {data: {id: '2'}}});
	assert.ok(state.pane.lines.length > 0);
	state = poll(state, five.filter((s) => s.id !== '2'));
	assert.equal(state.selectedId, '3');
	assert.equal(state.pane.id, '2');
	assert.equal(state.pane.ended, true);
	assert.deepEqual(state.pane.document, {data: {id: '2'}}); // The last document stays.
	state = run(state, {type: 'move', delta: 1});
	assert.equal(state.pane.id, '4');
	assert.equal(state.pane.ended, false);
	assert.equal(state.pane.document, undefined);
});

test('late answers for a session the pane has left are ignored', () => {
	let state = run(poll(initialState(), five), {type: 'open-pane'}, {type: 'move', delta: 1});
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {}}});
	assert.equal(state.pane.document, undefined);
	state = reducer(state, {type: 'document-failed', id: '2', message: 'gone', gone: true});
	assert.equal(state.pane.ended, true);
});

test('a failed poll keeps the last good data and records the error', () => {
	let state = poll(initialState(), five);
	state = reducer(state, {type: 'poll-failed', error: {kind: 'refused', message: 'Connection refused.'}, at: 5000});
	assert.equal(state.sessions.length, 5);
	assert.equal(state.error?.message, 'Connection refused.');
	assert.equal(state.lastPoll?.at, 1000);
	state = poll(state, five, 7000);
	assert.equal(state.error, undefined);
});

test('the list scrolls to keep the cursor in view', () => {
	const many = Array.from({length: 100}, (_, i) => session(i + 1));
	let state = run(poll(initialState(), many), {type: 'resize', listHeight: 10, paneHeight: 10, paneWidth: 40});
	state = run(state, {type: 'move', delta: 20});
	assert.equal(state.selectedId, '21');
	// Rows: service, state, then sessions; session 21 is row 22; top keeps it on the last line.
	assert.equal(state.listTop, 13);
	state = run(state, {type: 'page', delta: 1});
	assert.equal(state.selectedId, '31');
	state = run(state, {type: 'page', delta: -1}, {type: 'page', delta: -1}, {type: 'page', delta: -1});
	assert.equal(state.selectedId, '1');
	assert.equal(state.listTop, 0);
});

test('focus and pane scrolling, clamped to the document', () => {
	let state = run(poll(initialState(), five), {type: 'resize', listHeight: 10, paneHeight: 5, paneWidth: 40});
	state = run(state, {type: 'toggle-focus'});
	assert.equal(state.focus, 'list'); // No pane, nothing to focus.
	state = run(state, {type: 'open-pane'}, {type: 'toggle-focus'});
	assert.equal(state.focus, 'pane');
	const document = {data: {id: '1', attributes: Object.fromEntries(Array.from({length: 20}, (_, i) => [`k${i}`, i]))}};
	state = reducer(state, {type: 'document-loaded', id: '1', document});
	const total = state.pane.lines.length;
	assert.ok(total > 20);
	state = run(state, {type: 'pane-scroll', delta: 3});
	assert.equal(state.pane.scroll, 3);
	state = run(state, {type: 'pane-end'});
	assert.equal(state.pane.scroll, total - 5);
	state = run(state, {type: 'pane-scroll', delta: 100});
	assert.equal(state.pane.scroll, total - 5);
	state = run(state, {type: 'pane-home'});
	assert.equal(state.pane.scroll, 0);
	state = run(state, {type: 'close-pane'});
	assert.equal(state.pane.open, false);
	assert.equal(state.focus, 'list');
});
