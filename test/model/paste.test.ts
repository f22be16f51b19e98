import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {maxFilterLength} from '../../source/model/filter-prompt.js';
import type {Session} from '../../source/model/session.js';
import {keyReader} from '../../source/ui/key-names.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

// Pastes and keys typed ahead, as the app dispatches them: each read from the terminal one
// `keys` action (ui/use-keys.ts), through the reader that keeps a paste across reads.
// QA pasted "report⏎Kyle" at `/`: the line break closed the prompt, K asked to kill, y confirmed.

function reads(state: MonitorState, ...data: string[]): MonitorState {
	const read = keyReader();
	return data.reduce((current, chunk) => reducer(current, {type: 'keys', keys: read(chunk)}), state);
}

const bracketed = (text: string) => `\u001B[200~${text}\u001B[201~`;
const users = () => start([session(1, {user: 'report'}), session(2, {user: 'Kyle'}), session(3, {user: 'alice'})]);

/** Nothing acted: no kill asked or sent, nothing copied, not quitting. */
function assertNothingActed(state: MonitorState): void {
	assert.equal(state.confirm, undefined, 'no kill asked');
	assert.deepEqual(state.effects, [], 'nothing sent, copied or saved');
	assert.equal(state.quitting, false, 'not quitting');
}

test('a bracketed paste of two lines at / is text at the cursor: the prompt stays open, nothing is killed', () => {
	for (const text of ['report\rKyle', 'report\nKyle', 'report\r\nKyle', 'report\tKyle']) {
		const state = reads(users(), '/', bracketed(text));
		assert.equal(state.mode, 'filter', JSON.stringify(text));
		assert.equal(state.filter.text, 'report Kyle');
		assert.equal(state.filterCursor, 'report Kyle'.length);
		assertNothingActed(state);
	}

	// Handed over in pieces, as Ink does; a last line `q` does not quit.
	const state = reads(users(), '/', '\u001B[200~', 'user:al\r', 'ice\rq', '\u001B[201~');
	assert.equal(state.filter.text, 'user:al ice q');
	assertNothingActed(state);
	// Enter after the paste still keeps the filter.
	assert.equal(reads(state, '\r').mode, 'list');
});

test('without bracketed paste: one read with a line break inside it is a paste at /; one that ends with Enter keeps the filter', () => {
	let state = reads(users(), '/', 'report\rKyle');
	assert.equal(state.mode, 'filter');
	assert.equal(state.filter.text, 'report Kyle');
	assertNothingActed(state);
	state = reads(users(), '/', 'report\tKyle\rq');
	assert.equal(state.filter.text, 'report Kyle q');
	assertNothingActed(state);

	// Typed fast: the Enter at the end is Enter; so is an Enter first, with a key after it.
	state = reads(users(), '/', 'user:alice\r');
	assert.equal(state.mode, 'list');
	assert.equal(state.filter.text, 'user:alice');
	state = reads(users(), '/', 'alice', '\rp');
	assert.equal(state.mode, 'list');
	assert.equal(state.filter.text, 'alice');
	assert.equal(state.paused, true, 'p after Enter pauses');
	// Text, Enter and one key: typed ahead while the screen was busy, each key as typed.
	state = reads(users(), '/', 'user:alice\r*');
	assert.equal(state.mode, 'list');
	assert.equal(state.filter.text, 'user:alice');
	assert.ok(state.marked.size > 0, '* marked what the filter kept');
	state = reads(users(), '/', 'b\rp');
	assert.equal(state.filter.text, 'b');
	assert.equal(state.paused, true);
	state = reads(users(), '/', 'report\rK');
	assert.equal(state.mode, 'confirm', 'K asks, and nothing more');
	assert.deepEqual(state.effects, [], 'nothing sent');
	state = reads(users(), '/', 'report\r\rK');
	assert.equal(state.filter.text, 'report  K', 'two line breaks: a paste');
	// A key that acts beyond the screen (quit, copy, save, record) is never typed ahead: a paste's last line.
	for (const key of ['q', 'y', 's', 'W']) {
		state = reads(users(), '/', `report\r${key}`);
		assert.equal(state.filter.text, `report ${key}`, key);
		assert.equal(state.mode, 'filter', key);
		assertNothingActed(state);
	}
	// `/` opens the prompt mid-read: the rest is the prompt's, line breaks and all.
	state = reads(users(), '/report\rKy');
	assert.equal(state.mode, 'filter');
	assert.equal(state.filter.text, 'report Ky');
	assertNothingActed(state);
});

