import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {serviceKey} from '../../source/model/groups.js';
import {session} from '../helpers/sessions.js';
import {labels, poll, run, start, type} from '../helpers/state.js';

const five = [1, 2, 3, 4, 5].map((id) => session(id));

test('the first poll puts the cursor on the first session', () => {
	const state = poll(initialState(), five);
	assert.equal(state.selectedId, '1');
	assert.equal(state.polls, 1);
	assert.deepEqual(labels(state), ['S:RW-Split-Router:5', 'T:Session started:5', '1', '2', '3', '4', '5']);
});

test('the cursor walks every row, group rows included, and stops at the ends', () => {
	const sessions = [session(1), session(2, {state: 'Session created'}), session(3, {service: 'Zeta'})];
	let state = start(sessions);
	state = type(state, 'down');
	assert.equal(state.selectedId, '\u0000state\u0000RW-Split-Router\u0000Session created');
	state = type(state, 'j');
	assert.equal(state.selectedId, '2');
	state = type(state, 'G');
	assert.equal(state.selectedId, '3');
	state = type(state, 'down');
	assert.equal(state.selectedId, '3');
	state = type(state, 'g');
	assert.equal(state.selectedId, serviceKey('RW-Split-Router'));
	state = type(state, 'up', 'k');
	assert.equal(state.selectedId, serviceKey('RW-Split-Router'));
});

test('the selection stays on the same id when the list re-orders', () => {
	let state = type(start(five), 'down', 'down');
	assert.equal(state.selectedId, '3');
	state = poll(state, [session(0), session(9), ...five.toReversed()].map((one, i) => ({...one, idleSeconds: i})));
	assert.equal(state.selectedId, '3');
	state = type(state, '>', '>', '>', '>', '>'); // Sort by idle: the order changes, the cursor stays.
	assert.equal(state.sort.key, 'idle');
	assert.equal(state.selectedId, '3');
});

test('when the selected session ends the cursor moves to its neighbour', () => {
	let state = type(start(five), 'down', 'down');
	state = poll(state, five.filter((s) => s.id !== '3'));
	assert.equal(state.selectedId, '4');
	assert.ok(labels(state).includes('x3')); // Still shown, greyed, for a few polls.
	state = type(state, 'G');
	assert.equal(state.selectedId, '5');
	state = poll(state, five.filter((s) => s.id !== '5' && s.id !== '3'));
	assert.equal(state.selectedId, '4'); // No session after it: the one before.
	state = poll(state, []);
	assert.notEqual(state.selectedId, '4');
});

test('the pane follows the cursor, and an ended session stays in it, marked', () => {
	let state = type(start(five), 'down', 'return');
	assert.equal(state.pane.open, true);
	assert.equal(state.pane.id, '2');
	state = reducer(state, {type: 'document-loaded', id: '2', document: {data: {id: '2'}}});
	assert.ok(state.pane.lines.length > 0);
	state = poll(state, five.filter((s) => s.id !== '2'));
	assert.equal(state.selectedId, '3');
	assert.equal(state.pane.id, '2');
	assert.equal(state.pane.ended, true);
	assert.deepEqual(state.pane.document, {data: {id: '2'}}); // The last document stays.
	state = type(state, 'down');
	assert.equal(state.pane.id, '4');
	assert.equal(state.pane.ended, false);
	assert.equal(state.pane.document, undefined);
});

test('a refreshed document marks the values that changed, with what they were', () => {
	let state = type(start(five), 'return');
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {attributes: {idle: 1.5, user: 'a'}}}});
	assert.equal(state.pane.changed, 0);
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {attributes: {idle: 0.1, user: 'a'}}}});
	assert.equal(state.pane.changed, 1);
	const line = state.pane.source.find((l) => l.tokens.some((t) => t.changed));
	assert.deepEqual(
		line?.tokens.map((t) => [t.kind, t.text, t.changed ?? false]),
		[
			['key', '"idle"', false],
			['punct', ': ', false],
			['number', '0.1', true],
			['punct', ',', false],
			['was', '  was 1.5', false],
		],
	);
});

test('late answers for a session the pane has left are ignored', () => {
	let state = type(start(five), 'return', 'down');
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {}}});
	assert.equal(state.pane.document, undefined);
	state = reducer(state, {type: 'document-failed', id: '2', message: 'gone', gone: true});
	assert.equal(state.pane.ended, true);
});

test('a failed poll keeps the last good data and records the error', () => {
	let state = poll(initialState(), five, 1000);
	state = reducer(state, {type: 'poll-failed', error: {kind: 'refused', message: 'Connection refused.'}, at: 5000});
	assert.equal(state.sessions.length, 5);
	assert.equal(state.error?.message, 'Connection refused.');
	assert.equal(state.lastPoll?.at, 1000);
	state = poll(state, five, 7000);
	assert.equal(state.error, undefined);
});

