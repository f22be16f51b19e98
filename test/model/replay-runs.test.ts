// A replay across several runs of --record, its pace, and its opening sentence.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Frame} from '../../source/api/recording.js';
import {initialState, type MonitorState} from '../../source/model/monitor-state.js';
import {recordedInterval, replayHosts, replayNotice} from '../../source/model/replay.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const ok = (host: string, t: number, ids: number[], hosts?: string[]): Frame => ({
	t,
	host,
	ok: true,
	latencyMs: 1,
	bytes: 1,
	sessions: ids.map((id) => session(id, {key: `${host}#${id}`, host})),
	run: hosts === undefined ? undefined : {hosts},
});

// Run 1 watched one MaxScale; run 2, ten minutes later, two others.
const recorded: Frame[] = [
	ok('old:1', 1000, [1, 2], ['old:1']),
	ok('old:1', 3000, [1, 2, 3]),
	ok('new:1', 603_000, [7], ['new:1', 'new:2']),
	ok('new:2', 603_100, [8]),
	ok('new:1', 605_000, [7, 9]),
];

const keys = (state: MonitorState) => state.sessions.map((s) => s.key).sort();

test('a later run starts the list afresh, with its own hosts, and none of the last run ended', () => {
	let state = run(initialState(), {type: 'replay-load', frames: recorded});
	assert.deepEqual(state.hostOrder, ['']);
	assert.deepEqual(replayHosts(state.replay!), ['old:1']);
	state = type(state, ']');
	assert.deepEqual(keys(state), ['old:1#1', 'old:1#2', 'old:1#3']);
	state = type(state, ']');
	assert.deepEqual(state.hostOrder, ['new:1', 'new:2'], 'the host line names the new run');
	assert.deepEqual(keys(state), ['new:1#7']);
	assert.deepEqual(state.changes.ghosts, [], "the first run's sessions did not end: that run did");
	assert.equal(state.changes.born.size, 0, "a run's first answer is where its sessions were all along");
	assert.match(state.message?.text ?? '', /^Run 2 of 2 of --record starts here, 10m00s after the last poll before it\.$/);
	state = type(state, ']', ']');
	assert.deepEqual(keys(state), ['new:1#7', 'new:1#9', 'new:2#8']);
	assert.deepEqual([...state.changes.born.keys()], ['new:1#9']);

	// Back across the gap: the first run as it was, under its own host.
	state = type(state, '[', '[', '[');
	assert.equal(state.replay?.index, 1);
	assert.deepEqual(state.hostOrder, ['']);
	assert.deepEqual(keys(state), ['old:1#1', 'old:1#2', 'old:1#3']);
	assert.deepEqual(replayHosts(state.replay!), ['old:1']);
	// A jump into the second run shows only that run's polls up to it.
	state = type(state, 'G', ']', ']');
	assert.equal(state.replay?.index, 3);
	assert.deepEqual(keys(state), ['new:1#7', 'new:2#8']);
});

test('the opening sentence fits 80 columns, says how many runs, and counts one line as one', () => {
	const at = new Date(2026, 10, 29, 4, 39, 21).getTime();
	const polls: Frame[] = Array.from({length: 21}, (_, i) => ({t: at + i * 1000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: []}));
	// QA's: cut at 80 columns before.
	const notice = replayNotice({frames: polls, skipped: 3});
	assert.ok(notice.length <= 80, notice);
	assert.equal(notice, '21 polls, 2026-11-29 04:39:21–04:39:41, 3 lines skipped: p pauses, [ ] step.');
	assert.equal(replayNotice({frames: polls.slice(0, 2), skipped: 1}), '2 polls, 2026-11-29 04:39:21–04:39:22, 1 line skipped: p pauses, [ ] step.');
	assert.equal(replayNotice({frames: polls.slice(0, 1), skipped: 0}), 'Replaying 1 poll from 2026-11-29 04:39:21 to 04:39:21: p pauses, [ ] step.');
	// The second run an hour after the first.
	const twoRuns = polls.map((frame, i) => (i < 10 ? frame : {...frame, t: frame.t + 3_600_000})).map((frame, i) => (i === 0 || i === 10 ? {...frame, run: {hosts: ['mx']}} : frame));
	assert.equal(replayNotice({frames: twoRuns, skipped: 0}), 'Replaying 21 polls, 2026-11-29 04:39:21–05:39:41, 2 runs: p pauses, [ ] step.');
	for (const skipped of [0, 1, 12_345]) {
		for (const frames of [polls, twoRuns, [...twoRuns, {...polls[0]!, t: at + 86_400_000}]]) {
			const said = replayNotice({frames, skipped});
			assert.ok(said.length <= 80, said);
		}
	}
});

test('a replay keeps its recorded pace: + and - leave the interval, shown as live shows it', () => {
	// Polls every 2 s, each gap a little longer for the poll's own time: `every 2s`, not `every 2.4s`.
	const paced: Frame[] = [0, 2400, 4700, 7100, 9500].map((t) => ({t, host: 'mx', ok: true, latencyMs: 400, bytes: 1, sessions: []}));
	assert.equal(recordedInterval(paced), 2000);
	assert.equal(recordedInterval([0, 480, 1010].map((t) => ({t, host: 'mx', ok: false, error: 'x'}))), 500);
	// Two MaxScales, one down and retried on its back-off (every 4 s, more tries than the other's lists): the pace is the other's lists' (QA: `every 4s`).
	const down: Frame[] = [0, 4000, 8000, 12_000, 16_000, 20_000, 24_000].map((t) => ({t, host: 'mx2', ok: false, error: 'refused'}));
	const both = [...paced.map((frame) => ({...frame, host: 'mx1'})), ...down].toSorted((a, b) => a.t - b.t);
	assert.equal(recordedInterval(both), 2000);
	let state = run(initialState(), {type: 'replay-load', frames: paced});
	assert.equal(state.intervalMs, 2000);
	state = type(state, '+', '+', '-');
	assert.equal(state.intervalMs, 2000);
	assert.match(state.message?.text ?? '', /^A replay plays at its recorded pace: \+ and - set a live monitor's interval\.$/);
	assert.equal(type(initialState({intervalMs: 2000}), '+').intervalMs, 3000, 'live, + still slows polling');
	// The gap between two runs is no interval.
	const runs: Frame[] = [
		{t: 0, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [], run: {hosts: ['mx']}},
		{t: 5_000_000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [], run: {hosts: ['mx']}},
		{t: 5_001_000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: []},
	];
	assert.equal(recordedInterval(runs), 1000);
});
