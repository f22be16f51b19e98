import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isGhostRow, isSessionRow} from '../../source/model/rows.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {savedSessions, snapshotOf} from '../../source/model/snapshot.js';
import {session} from '../helpers/sessions.js';
import {poll, start, type} from '../helpers/state.js';

// Received in id order; the screen shows them by service, state, then the sort.
const sessions = [
	session(1, {user: 'app', service: 'Zeta'}),
	session(2, {user: 'web', service: 'Alpha', state: 'Session created'}),
	session(3, {user: 'etl', service: 'Alpha'}),
	session(4, {user: 'zed', service: 'Zeta'}),
	session(5, {user: 'bob', service: 'Alpha'}),
	session(6, {user: 'web', service: 'Alpha'}),
];
const ids = (list: ReadonlyArray<{id: string}>) => list.map((s) => s.id);
const onScreen = (state: ReturnType<typeof start>) => ids(state.rows.filter((row) => isSessionRow(row)));

test('saved in the order the screen shows: grouping, then the sort', () => {
	let state = type(start(sessions), '>', 'I');
	assert.deepEqual(state.sort, {key: 'user', descending: true});
	// Alpha: started (web, etl, bob), then created (web); then Zeta (zed, app).
	assert.deepEqual(ids(savedSessions(state)), ['6', '3', '5', '2', '4', '1']);
	assert.deepEqual(ids(savedSessions(state)), onScreen(state));
	state = type(state, 't');
	assert.equal(state.grouping, 'service');
	assert.deepEqual(ids(savedSessions(state)), ['2', '6', '3', '5', '4', '1'], 'by service only: web 2 and 6 tie, by id');
	assert.deepEqual(ids(savedSessions(state)), onScreen(state));
	state = type(state, 't');
	assert.equal(state.grouping, 'user');
	// Users A to Z (app, bob, etl, web, zed); web's two tie on the sort, by id.
	assert.deepEqual(ids(savedSessions(state)), ['1', '5', '3', '2', '6', '4']);
	assert.deepEqual(ids(savedSessions(state)), onScreen(state));
	state = type(state, 't', 't');
	assert.equal(state.grouping, 'flat');
	assert.deepEqual(ids(savedSessions(state)), ['4', '2', '6', '3', '5', '1']);
});

test('collapsed groups are saved whole, ended sessions are not, the filter applies', () => {
	let state = type(start(sessions), '>', 'I');
	// Collapse every service: nothing is drawn below them, everything is saved.
	state = type(state, 'C');
	assert.deepEqual(onScreen(state), []);
	assert.deepEqual(ids(savedSessions(state)), ['6', '3', '5', '2', '4', '1']);
	// Session 3 ends: a ghost on screen, not in the file.
	state = type(state, 'C');
	state = poll(state, sessions.filter((s) => s.id !== '3'));
	assert.ok(state.rows.some((row) => isGhostRow(row) && row.session.id === '3'));
	assert.deepEqual(ids(savedSessions(state)), ['6', '5', '2', '4', '1']);
	state = type(state, '/', 'w', 'e', 'b', 'return');
	assert.deepEqual(ids(savedSessions(state)), ['6', '2']);
});

test('the file records the sort and the grouping it was saved in, and the filter', () => {
	const state = type(start(sessions), '>', 'I', 't', '/', ...'user:e', 'return');
	const now = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
	const saved = snapshotOf(state, 'mx1:8989', now);
	assert.equal(saved.savedAt, '2024-01-02T03:04:05.000Z');
	assert.equal(saved.host, 'mx1:8989');
	assert.deepEqual(saved.sort, {key: 'user', descending: true});
	assert.equal(saved.grouping, 'service');
	assert.equal(saved.filter, 'user:e');
	assert.equal(saved.total, 6);
	assert.deepEqual(ids(saved.sessions), ['2', '6', '3', '4'], 'app and bob filtered out');
	assert.equal(saved.pane, undefined);
});

test('with several MaxScales the file records each one\'s version, not only the first one\'s', () => {
	let state = initialState({hosts: ['mx1', 'mx2']});
	state = reducer(state, {type: 'server-info', host: 'mx1', info: {version: '24.02.3', askedAt: 1}});
	state = reducer(state, {type: 'server-info', host: 'mx2', info: {version: '23.02.11', askedAt: 1}});
	const saved = snapshotOf(state, 'mx1,mx2', new Date(0));
	assert.deepEqual(saved.maxscaleVersions, {mx1: '24.02.3', mx2: '23.02.11'});
	assert.equal(saved.maxscaleVersion, undefined);
	assert.equal(snapshotOf(start(sessions), 'mx1', new Date(0)).maxscaleVersions, undefined);
});

test('saved while replaying, the file says so (and a live one does not)', () => {
	const frames = [{t: 1000, host: 'mx1:8989', ok: true as const, latencyMs: 1, bytes: 1, sessions: sessions.slice(0, 2)}];
	const replayed = reducer(initialState(), {type: 'replay-load', frames});
	assert.equal(snapshotOf(replayed, 'mx1:8989', new Date()).replayed, true);
	assert.equal(snapshotOf(start(sessions), 'mx1:8989', new Date()).replayed, undefined);
});

test('saved during an outage, the file says which MaxScale is failing and since when its rows are its last good poll', () => {
	let state = initialState({hosts: ['mx1', 'mx2']});
	state = reducer(state, {type: 'poll-ok', host: 'mx1', sessions: [session(1, {host: 'mx1', key: 'mx1#1'})], at: Date.parse('2026-11-29T14:48:41Z'), latencyMs: 5, bytes: 1});
	state = reducer(state, {type: 'poll-ok', host: 'mx2', sessions: [session(2, {host: 'mx2', key: 'mx2#2'})], at: Date.parse('2026-11-29T14:48:30Z'), latencyMs: 5, bytes: 1});
	state = reducer(state, {type: 'poll-failed', host: 'mx2', error: {kind: 'refused', message: 'mx2 refused the connection.'}, at: Date.parse('2026-11-29T14:48:40Z')});
	const saved = snapshotOf(state, 'mx1,mx2', new Date(0));
	assert.deepEqual(saved.maxscales, [
		{host: 'mx1', version: undefined, polledAt: '2026-11-29T14:48:41.000Z', failing: undefined},
		{host: 'mx2', version: undefined, polledAt: '2026-11-29T14:48:30.000Z', failing: {at: '2026-11-29T14:48:40.000Z', error: 'mx2 refused the connection.'}},
	]);
	assert.deepEqual(ids(saved.sessions), ['1', '2'], 'its last good sessions are still saved, now told apart');
});

test('one MaxScale is saved under its name too, as its sessions\' host says it, so that the two can be joined', () => {
	const state = start([session(1, {host: 'mx1:8989'})]);
	const saved = snapshotOf(state, 'mx1:8989', new Date(0));
	assert.equal(saved.maxscales.length, 1);
	assert.equal(saved.maxscales[0]?.host, 'mx1:8989');
	assert.equal(saved.maxscales[0]?.host, saved.sessions[0]?.host);
});