test('the list scrolls to keep the cursor in view, showing group rows above the first session', () => {
	const many = Array.from({length: 100}, (_, i) => session(i + 1));
	let state = run(poll(initialState(), many), {type: 'resize', listHeight: 10, paneHeight: 10, paneWidth: 40});
	state = type(state, ...Array.from({length: 20}, () => 'down'));
	assert.equal(state.selectedId, '21');
	// Row 22 (after the two group rows) on the last line, under the two sticky group rows
	// (sticky-groups.ts) that take the window's first two lines: eight rows, 15 to 22.
	assert.equal(state.listTop, 15);
	// A page is the eight rows a window shows under them.
	state = type(state, 'pagedown');
	assert.equal(state.selectedId, '29');
	state = type(state, 'pageup', 'pageup', 'pageup');
	assert.equal(state.selectedId, '5');
	state = type(state, 'pageup');
	assert.equal(state.listTop, 0);
	// The last row on the last line, the two sticky rows over the eight.
	state = type(state, 'end');
	assert.equal(state.listTop, 94);
});

test('focus and pane scrolling, clamped to the document', () => {
	let state = run(start(five), {type: 'resize', listHeight: 10, paneHeight: 5, paneWidth: 40});
	state = type(state, 'tab');
	assert.equal(state.focus, 'list'); // No pane, nothing to focus.
	state = type(state, 'right', 'tab');
	assert.equal(state.focus, 'pane');
	const document = {data: {id: '1', attributes: Object.fromEntries(Array.from({length: 20}, (_, i) => [`k${i}`, i]))}};
	state = reducer(state, {type: 'document-loaded', id: '1', document});
	const total = state.pane.lines.length;
	state = type(state, 'down', 'j', 'down');
	assert.equal(state.pane.scroll, 3);
	assert.equal(state.selectedId, '1'); // The list did not move.
	state = type(state, 'G');
	assert.equal(state.pane.scroll, total - 5);
	state = type(state, 'pagedown');
	assert.equal(state.pane.scroll, total - 5);
	state = type(state, 'g');
	assert.equal(state.pane.scroll, 0);
	state = type(state, 'escape');
	assert.equal(state.pane.open, false);
	assert.equal(state.focus, 'list');
	state = type(state, 'return', 'left');
	assert.equal(state.pane.open, false);
});

test('q and Ctrl-C quit; ctrl-c even from the filter', () => {
	assert.equal(type(start(five), 'q').quitting, true);
	assert.equal(type(start(five), '/', 'ctrl+c').quitting, true);
	assert.equal(type(start(five), '/', 'q').quitting, false); // In the filter, q is text.
});

test('"Polling now…" goes as soon as the poll has answered or failed, not rounds of polls later', () => {
	const sessions = [session(1), session(2)];
	let state = type(start(sessions), 'r');
	assert.equal(state.message?.text, 'Polling now…');
	state = poll(state, sessions);
	assert.equal(state.message, undefined, 'gone with the answer');
	state = run(type(state, 'r'), {type: 'poll-failed', error: {kind: 'refused', message: 'Connection refused by x.'}, at: Date.now(), retryAt: Date.now() + 2000});
	assert.equal(state.message, undefined, 'gone with the failure, which the status line says instead');
	// Answered again: said over "Polling now…" had r been pressed again (host-back.test.ts).
	state = poll(state, sessions);
	assert.match(state.message?.text ?? '', /^MaxScale answers again/);
	// Other notes still last their rounds.
	state = run(state, {type: 'message', message: {tone: 'info', text: 'Copied.'}});
	state = poll(state, sessions);
	assert.equal(state.message?.text, 'Copied.');
});

test('a message lasts three polls and at least five seconds of them: at every 0.5 s a kill\'s outcome is not gone in 1.5 s', () => {
	let state = reducer(initialState(), {type: 'poll-ok', sessions: [], at: 10_000, latencyMs: 1, bytes: 1});
	state = reducer(state, {type: 'message', message: {tone: 'ok', text: 'Killed session 70.'}});
	for (let at = 10_500; at < 15_000; at += 500) {
		state = reducer(state, {type: 'poll-ok', sessions: [], at, latencyMs: 1, bytes: 1});
		assert.equal(state.message?.text, 'Killed session 70.', `still there at ${at - 10_000} ms`);
	}

	state = reducer(state, {type: 'poll-ok', sessions: [], at: 15_000, latencyMs: 1, bytes: 1});
	assert.equal(state.message, undefined, 'gone after five seconds');
	// A failure since it was said is not kept waiting: three polls, as before.
	state = reducer(state, {type: 'message', message: {tone: 'ok', text: 'Copied.'}});
	for (const at of [15_100, 15_200, 15_300]) {
		state = reducer(state, {type: 'poll-failed', error: {kind: 'refused', message: 'refused'}, at});
	}

	assert.equal(state.message, undefined);
});
