// z zooms the pane over the whole width, as tmux zooms a pane: the list hidden, the document
// wrapped to the terminal's width; z again, or Tab, brings the list back. Driven with real
// key bytes through Ink's stdin, against the simulator over loopback.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {keys} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {poll, type} from '../helpers/state.js';
import {closeAll, cursorId, mountSimulated} from './simulated-app.js';

after(closeAll);

/** The pane's top border: `╭` at the first column when zoomed, after the list when not. */
const borderAt = (frame: string) => frame.split('\n').find((line) => line.includes('╭'))?.indexOf('╭');
const listShown = (frame: string) => frame.includes('▲Id');

test('z zooms the pane over the whole width and back; Tab returns to the list; Esc closes', async () => {
	const {frame, press, close} = await mountSimulated({rows: 24});
	const id = cursorId(frame())!;
	// With the pane closed, z opens it on the cursor's session, zoomed.
	await press('z', () => borderAt(frame()) === 0 && frame().includes(`│Session ${id} `) && frame().includes('"attributes"'), 'the document over the whole width');
	assert.ok(!listShown(frame()), `no list while zoomed:\n${frame()}`);
	assert.match(frame(), / z {2}unzoom /, 'the hint says how back');
	const border = frame().split('\n').find((line) => line.includes('╭'))!;
	assert.equal(border.trimEnd().length, 100, 'the whole width');
	// The keys scroll the pane.
	const top = frame();
	await press('j', () => frame() !== top, 'j scrolls the zoomed pane');
	assert.match(frame(), /Session \d+ .*\b2-/, `scrolled by one line:\n${frame()}`);
	// z again: beside the list, the pane keeps the keys.
	await press('z', () => listShown(frame()) && (borderAt(frame()) ?? 0) > 0, 'the list back beside the pane');
	assert.match(frame(), / Tab {2}to list /);
	// Zoomed again, Tab goes to the list, beside the pane.
	await press('z', () => !listShown(frame()), 'zoomed again');
	await press(keys.tab, () => listShown(frame()) && / Tab {2}to pane /.test(frame()), 'Tab: the list, focused');
	const before = cursorId(frame());
	await press('j', () => cursorId(frame()) !== before, 'j moves the list again');
	// Esc closes the pane; z after it opens it zoomed again, and Esc closes it, zoom and all.
	await press(keys.escape, () => !frame().includes('╭'), 'Esc closes the pane');
	await press('z', () => borderAt(frame()) === 0, 'z opens it zoomed');
	await press(keys.escape, () => !frame().includes('╭') && listShown(frame()), 'Esc closes it, the list back');
	await press(keys.enter, () => (borderAt(frame()) ?? 0) > 0, 'Enter opens it beside the list, not zoomed');
	await close();
});

test('z on a group row says why nothing opened; zoom ends with the pane and with Tab', () => {
	const state = poll(initialState(), [session(1), session(2)]);
	const group = type(state, 'up');
	assert.ok(!group.byId.has(group.selectedId ?? ''), 'the cursor on a group row');
	const onGroup = type(group, 'z');
	assert.equal(onGroup.zoomed, false);
	assert.equal(onGroup.pane.open, false);
	assert.match(onGroup.message?.text ?? '', /put the cursor on a session/);
	const zoomed = type(state, 'z');
	assert.deepEqual([zoomed.zoomed, zoomed.pane.open, zoomed.focus], [true, true, 'pane']);
	assert.deepEqual([type(zoomed, 'z').zoomed, type(zoomed, 'z').focus], [false, 'pane']);
	assert.deepEqual([type(zoomed, 'tab').zoomed, type(zoomed, 'tab').focus], [false, 'list']);
	assert.equal(type(zoomed, 'escape').zoomed, false);
	assert.equal(type(zoomed, 'left').zoomed, false);
	// Opened again with Enter: beside the list.
	assert.equal(type(type(zoomed, 'escape'), 'return').zoomed, false);
	assert.equal(reducer(zoomed, {type: 'close-pane'}).pane.open, false);
});

test('the pane rewrapped (z, a resize) keeps the document line at its top, not the line number', () => {
	const long = {data: {id: '1', attributes: Object.fromEntries(Array.from({length: 60}, (_, i) => [`field_${i}`, `a value of some length, number ${i}, to wrap on a narrow pane`]))}};
	let state = reducer(type(poll(initialState(), [session(1)]), 'return'), {type: 'resize', listHeight: 10, paneHeight: 10, paneWidth: 100});
	state = reducer(state, {type: 'document-loaded', id: state.pane.id!, document: long});
	state = type(state, 'tab', ...Array.from({length: 40}, () => 'down'));
	const topText = (s: typeof state) => s.pane.source[s.pane.lines[s.pane.scroll]!.source]!.tokens.map((token) => token.text).join('');
	const before = topText(state);
	assert.match(before, /field_3\d/);
	assert.equal(state.pane.scroll, 40);
	const narrow = reducer(state, {type: 'resize', listHeight: 10, paneHeight: 10, paneWidth: 30});
	assert.ok(narrow.pane.lines.length > state.pane.lines.length, 'wrapped to more lines');
	assert.equal(topText(narrow), before);
	assert.ok(narrow.pane.scroll > 40, 'a later line number');
	// The first line of it, not one of its continuations.
	assert.notEqual(narrow.pane.lines[narrow.pane.scroll - 1]!.source, narrow.pane.lines[narrow.pane.scroll]!.source);
	assert.equal(topText(reducer(narrow, {type: 'resize', listHeight: 10, paneHeight: 10, paneWidth: 100})), before);
});
