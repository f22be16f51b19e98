// A MaxScale that restarts numbers its sessions from 1 again: after a restart an id can
// name another client's session. What the operator had on the old one must not pass to it.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {noChanges, trackChanges} from '../../source/model/changes.js';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import type {Effect} from '../../source/model/operations.js';
import {sameSession, type Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';
import {poll, run, start, type} from '../helpers/state.js';

const hour = 3_600_000;
const before = [
	session(70, {user: 'alice', remote: '10.0.0.1', port: 5000, connectedAt: Date.UTC(2026, 10, 28, 19, 0, 0)}),
	session(71, {user: 'alice', remote: '10.0.0.2', port: 5001, connectedAt: Date.UTC(2026, 10, 28, 19, 0, 1)}),
	session(72, {user: 'carol', remote: '10.0.0.3', port: 5002, connectedAt: Date.UTC(2026, 10, 28, 19, 0, 2)}),
];
// The same ids after a restart: bob's sessions, seconds old; 72 is carol's still (not restarted... the same `connected`).
const after = [
	session(70, {user: 'bob', remote: '10.0.9.1', port: 6000, connectedAt: Date.UTC(2026, 10, 29, 9, 40, 41)}),
	session(71, {user: 'bob', remote: '10.0.9.2', port: 6001, connectedAt: Date.UTC(2026, 10, 29, 9, 40, 42)}),
	before[2]!,
];

const byKey = (sessions: readonly Session[]) => new Map(sessions.map((s) => [s.key, s]));

test('sameSession: the same `connected`, or one read in another zone (whole quarter hours), is the same session', () => {
	const a = before[0]!;
	assert.ok(sameSession(a, {...a}));
	assert.ok(sameSession(a, {...a, connectedAt: a.connectedAt! + (9 * hour)}), 'a zone-less time read nine hours off');
	assert.ok(sameSession(a, {...a, connectedAt: a.connectedAt! - (5.5 * hour)}), 'India');
	assert.ok(sameSession(a, {...a, connectedAt: undefined}), 'unknown: nothing proves another');
	assert.ok(!sameSession(a, after[0]!));
	assert.ok(!sameSession(a, {...a, connectedAt: a.connectedAt! + 5000}));
});

test('a key naming another session counts as one ended and one opened, and is reported as replaced', () => {
	for (const previousList of [before, undefined]) {
		const changes = trackChanges(noChanges, {previous: byKey(before), previousList, next: after, nextById: byKey(after), host: '', seconds: 2});
		assert.deepEqual([...changes.replaced].sort(), ['70', '71']);
		assert.deepEqual([...changes.born.keys()].sort(), ['70', '71'], 'highlighted as new');
		assert.deepEqual(changes.window.get('')?.at(-1), {opened: 2, closed: 2, seconds: 2});
	}
});

test('marks on a replaced session are dropped, with a sentence; K then has nothing to kill of them', () => {
	let state = type(start(before), 'space', 'space');
	assert.deepEqual([...state.marked].sort(), ['70', '71']);
	state = poll(state, after);
	assert.equal(state.marked.size, 0);
	assert.match(state.message?.text ?? '', /new ones \(MaxScale restarted\?\): 2 marks dropped/);
	assert.deepEqual(state.effects, []);
});

test('marks on sessions that are still the same stay', () => {
	let state = type(start(before), 'down', 'down', 'space');
	assert.deepEqual([...state.marked], ['72']);
	state = poll(state, after);
	assert.deepEqual([...state.marked], ['72']);
	assert.doesNotMatch(state.message?.text ?? '', /restarted/);
});

test('a kill question open across the restart does not kill the stranger that took the id', () => {
	let state = type(start(before), 'K');
	assert.equal(state.confirm?.targets[0]?.user, 'alice');
	state = type(poll(state, after), 'y');
	const effect = state.effects.at(-1) as Extract<Effect, {kind: 'operation'}>;
	assert.equal(effect.kind, 'operation');
	assert.deepEqual(effect.targets, [], 'nothing sent');
	assert.deepEqual(effect.gone.map((target) => target.id), ['70'], 'reported as ended');
});

test("the pane on a replaced session starts afresh: the old document is neither shown nor compared with the new one's", () => {
	let state: MonitorState = reducer(start(before), {type: 'open-pane'});
	state = reducer(state, {type: 'document-loaded', id: '70', document: {data: {id: '70', attributes: {user: 'alice'}}}});
	assert.equal(state.pane.document !== undefined, true);
	state = poll(state, after);
	assert.equal(state.pane.open, true);
	assert.equal(state.pane.id, '70');
	assert.equal(state.pane.document, undefined, "alice's document is not shown as session 70's");
	assert.equal(state.documents.has('70'), false);
	assert.match(state.message?.text ?? '', /the pane shows the new session/);
	state = run(state, {type: 'document-loaded', id: '70', document: {data: {id: '70', attributes: {user: 'bob'}}}});
	assert.equal(state.pane.changed, 0, "bob's document is not marked as alice's changed");
});

test('QA: a MaxScale whose ids are reused, or none of whose sessions is left, is counted as restarted (its version is asked again)', async () => {
	const {initialState, reducer} = await import('../../source/model/monitor-state.js');
	const {session} = await import('../helpers/sessions.js');
	const polled = (state: ReturnType<typeof initialState>, sessions: ReturnType<typeof session>[], at: number) => reducer(state, {type: 'poll-ok', sessions, at, latencyMs: 1, bytes: 1});
	let state = polled(initialState(), [session(1), session(2)], 1000);
	assert.equal(state.hosts['']?.restarts, undefined);
	state = polled(state, [session(2), session(3)], 3000);
	assert.equal(state.hosts['']?.restarts, undefined, 'one ended, one opened: no restart');
	state = polled(state, [session(10, {connectedAt: 1_000_000}), session(11)], 5000);
	assert.equal(state.hosts['']?.restarts, 1, 'not one of the last list left');
	state = polled(state, [session(10, {connectedAt: 1_234_567}), session(11)], 7000);
	assert.equal(state.hosts['']?.restarts, 2, 'an id now another session');
});
