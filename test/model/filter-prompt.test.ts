import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {splitKeys} from '../../source/ui/key-names.js';
import {session} from '../helpers/sessions.js';
import {labels, start} from '../helpers/state.js';

// The filter prompt's line editing through the reducer, fed the bytes a terminal sends
// (named by ui/key-names.ts as the app names them), so the names the keys get and the
// names the editing knows cannot drift apart.

const bytes = {
	left: '\u001B[D',
	right: '\u001B[C',
	home: '\u001B[H',
	home1: '\u001B[1~',
	end: '\u001B[F',
	end4: '\u001B[4~',
	altLeft: '\u001B[1;3D',
	altRight: '\u001B[1;3C',
	ctrlLeft: '\u001B[1;5D',
	optionLeft: '\u001Bb',
	backspace: '\u007F',
	ctrlH: '\b',
	delete: '\u001B[3~',
	ctrlA: '\u0001',
	ctrlE: '\u0005',
	ctrlK: '\u000B',
	ctrlU: '\u0015',
	ctrlW: '\u0017',
	enter: '\r',
	escape: '\u001B',
} as const;

/** Each read from the terminal, as the app dispatches it: one key action per key in it. */
function keys(state: MonitorState, ...reads: string[]): MonitorState {
	return reads.flatMap((read) => splitKeys(read)).reduce((current, {input, name}) => reducer(current, {type: 'key', input, name}), state);
}

/** The prompt with `|` where its cursor is. */
const prompt = (state: MonitorState) => `${state.filter.text.slice(0, state.filterCursor)}|${state.filter.text.slice(state.filterCursor)}`;
const ids = (state: MonitorState) => labels(state).filter((label) => /^\d/.test(label));

const users = () => start([session(1, {user: 'bob'}), session(2, {user: 'xbob'}), session(3, {user: 'alice'}), session(4, {user: 'bobby'})]);

test('type user:bob, ← ← ←, type x: inserted before bob, and the list filters by user:xbob', () => {
	let state = keys(users(), '/', ...'user:bob');
	assert.equal(prompt(state), 'user:bob|');
	assert.deepEqual(ids(state), ['1', '2', '4']);
	state = keys(state, bytes.left, bytes.left, bytes.left);
	assert.equal(prompt(state), 'user:|bob');
	assert.deepEqual(ids(state), ['1', '2', '4'], 'moving the cursor does not change the filter');
	state = keys(state, 'x');
	assert.equal(prompt(state), 'user:x|bob');
	assert.equal(state.filter.text, 'user:xbob');
	assert.equal(state.filterCursor, 6);
	assert.deepEqual(ids(state), ['2']);
	// ← → stay in the prompt: in the list they would open the pane or collapse a group.
	state = keys(state, bytes.right, bytes.right, bytes.right, bytes.right, bytes.right);
	assert.equal(prompt(state), 'user:xbob|', 'stops at the end');
	assert.equal(state.pane.open, false);
	assert.equal(state.mode, 'filter');
});

test('Home then Delete takes the first character; Backspace the one before the cursor, mid-line', () => {
	let state = keys(users(), '/', ...'xuser:bob', bytes.home, bytes.delete);
	assert.equal(prompt(state), '|user:bob');
	assert.deepEqual(ids(state), ['1', '2', '4']);
	state = keys(state, bytes.delete);
	assert.equal(prompt(state), '|ser:bob');
	assert.match(state.filter.error ?? '', /ser is not a field/);
	assert.equal(keys(state, bytes.enter).mode, 'filter', 'Enter waits for it to be mended');
	state = keys(state, 'u', bytes.end4, bytes.backspace);
	assert.equal(prompt(state), 'user:bo|');
	state = keys(state, bytes.home1, bytes.right, bytes.right, bytes.backspace, 'S', bytes.ctrlH);
	assert.equal(prompt(state), 'u|er:bo', 'Ctrl-H is Backspace too');
	state = keys(state, 's', bytes.end);
	assert.equal(prompt(state), 'user:bo|');
	assert.equal(state.filter.error, undefined);
	// The cursor stops at the start: ← and Backspace there do nothing.
	state = keys(state, ...Array.from({length: 10}, () => bytes.left), bytes.backspace);
	assert.equal(prompt(state), '|user:bo');
});

