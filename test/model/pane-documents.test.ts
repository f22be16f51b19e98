import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer} from '../../source/model/monitor-state.js';
import {keptDocuments, paneAfterPollFailed} from '../../source/model/pane.js';
import {session} from '../helpers/sessions.js';
import {poll, run, start, type} from '../helpers/state.js';

const five = [1, 2, 3, 4, 5].map((id) => session(id));
const documentOf = (id: number) => ({data: {id: String(id), attributes: {user: `u${id}`}}});
const refused = {type: 'document-failed', id: '2', message: 'Connection refused by mx.', gone: false} as const;

test('MaxScale down: the pane closed and opened again shows the last good document under the error', () => {
	let state = type(start(five), 'down', 'return');
	state = reducer(state, {type: 'document-loaded', id: '2', document: documentOf(2)});
	const lines = state.pane.lines.length;
	assert.ok(lines > 0);
	state = reducer(state, {type: 'poll-failed', error: {kind: 'refused', message: 'Connection refused by mx.'}, at: 1});
	state = type(state, 'escape', 'return');
	assert.deepEqual(state.pane.document, documentOf(2), 'at once, before any fetch');
	assert.equal(state.pane.lines.length, lines);
	state = reducer(state, refused);
	assert.equal(state.pane.error, 'Connection refused by mx.');
	assert.deepEqual(state.pane.document, documentOf(2), 'a failed fetch keeps it');
	// MaxScale back, the session gone: ended, with its last document (the pane dims it).
	state = poll(state, five.filter((s) => s.id !== '2'));
	assert.equal(state.pane.ended, true);
	assert.deepEqual(state.pane.document, documentOf(2));
	assert.equal(state.pane.lines.length, lines);
});

test('a session listed again after the pane marked it ended (a step back in a replay, a 404 that was not the end) is live again', () => {
	let state = type(start(five), 'down', 'return');
	state = reducer(state, {type: 'document-loaded', id: '2', document: documentOf(2)});
	state = poll(state, five.filter((s) => s.id !== '2'));
	assert.equal(state.pane.ended, true);
	state = poll(state, five);
	assert.equal(state.pane.ended, false, 'listed again: no longer ended, so its document is fetched again');
	assert.equal(state.pane.id, '2');
	// A 404 on its document marks it ended; the next list that still holds it says otherwise.
	state = reducer(state, {type: 'document-failed', id: '2', message: 'gone', gone: true});
	assert.equal(state.pane.ended, true);
	state = poll(state, five);
	assert.equal(state.pane.ended, false);
});

test('the pane following the cursor back to a session shows its last document; a fresh one marks what changed since', () => {
	let state = type(start(five), 'down', 'return');
	state = reducer(state, {type: 'document-loaded', id: '2', document: documentOf(2)});
	state = type(state, 'down');
	assert.equal(state.pane.document, undefined, 'never fetched: nothing to show yet');
	state = type(state, 'up');
	assert.deepEqual(state.pane.document, documentOf(2));
	assert.equal(state.pane.changed, 0);
	state = reducer(state, {type: 'document-loaded', id: '2', document: {data: {id: '2', attributes: {user: 'other'}}}});
	assert.equal(state.pane.changed, 1);
});

test('kept documents are few, and only of sessions still listed (or the one the pane shows)', () => {
	const many = Array.from({length: keptDocuments + 4}, (_, i) => session(i + 1));
	let state = run(start(many), {type: 'resize', listHeight: 50, paneHeight: 10, paneWidth: 60});
	state = type(state, 'return');
	for (let id = 1; id <= many.length; id++) {
		state = reducer(state, {type: 'document-loaded', id: String(id), document: documentOf(id)});
		state = type(state, 'down');
	}

	assert.equal(state.documents.size, keptDocuments);
	assert.ok(!state.documents.has('1'), 'the oldest went first');
	state = type(state, 'up');
	const shown = state.pane.id!;
	state = poll(state, many.filter((s) => s.id === '1'));
	assert.deepEqual([...state.documents.keys()], [shown], 'ended sessions dropped; the pane keeps its own');
});

