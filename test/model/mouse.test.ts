// The mouse as htop takes it, in the model: what a click on a line of the list, on a column's
// title or in the pane does, and the wheel; nothing while a question or a prompt is open.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isGroupRow, isSessionRow} from '../../source/model/rows.js';
import {rowOnLine} from '../../source/model/mouse.js';
import {session} from '../helpers/sessions.js';
import {run, start, type} from '../helpers/state.js';

const sessions = Array.from({length: 40}, (_, i) => session(i + 1, {user: `user${i % 3}`, idleSeconds: i, service: i < 20 ? 'RW' : 'RO'}));

test('a click on a line puts the cursor on its row; on the cursor\'s row again, Enter: the document opens, a group folds', () => {
	let state = start(sessions, {grouping: 'flat'});
	state = run(state, {type: 'mouse-row', line: 3});
	assert.equal(state.selectedId, '4');
	assert.equal(state.autoCursor, false, 'the operator took the cursor');
	assert.equal(state.pane.open, false);
	state = run(state, {type: 'mouse-row', line: 3});
	assert.equal(state.pane.open, true, 'a second click opens the document');
	assert.equal(state.pane.id, '4');
	// The pane follows a click elsewhere, as it follows the cursor.
	state = run(state, {type: 'mouse-row', line: 7});
	assert.equal(state.pane.id, '8');
	// Past the last row: nothing.
	assert.equal(run(state, {type: 'mouse-row', line: 60}).selectedId, '8');

	let grouped = start(sessions);
	const group = rowOnLine(grouped, 0);
	assert.ok(isGroupRow(group));
	grouped = run(grouped, {type: 'mouse-row', line: 0}, {type: 'mouse-row', line: 0});
	assert.equal(grouped.selectedId, group.key);
	assert.ok(grouped.collapsed.has(group.key), 'a second click on a group row folds it');
});

test('a click on a line reaches the row drawn there, under the sticky group rows of a scrolled list', () => {
	let state = start(sessions);
	state = type(state, ...Array.from({length: 30}, () => 'down'));
	for (let line = 0; line < state.listHeight; line++) {
		const row = rowOnLine(state, line);
		assert.ok(row !== undefined, `line ${line}`);
		const clicked = run(state, {type: 'mouse-row', line});
		assert.equal(clicked.selectedId, row.key, `line ${line}`);
	}

	// The top lines are the groups' sticky rows, not the window's first rows.
	assert.ok(isGroupRow(rowOnLine(state, 0)));
	assert.ok(isSessionRow(rowOnLine(state, state.listHeight - 1)!));
});

test('a click on a column\'s title sorts by it, its natural way; again, the other way (as htop)', () => {
	let state = start(sessions, {grouping: 'flat'});
	state = run(state, {type: 'mouse-title', key: 'idle'});
	assert.deepEqual(state.sort, {key: 'idle', descending: true});
	state = run(state, {type: 'mouse-title', key: 'idle'});
	assert.deepEqual(state.sort, {key: 'idle', descending: false});
	state = run(state, {type: 'mouse-title', key: 'user'});
	assert.deepEqual(state.sort, {key: 'user', descending: false});
});

test('the wheel moves the list, or scrolls the pane under the pointer; a click in the pane gives it the keys', () => {
	let state = start(sessions, {grouping: 'flat'});
	state = run(state, {type: 'mouse-wheel', area: 'list', delta: 3});
	assert.equal(state.selectedId, '4');
	state = run(state, {type: 'mouse-wheel', area: 'list', delta: -3});
	assert.equal(state.selectedId, '1');
	state = run(state, {type: 'open-pane'}, {type: 'document-loaded', id: '1', document: {data: {id: '1', attributes: Object.fromEntries(Array.from({length: 40}, (_, i) => [`k${i}`, i]))}}});
	state = run(state, {type: 'mouse-wheel', area: 'pane', delta: 3});
	assert.equal(state.pane.scroll, 3);
	assert.equal(state.selectedId, '1', 'the list stays');
	state = run(state, {type: 'mouse-pane'});
	assert.equal(state.focus, 'pane');
	// A click back in the list gives it the keys again, on a row or past the last one (review).
	assert.equal(run(state, {type: 'mouse-row', line: 19}, {type: 'resize', listHeight: 60, paneHeight: 10, paneWidth: 60}).focus, 'list');
	assert.equal(run({...state, listHeight: 60}, {type: 'mouse-row', line: 55}).focus, 'list');
	state = run(state, {type: 'mouse-row', line: 2});
	assert.equal(state.focus, 'list');
	assert.equal(state.selectedId, '3');
});

test('while a question, a prompt or the help is open, a click answers nothing and moves nothing; the wheel scrolls the help', () => {
	const asked = type(start(sessions, {grouping: 'flat'}), 'K');
	assert.equal(asked.mode, 'confirm');
	for (const action of [{type: 'mouse-row', line: 5}, {type: 'mouse-title', key: 'idle'}, {type: 'mouse-wheel', area: 'list', delta: 3}, {type: 'mouse-pane'}] as const) {
		const after = run(asked, action);
		assert.equal(after.mode, 'confirm', action.type);
		assert.equal(after.selectedId, asked.selectedId, action.type);
		assert.deepEqual(after.sort, asked.sort, action.type);
		assert.equal(after.effects.length, 0, `${action.type}: nothing sent`);
	}

	const filtering = type(start(sessions, {grouping: 'flat'}), '/');
	// Nor does it take the cursor from the list's first row (review).
	assert.equal(filtering.autoCursor, true);
	assert.equal(run(filtering, {type: 'mouse-row', line: 5}, {type: 'mouse-title', key: 'idle'}).autoCursor, true);
	assert.equal(run(filtering, {type: 'mouse-row', line: 5}).selectedId, filtering.selectedId);
	const help = run(type(start(sessions), '?'), {type: 'resize', listHeight: 20, paneHeight: 10, paneWidth: 60, helpMax: 30});
	assert.equal(run(help, {type: 'mouse-wheel', area: 'help', delta: 3}).helpScroll, 3);
	assert.equal(run(help, {type: 'mouse-row', line: 2}).mode, 'help');
});
