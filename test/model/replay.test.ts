import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Frame} from '../../source/api/recording.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {actionsFor, replayNotice} from '../../source/model/replay.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const frames: Frame[] = [
	{t: 1000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1), session(2)], server: {version: '24.02.3', askedAt: 1000}},
	{t: 3000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [session(2), session(3)]},
	{t: 5000, host: 'mx', ok: false, error: 'Connection refused by mx.'},
	{t: 7000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [session(3)]},
];

const ids = (state: ReturnType<typeof initialState>) => state.sessions.map((s) => s.id);

test('replay shows the first frame, steps forward and back with ] and [, and stops at the ends', () => {
	let state = run(initialState(), {type: 'replay-load', frames});
	assert.deepEqual(ids(state), ['1', '2']);
	assert.equal(state.server?.version, '24.02.3');
	state = type(state, ']');
	assert.deepEqual(ids(state), ['2', '3']);
	assert.deepEqual([...state.changes.born.keys()], ['3']);
	state = type(state, ']');
	assert.match(state.error?.message ?? '', /refused/);
	assert.deepEqual(ids(state), ['2', '3'], 'the last good data stays');
	state = type(state, ']', ']');
	assert.equal(state.replay?.index, 3);
	assert.equal(state.paused, true, 'the end of the recording pauses');
	state = type(state, ']');
	assert.equal(state.message?.text, 'This is the last recorded poll: [ steps back.', '] at the end says so');
	state = type(state, '[', '[', '[', '[', '[');
	assert.equal(state.replay?.index, 0);
	assert.deepEqual(ids(state), ['1', '2']);
	assert.equal(state.lastPoll?.at, 1000);
	assert.equal(state.message?.text, 'This is the first recorded poll: ] steps forward.', '[ at the start says so');
	// QA: it stayed on the steps after it, where it was no longer true.
	state = type(state, ']');
	assert.equal(state.replay?.index, 1);
	assert.equal(state.message, undefined, 'a step takes the sentence about the end away');
});

test('outside a replay, [ and ] say what they are for', () => {
	const state = type(initialState(), '[');
	assert.match(state.message?.text ?? '', /--replay FILE/);
});

test('a replay runs at the pace it was recorded, and says why kill is off without blaming --readonly', () => {
	const fast: Frame[] = [0, 500, 1000, 1500].map((t) => ({t, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1)]}));
	let state = run(initialState({readonly: true}), {type: 'replay-load', frames: fast});
	assert.equal(state.intervalMs, 500);
	state = type(state, 'K');
	assert.equal(state.mode, 'list');
	assert.equal(state.message?.text, 'This is a replay of a recording: killing sessions works only on a live MaxScale.');
});

test('r in a replay polls nothing, and says what moves the replay instead', () => {
	const state = type(run(initialState(), {type: 'replay-load', frames}), 'r');
	assert.equal(state.refreshes, 0);
	assert.match(state.message?.text ?? '', /A replay does not poll: \] steps/);
	assert.equal(type(initialState(), 'r').refreshes, 1, 'live, r still polls');
});

test('the replay note writes its times as the rest of the screen does: 24-hour, no locale', () => {
	const at = new Date(2026, 10, 28, 23, 45, 31).getTime();
	const recorded: Frame[] = [
		{t: at, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: []},
		{t: at + 60_000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: []},
	];
	assert.equal(replayNotice({frames: recorded, skipped: 0}), 'Replaying 2 polls from 2026-11-28 23:45:31 to 23:46:31: p pauses, [ ] step.');
	recorded.push({t: at + 3_600_000, host: 'mx', ok: false, error: 'x'});
	// Over two days, with lines skipped: the shortest wording, so that it fits 80 columns.
	assert.equal(replayNotice({frames: recorded, skipped: 2}), '3 polls, 2026-11-28 23:45:31–2026-11-29 00:45:31, 2 skipped: p pauses, [ ] step.');
});