test('Ctrl-W takes the word before the cursor in the middle of the line; Ctrl-U up to the cursor; Ctrl-K after it', () => {
	let state = keys(users(), '/', ...'user:bob idle>5 state:started');
	state = keys(state, bytes.altLeft, bytes.left);
	assert.equal(prompt(state), 'user:bob idle>5| state:started');
	state = keys(state, bytes.ctrlW);
	assert.equal(prompt(state), 'user:bob | state:started');
	assert.deepEqual(ids(state), ['1', '2', '4']);
	state = keys(state, bytes.ctrlK);
	assert.equal(prompt(state), 'user:bob |');
	state = keys(state, bytes.ctrlLeft, bytes.right, bytes.right, bytes.right, bytes.right, bytes.right);
	assert.equal(prompt(state), 'user:|bob ');
	state = keys(state, bytes.ctrlU);
	assert.equal(prompt(state), '|bob ');
	assert.deepEqual(ids(state), ['1', '2', '4'], 'bob in any column');
	state = keys(state, bytes.ctrlE, ...'!xbob', bytes.ctrlA, bytes.altRight);
	assert.equal(prompt(state), 'bob| !xbob');
	assert.deepEqual(ids(state), ['1', '4']);
	state = keys(state, bytes.optionLeft);
	assert.equal(prompt(state), '|bob !xbob', 'Option-← on macOS');
});

test('Alt-Backspace takes the word before the cursor, Alt-d the one after; no other Alt key leaves the prompt or acts', () => {
	let state = keys(users(), '/', ...'user:bob idle>5 state:started');
	state = keys(state, '\u001B\u007F');
	assert.equal(prompt(state), 'user:bob idle>5 |', 'Alt-Backspace: one word, not the whole filter');
	assert.equal(state.mode, 'filter');
	state = keys(state, bytes.ctrlA, '\u001Bd');
	assert.equal(prompt(state), '| idle>5 ');
	// Escape then a key, in one read, is Alt and that key: not Esc (clearing the filter) and the key.
	for (const alt of ['\u001Bu', '\u001Bq', '\u001Bx', '\u001B/']) {
		const after = keys(state, alt);
		assert.equal(prompt(after), '| idle>5 ', JSON.stringify(alt));
		assert.equal(after.mode, 'filter', JSON.stringify(alt));
		assert.ok(!after.quitting, JSON.stringify(alt));
	}

	// In the list too: marks and the filter stay; Alt-q does not quit.
	let list = keys(users(), '/', ...'bob', bytes.enter, ' ', ' ');
	assert.equal(list.marked.size, 2);
	list = keys(list, '\u001Bu', '\u001Bq');
	assert.equal(list.marked.size, 2);
	assert.equal(list.filter.text, 'bob');
	assert.ok(!list.quitting);
});

test('a paste (several characters in one read) goes in at the cursor, all of it', () => {
	let state = keys(users(), '/', ...'user:', bytes.home);
	state = keys(state, '!user:alice ');
	assert.equal(prompt(state), '!user:alice |user:');
	// As one key press with several characters, too.
	state = reducer(state, {type: 'key', input: 'x'.repeat(3)});
	assert.equal(prompt(state), '!user:alice xxx|user:');
});

test('/ again puts the cursor after the end of the filter kept; Esc clears it and its cursor', () => {
	let state = keys(users(), '/', ...'user:bob', bytes.left, bytes.left, bytes.enter);
	assert.equal(state.mode, 'list');
	assert.equal(state.filter.text, 'user:bob');
	state = keys(state, '/');
	assert.equal(prompt(state), 'user:bob|');
	state = keys(state, 'b', 'y');
	assert.deepEqual(ids(state), ['4']);
	state = keys(state, bytes.home, bytes.escape);
	assert.equal(state.mode, 'list');
	assert.equal(prompt(state), '|');
	assert.deepEqual(ids(state), ['1', '2', '3', '4']);
	state = keys(state, '/', ...'ab', bytes.left, bytes.enter, bytes.escape);
	assert.equal(state.mode, 'list');
	assert.equal(prompt(state), '|', 'Esc in the list clears the filter and its cursor too');
});
