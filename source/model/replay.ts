// Replaying a recording: the state holds the frames, and stepping to a frame
// rebuilds what the screen showed then, per host, through the same poll actions
// a live monitor takes. Pure: the UI only says "step", on a timer or a key.

import type {Frame, Recording} from './frame.js';
import type {ServerInfo} from './server-info.js';
import {formatClock, formatDate, formatDuration} from './format.js';
import {noChanges} from './changes.js';
import {hostKey} from './host-key.js';
import type {Action, MonitorState} from './monitor-state.js';
import {replayedChanges} from './replay-changes.js';
import {emptySummary} from './summary.js';
import {moveCursor} from './place-rows.js';

export type Replay = {frames: readonly Frame[]; index: number};

export type ReplayAction = {type: 'replay-step'; delta: number} | {type: 'replay-load'; frames: readonly Frame[]};

/**
 * The actions that show one frame. A MaxScale's version is recorded once, with the first
 * poll after it was learnt (use-monitor.ts), so `server`, the version to show with the
 * frame, is that frame's own unless the caller knows an earlier one.
 */
function frameActions(frame: Frame, multi: boolean, server = frame.ok ? frame.server : undefined): Action[] {
	const host = multi ? frame.host : undefined;
	const poll: Action = frame.ok
		? // Stepped to (on the timer, or by a key while paused): shown, as a poll asked for with r is.
			{type: 'poll-ok', host, sessions: frame.sessions, at: frame.t, latencyMs: frame.latencyMs, bytes: frame.bytes, manual: true, ...(frame.mono === undefined ? {} : {mono: frame.mono})}
		: {type: 'poll-failed', host, error: {kind: 'network', message: frame.error}, at: frame.t};
	return server === undefined ? [poll] : [{type: 'server-info', host, info: server}, poll];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How many runs of --record these frames hold: the reader marks each run's first frame (Frame.run). */
export function runCount(frames: readonly Frame[]): number {
	return frames.filter((frame) => frame.run !== undefined).length;
}

/**
 * The status line's note while replaying: what is played, from when to when, in the screen's
 * own 24-hour times (the date once, and again only if the recording ends on another day),
 * how many runs of --record if more than one (time passed between them), and lines skipped.
 * A note is cut at the terminal's edge (it gives way to the key hints), so the sentence is
 * the first of its wordings, longest first, that fits 80 columns.
 */
export function replayNotice(recording: Pick<Recording, 'frames' | 'skipped'>): string {
	const first = recording.frames[0]?.t ?? 0;
	const last = recording.frames.at(-1)?.t ?? first;
	const from = `${formatDate(first)} ${formatClock(first)}`;
	const to = formatDate(last) === formatDate(first) ? formatClock(last) : `${formatDate(last)} ${formatClock(last)}`;
	const polls = plural(recording.frames.length, 'poll', 'polls');
	const runs = runCount(recording.frames);
	// The notes in three lengths, to shorten them before the rest.
	const notes = (skipped: [string, string]) => [runs > 1 ? `${runs} runs` : '', recording.skipped > 0 ? plural(recording.skipped, ...skipped) : ''].filter(Boolean);
	const keys = ': p pauses, [ ] step.';
	const long = notes(['unreadable line skipped', 'unreadable lines skipped']);
	const short = notes(['line skipped', 'lines skipped']).map((note) => `, ${note}`).join('');
	const shortest = notes(['skipped', 'skipped']).map((note) => `, ${note}`).join('');
	const sayings = [
		`Replaying ${polls} from ${from} to ${to}${long.length > 0 ? ` (${long.join(', ')})` : ''}${keys}`,
		`Replaying ${polls}, ${from}–${to}${short}${keys}`,
		`${polls}, ${from}–${to}${short}${keys}`,
		`${polls}, ${from}–${to}${shortest}${keys}`,
		// Over two days, with everything to say: the end is on the REPLAY badge at the end.
		`${polls} from ${from}${shortest}${keys}`,
	];
	return sayings.find((saying) => saying.length <= 80) ?? sayings.at(-1)!;
}

/**
 * The median time between a host's successive lists (its failures, retried on a back-off,
 * left out): the interval the recording was made at, rounded as an interval is given (whole seconds, or tenths under one): a poll's own time
 * adds to each gap, and the header says `every 2s` as it does live, not `every 2.4s`.
 */
export function recordedInterval(frames: readonly Frame[]): number | undefined {
	// A failing MaxScale is retried on a back-off (up to 30 s), not every interval: its tries
	// would set the pace (QA: `every 4s` for a 2 s recording of two, one of them down). Only
	// a recording of failures alone goes by them.
	const lists = gapsOf(frames, true);
	const gaps = lists.length > 0 ? lists : gapsOf(frames, false);
	gaps.sort((a, b) => a - b);
	const median = gaps[Math.floor(gaps.length / 2)];
	if (median === undefined) {
		return undefined;
	}

	return median >= 950 ? Math.round(median / 1000) * 1000 : Math.max(100, Math.round(median / 100) * 100);
}

/** How many frames before one set the interval shown with it: a few polls of each MaxScale. */
const nearFrames = 12;

/**
 * The interval the polls were taken at around frame `index` (its run's frames up to it, the
 * last few): `+` and `-` changed it while recording, and the header said so live. Undefined
 * where too few frames tell.
 */
export function intervalNear(frames: readonly Frame[], index: number): number | undefined {
	const near = frames.slice(Math.max(runStart(frames, index), index - nearFrames), index + 1);
	return gapsOf(near, true).length >= 3 ? recordedInterval(near) : undefined;
}

/** The gaps between a host's successive frames (`lists`: its lists only), run by run. */
function gapsOf(frames: readonly Frame[], lists: boolean): number[] {
	const last = new Map<string, number>();
	const gaps: number[] = [];
	for (const frame of frames) {
		// The time between two runs of --record is no interval.
		if (frame.run !== undefined) {
			last.clear();
		}

		if (lists && !frame.ok) {
			continue;
		}

		const previous = last.get(frame.host);
		if (previous !== undefined && frame.t > previous) {
			gaps.push(frame.t - previous);
		}

		last.set(frame.host, frame.t);
	}

	return gaps;
}

/** The first frame of the run of --record that frame `index` belongs to (0 in a recording of one run). */
export function runStart(frames: readonly Frame[], index: number): number {
	for (let i = Math.min(index, frames.length - 1); i > 0; i--) {
		if (frames[i]!.run !== undefined) {
			return i;
		}
	}

	return 0;
}

/** The MaxScales of the run on screen, as its header named them; undefined in a recording read without runs. */
export function replayHosts(replay: Replay): readonly string[] | undefined {
	return replay.frames[runStart(replay.frames, replay.index)]?.run?.hosts;
}

/**
 * The actions that show frame `index`: the last frame of every host up to it, oldest first,
 * each with its host's version as last recorded up to it (in that frame or an earlier one).
 * A host whose last frame is a failure gets its last good list up to then first, as the
 * live monitor kept it: what the screen showed at that moment, not what came later.
 */
export function actionsFor(replay: Replay, index: number, multi: boolean): Action[] {
	const latest = new Map<string, number>();
	const latestOk = new Map<string, number>();
	const servers = new Map<string, ServerInfo>();
	// Only its own run's frames: what an earlier run saw was gone when this one started.
	for (let i = runStart(replay.frames, index); i <= index && i < replay.frames.length; i++) {
		const frame = replay.frames[i]!;
		latest.set(frame.host, i);
		if (frame.ok) {
			latestOk.set(frame.host, i);
			if (frame.server !== undefined) {
				servers.set(frame.host, frame.server);
			}
		}
	}

	return [...latest.entries()]
		.sort(([, a], [, b]) => a - b)
		.flatMap(([host, i]) => {
			const ok = latestOk.get(host);
			const frames = ok === undefined || ok === i ? [i] : [ok, i];
			return frames.flatMap((at, n) => frameActions(replay.frames[at]!, multi, n === 0 ? servers.get(host) : undefined));
		});
}

/**
 * The state with no poll seen yet, the view kept (sort, filter, cursor, pane): where a jump
 * starts, so that a host with no frame up to the jump does not keep what it said later.
 */
function beforeAnyPoll(state: MonitorState): MonitorState {
	return {
		...state,
		hosts: Object.fromEntries(state.hostOrder.map((host) => [host, {sessions: []}])),
		sessions: [],
		byId: new Map(),
		changes: noChanges,
		summary: emptySummary,
		widths: undefined,
		rows: [],
		lastPoll: undefined,
		error: undefined,
		server: undefined,
		// What a later frame said (a restart, an outage's end) was not yet said here (QA: a step
		// back past a restart kept `restarted: its sessions are all new` on the frames before it).
		message: undefined,
	};
}

/**
 * Where frame `index` is shown from: the screen before any poll, with the MaxScales of its run
 * (a run of --record that watched others starts the list afresh, as a new start would: none of
 * the last run's sessions is shown as ended, nor its hosts on the host line).
 */
function runBase(state: MonitorState, frames: readonly Frame[], index: number): MonitorState {
	const hosts = frames[runStart(frames, index)]?.run?.hosts;
	return beforeAnyPoll(hosts === undefined ? state : {...state, hostOrder: hosts.length > 1 ? [...hosts] : ['']});
}

/** Said when stepping onto the first frame of a later run: how long nothing was recorded. */
function runMessage(frames: readonly Frame[], index: number): MonitorState['message'] {
	const run = runCount(frames.slice(0, index + 1));
	const runs = runCount(frames);
	const gap = (frames[index]!.t - frames[index - 1]!.t) / 1000;
	// Until the next step: QA saw it stay on the steps after it, where it is no longer true.
	return {tone: 'info', text: `Run ${run} of ${runs} of --record starts here, ${formatDuration(gap)} after the last poll before it.`, untilPoll: true};
}

export function replayReducer(
	state: MonitorState,
	action: Action,
	reduce: (state: MonitorState, action: Action) => MonitorState,
): MonitorState | undefined {
	switch (action.type) {
		case 'replay-load': {
			// A recording started with W opens on what the screen showed then: every MaxScale's
			// last list or failure, which it holds as its first frames, oldest first (QA: it
			// opened on the oldest, a failing MaxScale's, and the rows came three frames later).
			const index = Math.max(0, Math.min(action.frames.length, action.frames[0]?.run?.opening ?? 1) - 1);
			const replay = {frames: action.frames, index};
			// The header's "every Ns" is the recording's own pace, not the default interval.
			const intervalMs = intervalNear(action.frames, index) ?? recordedInterval(action.frames) ?? state.intervalMs;
			const base = runBase(state, action.frames, index);
			return actionsFor(replay, index, base.hostOrder.length > 1).reduce(reduce, {...base, replay, intervalMs});
		}

		case 'replay-step': {
			const {replay} = state;
			if (replay === undefined) {
				return {...state, message: {tone: 'info', text: 'Stepping through time works when replaying a recording (--replay FILE).', answer: true}};
			}

			const index = Math.max(0, Math.min(replay.frames.length - 1, replay.index + action.delta));
			if (index === replay.index) {
				if (action.delta > 0 && !state.paused) {
					return {...state, paused: true, message: {tone: 'info', text: 'End of the recording.', untilPoll: true}};
				}

				// A key at either end: said, rather than nothing happening.
				const text = action.delta > 0 ? 'This is the last recorded poll: [ steps back.' : 'This is the first recorded poll: ] steps forward.';
				return {...state, message: {tone: 'info', text, untilPoll: true}};
			}

			const frame = replay.frames[index]!;
			// The header's `every 3s` as the polls went around this frame (+ and - changed it live: QA).
			const intervalMs = intervalNear(replay.frames, index) ?? state.intervalMs;
			// Forward one frame in the same run applies just that frame; any other jump, and the
			// start of another run, rebuilds from the frames of its run up to it.
			if (action.delta === 1 && frame.run === undefined) {
				return frameActions(frame, state.hostOrder.length > 1).reduce(reduce, {...state, replay: {...replay, index}, intervalMs});
			}

			const base = runBase({...state, intervalMs}, replay.frames, index);
			const multi = base.hostOrder.length > 1;
			const rebuilt = actionsFor(replay, index, multi).reduce(reduce, {...base, replay: {...replay, index}});
			// Rates and sparklines as the run's polls up to here made them, not from its last lists alone.
			const counted = replayedChanges(replay.frames, runStart(replay.frames, index), index, (host) => hostKey(base, multi ? host : undefined), base.hostOrder.length);
			const counts = {...rebuilt, changes: {...rebuilt.changes, ...counted}};
			// Rebuilt one MaxScale at a time, the cursor went to a neighbour while its own host's
			// list was not in yet (another MaxScale's session 42, say): back on its row, if listed.
			const selected = state.selectedId;
			const shown = selected !== undefined && counts.selectedId !== selected && counts.rows.some((row) => row.key === selected) ? moveCursor(counts, selected) : counts;
			return action.delta === 1 ? {...shown, message: runMessage(replay.frames, index)} : shown;
		}

		default: {
			return undefined;
		}
	}
}