test("two MaxScales replayed: each one's version shows from its first recorded poll on, stepped to or jumped to", () => {
	// As recorded: a version only with the first poll after it was learnt (again after a failure).
	const on = (host: string, t: number, server?: string): Frame => ({
		t,
		host,
		ok: true,
		latencyMs: 1,
		bytes: 1,
		sessions: [session(t, {key: `${host}#${t}`, host})],
		server: server === undefined ? undefined : {version: server, askedAt: t},
	});
	const recorded: Frame[] = [
		on('a', 1000, '24.02.3'),
		on('b', 1100, '23.02.11'),
		on('a', 2000),
		on('b', 2100),
		{t: 3000, host: 'a', ok: false, error: 'Connection refused by a.'},
		on('b', 3100),
		on('a', 4000, '24.02.4'), // Upgraded while it was down.
		on('b', 4100),
	];
	const versions = (state: ReturnType<typeof initialState>) => [state.hosts['a']?.server?.version, state.hosts['b']?.server?.version];
	let state = run(initialState({hosts: ['a', 'b']}), {type: 'replay-load', frames: recorded});
	assert.deepEqual(versions(state), ['24.02.3', undefined], 'b has not answered yet');
	const seen: unknown[] = [];
	for (let i = 1; i < recorded.length; i++) {
		state = type(state, ']');
		seen.push(versions(state));
	}

	assert.deepEqual(seen, [
		['24.02.3', '23.02.11'],
		['24.02.3', '23.02.11'],
		['24.02.3', '23.02.11'],
		['24.02.3', '23.02.11'],
		['24.02.3', '23.02.11'],
		['24.02.4', '23.02.11'],
		['24.02.4', '23.02.11'],
	]);

	// Jumped to, from a screen that knows no version: the one recorded up to that frame, not after.
	const replay = {frames: recorded, index: 0};
	const at = (index: number) => versions(actionsFor(replay, index, true).reduce(reducer, initialState({hosts: ['a', 'b']})));
	assert.deepEqual(at(3), ['24.02.3', '23.02.11']);
	assert.deepEqual(at(5), ['24.02.3', '23.02.11']);
	assert.deepEqual(at(7), ['24.02.4', '23.02.11']);
	// Back over the upgrade: the version it had then.
	state = type(state, '[', '[', '[');
	assert.equal(state.replay?.index, 4);
	assert.deepEqual(versions(state), ['24.02.3', '23.02.11']);
});

test('a jump back shows what the screen showed then: no later list for a host that had not answered, the last good list under a failure', () => {
	const on = (host: string, t: number, ...ids: number[]): Frame => ({
		t,
		host,
		ok: true,
		latencyMs: 1,
		bytes: 1,
		sessions: ids.map((id) => session(id, {key: `${host}#${id}`, host})),
	});
	const recorded: Frame[] = [
		on('a', 1000, 1, 2),
		on('a', 2000, 2, 3),
		{t: 2500, host: 'a', ok: false, error: 'Connection refused by a.'},
		on('b', 2600, 7),
		on('a', 3000, 4),
	];
	const keys = (state: ReturnType<typeof initialState>) => state.sessions.map((s) => s.key).sort();
	let state = run(initialState({hosts: ['a', 'b']}), {type: 'replay-load', frames: recorded});
	state = type(state, ']', ']', ']', ']');
	assert.equal(state.replay?.index, 4);
	assert.deepEqual(keys(state), ['a#4', 'b#7']);
	state = type(state, '[', '[');
	assert.equal(state.replay?.index, 2);
	assert.deepEqual(keys(state), ['a#2', 'a#3'], 'b had not answered yet; a showed its last good list');
	assert.equal(state.hosts['b']?.lastPoll, undefined);
	assert.match(state.error?.message ?? '', /refused by a/);
	state = type(state, '[', '[');
	assert.equal(state.replay?.index, 0);
	assert.deepEqual(keys(state), ['a#1', 'a#2']);
	assert.equal(state.error, undefined, 'the failure came later');
});

test('QA: "End of the recording." goes with the step back from the end, where it is no longer true', () => {
	let state = type(run(initialState(), {type: 'replay-load', frames}), ']', ']', ']');
	assert.equal(state.replay?.index, 3);
	// Played to the end (not paused), it stops and says so.
	state = type({...state, paused: false}, ']');
	assert.equal(state.message?.text, 'End of the recording.');
	state = type(state, '[');
	assert.equal(state.replay?.index, 2);
	assert.equal(state.message, undefined);
});