test('a failed poll says so in an open pane at once: the error, the last good document without its highlights', () => {
	let state = type(start(five), 'down', 'return');
	state = reducer(state, {type: 'document-loaded', id: '2', document: documentOf(2), at: 1000});
	state = reducer(state, {type: 'document-loaded', id: '2', document: {data: {id: '2', attributes: {user: 'other'}}}, at: 3000});
	assert.equal(state.pane.changed, 1);
	// What monitor-state's poll-failed does, with the state it made.
	state = paneAfterPollFailed(reducer(state, {type: 'poll-failed', error: {kind: 'refused', message: 'Connection refused by mx.'}, at: 5000}), undefined, 'Connection refused by mx.');
	assert.equal(state.pane.error, 'Connection refused by mx.');
	assert.equal(state.pane.changed, 0, 'no count of changes from stale data');
	assert.ok(!state.pane.lines.some((line) => line.tokens.some((token) => token.changed || token.kind === 'was')), 'no highlights');
	assert.equal(state.pane.loadedAt, 3000, 'the time of the last good document');
	// Opened again: the same document, with its time.
	state = reducer(type(state, 'escape', 'return'), refused);
	assert.equal(state.pane.loadedAt, 3000);
	assert.equal(state.pane.error, 'Connection refused by mx.');
	// Back: the next document clears the error.
	state = reducer(state, {type: 'document-loaded', id: '2', document: documentOf(2), at: 9000});
	assert.equal(state.pane.error, undefined);
});

test('a failed poll of another MaxScale leaves the pane alone', () => {
	const hosts = ['a:1', 'b:2'];
	let state = start([session(1, {host: 'a:1', key: 'a:1#1'}), session(2, {host: 'b:2', key: 'b:2#2'})], {hosts});
	state = type(state, 'return');
	const id = state.pane.id!;
	state = reducer(state, {type: 'document-loaded', id, document: documentOf(1)});
	const other = state.byId.get(id)!.host === 'a:1' ? 'b:2' : 'a:1';
	assert.equal(paneAfterPollFailed(state, other, 'down').pane.error, undefined);
	assert.equal(paneAfterPollFailed(state, state.byId.get(id)!.host, 'down').pane.error, 'down');
});

test('the pane follows the cursor when a new filter hides its session, so that y and K act on the same one; a poll keeps it listed instead', () => {
	const users = [1, 2, 3, 4, 5].map((id) => session(id, {user: id % 2 === 0 ? 'app' : 'report'}));
	let state = type(start(users), 'down', 'return');
	assert.equal(state.pane.id, '2');
	state = type(state, '/', ...'user:report', 'return');
	assert.ok(state.selectedId !== '2' && state.selectedId !== undefined);
	assert.equal(state.pane.id, state.selectedId, 'the pane is on the session under the cursor');
	// A poll that hides the pane's session by its own change (a report session no more) keeps it
	// listed, the cursor and the pane on it (held-row.ts): both still on one session.
	const shown = state.pane.id;
	state = poll(state, users.map((s) => (s.id === shown ? {...s, user: 'app'} : s)));
	assert.equal(state.pane.id, shown);
	assert.equal(state.pane.id, state.selectedId);
	// An ended session keeps its pane until the cursor moves, as before.
	state = poll(state, users.filter((s) => s.id !== state.pane.id));
	assert.equal(state.pane.ended, true);
});

test('a session that ends with its pane open: the last document stays, without the marks of what changed before', () => {
	const withIdle = (idle: number) => ({data: {id: '2', attributes: {user: 'u2', idle}}});
	const was = (state: ReturnType<typeof start>) => state.pane.lines.some((line) => line.tokens.some((token) => token.kind === 'was'));
	for (const end of ['poll', '404'] as const) {
		let state = type(start(five), 'down', 'return');
		state = reducer(state, {type: 'document-loaded', id: '2', document: withIdle(14.1)});
		state = reducer(state, {type: 'document-loaded', id: '2', document: withIdle(17.1)});
		assert.ok(was(state), 'live: `was 14.1` beside the new idle');
		assert.equal(state.pane.changed, 1);
		state = end === 'poll' ? poll(state, five.filter((s) => s.id !== '2')) : reducer(state, {type: 'document-failed', id: '2', message: 'gone', gone: true});
		assert.equal(state.pane.ended, true, end);
		assert.ok(!was(state), `${end}: no change marks on an ended session`);
		assert.equal(state.pane.changed, 0);
		assert.deepEqual(state.pane.document, withIdle(17.1), 'its last document');
	}
});