test('a paste in the list, the help or a kill confirmation does nothing: never a key, never an answer', () => {
	const list = reads(users(), 'j');
	for (const text of ['Kyle', 'q', 'y', '/x', ' ', '\r']) {
		const state = reads(list, bracketed(text));
		assert.equal(state.mode, 'list', JSON.stringify(text));
		assert.equal(state.selectedId, list.selectedId);
		assert.equal(state.filter.text, '');
		assert.equal(state.marked.size, 0);
		assertNothingActed(state);
	}

	const help = reads(users(), '?');
	assert.equal(reads(help, bracketed('x')).mode, 'help', 'the help stays open');

	const asking = reads(list, 'K');
	assert.equal(asking.mode, 'confirm');
	for (const text of ['y', 'Y', '\r', 'yes\r', '5', 'n']) {
		const state = reads(asking, bracketed(text));
		assert.equal(state.mode, 'confirm', JSON.stringify(text));
		assert.equal(state.confirm, asking.confirm, 'the question and its grace period untouched');
		assert.deepEqual(state.effects, []);
	}

	// Typed, y still answers.
	assert.equal(reads(asking, 'y').effects[0]?.kind, 'operation');
});

test('outside the prompt, keys typed ahead in one read still act in turn: K then "yy" kills, then copies', () => {
	const state = reads(reads(users(), 'K'), 'yy');
	assert.deepEqual(state.effects.map((effect) => effect.kind), ['operation', 'copy']);
});

/** A session that counts how often the filter (or anything) reads it: one re-filter reads it a fixed number of times. */
function counted(state: MonitorState): {state: MonitorState; reads: () => number} {
	let count = 0;
	const [first, ...rest] = state.sessions;
	const spy = new Proxy(first!, {
		get(target, key, receiver) {
			count++;
			return Reflect.get(target, key, receiver) as unknown;
		},
	}) as Session;
	return {state: {...state, sessions: [spy, ...rest]}, reads: () => count};
}

test('a 20,000-character paste is one edit and one re-filter, bracketed or not; the filter keeps its first 1,000 characters', () => {
	const prompt = reads(users(), '/');
	const once = counted(prompt);
	reads(once.state, bracketed('x'));
	assert.ok(once.reads() > 0, 'the spy sees a re-filter');

	const long = 'x'.repeat(20_000);
	for (const paste of [bracketed(long), long]) {
		const spied = counted(prompt);
		const state = reads(spied.state, paste);
		assert.equal(spied.reads(), once.reads(), 'as many reads of the session as one re-filter makes');
		assert.equal(state.filter.text, 'x'.repeat(maxFilterLength));
		assert.equal(state.filterCursor, maxFilterLength);
		assert.match(state.message?.text ?? '', /at most 1,000 characters/);
	}
});

test('Esc and a key in one read, as the terminal\'s Alt, are the two keys outside the filter prompt; at the prompt an Alt key stays one', () => {
	// The pane open, then Esc j typed fast: the pane closes and the cursor moves.
	let state = type(start([session(1), session(2), session(3)]), 'return');
	assert.equal(state.pane.open, true);
	const selected = state.selectedId;
	state = reducer(state, {type: 'keys', keys: [{input: '', name: 'alt+j'}]});
	assert.equal(state.pane.open, false, 'the Esc was taken');
	assert.notEqual(state.selectedId, selected, 'and the j');
	// A kill question, Esc q: answered no, then quit.
	state = type(state, 'K');
	assert.equal(state.mode, 'confirm');
	state = reducer(state, {type: 'keys', keys: [{input: '', name: 'alt+q'}]});
	assert.equal(state.mode, 'list');
	assert.equal(state.quitting, true);
	// At the prompt Alt-x edits nothing and clears nothing: not Esc (which clears the filter) and x.
	let prompt = type(start([session(1)]), '/', 'a', 'b');
	prompt = reducer(prompt, {type: 'keys', keys: [{input: '', name: 'alt+x'}]});
	assert.equal(prompt.mode, 'filter');
	assert.equal(prompt.filter.text, 'ab');
});
