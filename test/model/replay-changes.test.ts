// A jump in a replay (a step back, a new run) rebuilds each MaxScale's last list; the rates
// and sparklines must read as they did when the screen got there poll by poll.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import type {Frame} from '../../source/api/recording.js';
import {initialState, type MonitorState} from '../../source/model/monitor-state.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const counted = (state: MonitorState) => ({window: state.changes.window, rates: state.changes.rates, history: state.changes.history});

/** Every frame walked to with ] (a poll each), then every one jumped back to with [: the same rates and sparklines. */
function walkedAndJumped(frames: Frame[], hosts: string[]) {
	let state = run(initialState({hosts}), {type: 'replay-load', frames});
	const walked = [counted(state)];
	for (let i = 1; i < frames.length; i++) {
		state = type(state, ']');
		walked.push(counted(state));
	}

	for (let i = frames.length - 2; i >= 0; i--) {
		state = type(state, '[');
		assert.equal(state.replay?.index, i);
		assert.deepEqual(counted(state), walked[i], `frame ${i}`);
	}
}

/** `epoch`: a MaxScale restarted between frames numbers its sessions anew: the same ids, other sessions (another `connected`). */
const frameOf = (host: string, t: number, ids: number[], service: (id: number) => string, multi: boolean, epoch = 0): Frame => ({
	t,
	host,
	ok: true,
	latencyMs: 1,
	bytes: 1,
	sessions: ids.map((id) => session(id, {key: multi ? `${host}#${id}` : String(id), host, service: service(id), connectedAt: 1e12 + (id * 1000) + (epoch * 7000)})),
});

test('after a jump back the rates and sparklines are the ones the polls up to there showed, not zero', () => {
	const frames = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => frameOf('mx', 1000 + n * 2000, [n, n + 1, n + 2, n + 10 * n], (id) => `s${id % 2}`, false));
	let state = run(initialState(), {type: 'replay-load', frames});
	state = type(state, ']', ']', ']', ']', ']', ']', ']');
	state = type(state, '[');
	assert.ok(state.changes.rates.opened > 0, 'sessions opened at every poll');
	assert.ok(state.changes.rates.closed > 0);
	assert.equal(state.changes.history.get('s0')?.length, 7, 'a sample per poll up to frame 6');
	walkedAndJumped(frames, ['']);
});

test('jumped to or walked to, any recording of one or two MaxScales reads the same rates and sparklines', () => {
	const frame = fc.record({
		host: fc.constantFrom('a', 'b'),
		// Now and then a pause's or an outage's gap, after which the rates start afresh (changes.ts gapped).
		gap: fc.oneof({weight: 5, arbitrary: fc.integer({min: 100, max: 5000})}, {weight: 1, arbitrary: fc.integer({min: 10_000, max: 200_000})}),
		ok: fc.integer({min: 0, max: 4}).map((n) => n > 0),
		// A key twice now and then, as a list can bring it.
		ids: fc.array(fc.integer({min: 1, max: 30}), {maxLength: 12}),
		epoch: fc.integer({min: 0, max: 1}),
	});
	fc.assert(
		fc.property(fc.array(frame, {minLength: 1, maxLength: 25}), fc.boolean(), (drawn, multi) => {
			let t = 1000;
			const frames: Frame[] = drawn.map(({host, gap, ok, ids, epoch}) => {
				t += gap;
				const name = multi ? host : 'a';
				return ok ? frameOf(name, t, ids, (id) => `s${id % 3}`, multi, epoch) : {t, host: name, ok: false, error: `Connection refused by ${name}.`};
			});
			walkedAndJumped(frames, multi ? ['a', 'b'] : ['']);
		}),
		{numRuns: 60},
	);
});

test('a service gone for a while and back keeps or restarts its sparkline after a jump as it did live', () => {
	// 150 polls each. s1 gone for 70 polls (more than the 60 samples kept: it left the header)
	// or for 40 (it stayed, at zero), then back for the last polls.
	for (const [gone, back, samples] of [
		[20, 91, 58],
		[80, 120, 60],
	] as const) {
		const frames = Array.from({length: 150}, (_, n) => frameOf('mx', 1000 + n * 1000, [1, 2, 1000 + n], (id) => (id >= 1000 && (n < gone || n >= back) ? 's1' : 's0'), false));
		let state = run(initialState(), {type: 'replay-load', frames});
		for (let i = 1; i < frames.length - 1; i++) {
			state = type(state, ']');
		}

		const live = counted(state);
		assert.equal(live.history.get('s1')?.length, samples, `gone at ${gone}, back at ${back}`);
		state = type(state, ']', '[');
		assert.deepEqual(counted(state), live, `gone at ${gone}, back at ${back}: jumped back to it`);
	}
});

test('QA: a recording made across a step of its wall clock replays its rates by the monotonic times it recorded', async () => {
	const {replayedChanges} = await import('../../source/model/replay-changes.js');
	const frame = (t: number, mono: number, ids: number[]): Frame => ({t, mono, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: ids.map((id) => session(id))});
	// Two opened every 2 s by the monotonic clock; the wall clock stepped back an hour between the second and the third.
	const base = 1_795_000_000_000;
	const frames = [frame(base, 1000, [1, 2]), frame(base + 2000, 3000, [1, 2, 3, 4]), frame(base + 4000 - 3_600_000, 5000, [1, 2, 3, 4, 5, 6])];
	const changes = replayedChanges(frames, 0, 2, () => '');
	assert.equal(changes.rates.opened, 1, 'two in 2 s, each time');
	// Without monotonic times (an older recording), the wall clock as before.
	const old = replayedChanges(frames.map((each) => ({...each, mono: undefined}) as Frame), 0, 2, () => '');
	assert.notEqual(old.rates.opened, 1);
});

test('a step back past a MaxScale\'s restart does not keep what the restart said on the frames before it (QA)', () => {
	const frames = [0, 1, 2, 3].map((n) => frameOf('mx', 1000 + (n * 2000), [1, 2, 3], () => 's', false, n >= 2 ? 1 : 0));
	let state = run(initialState(), {type: 'replay-load', frames});
	state = type(state, ']', ']');
	assert.match(state.message?.text ?? '', /restarted/, `said at the restart: ${state.message?.text}`);
	state = type(state, '[');
	assert.equal(state.replay?.index, 1);
	assert.doesNotMatch(state.message?.text ?? '', /restarted/);
});

test('the header\'s interval in a replay is the one the polls were taken at around the frame shown: + and - changed it while recording (QA)', () => {
	const times = [...Array.from({length: 15}, (_, n) => n * 1000), ...Array.from({length: 15}, (_, n) => 15_000 + (n * 3000))];
	const frames = times.map((t) => frameOf('mx', 1000 + t, [1, 2], () => 's', false));
	let state = run(initialState(), {type: 'replay-load', frames});
	assert.equal(state.intervalMs, 1000);
	for (let i = 0; i < 25; i++) {
		state = type(state, ']');
	}

	assert.equal(state.intervalMs, 3000, 'every 3s by then');
	state = type(state, '[', '[', '[', '[', '[', '[', '[', '[', '[', '[', '[', '[', '[', '[', '[');
	assert.equal(state.replay?.index, 10);
	assert.equal(state.intervalMs, 1000, 'every 1s again, stepped back');
});
