// Replaying a recording: the state holds the frames, and stepping to a frame
// rebuilds what the screen showed then, per host, through the same poll actions
// a live monitor takes. Pure: the UI only says "step", on a timer or a key.

import type {Frame, Recording} from '../api/recording.js';
import type {ServerInfo} from '../api/server-info.js';
import {formatClock, formatDate} from './format.js';
import {noChanges} from './changes.js';
import type {Action, MonitorState} from './monitor-state.js';
import {emptySummary} from './summary.js';

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
			{type: 'poll-ok', host, sessions: frame.sessions, at: frame.t, latencyMs: frame.latencyMs, bytes: frame.bytes, manual: true}
		: {type: 'poll-failed', host, error: {kind: 'network', message: frame.error}, at: frame.t};
	return server === undefined ? [poll] : [{type: 'server-info', host, info: server}, poll];
}

/**
 * The status line's note while replaying: what is played, from when to when, in the screen's
 * own 24-hour times (the date once, and again only if the recording ends on another day).
 */
export function replayNotice(recording: Pick<Recording, 'frames' | 'skipped'>): string {
	const first = recording.frames[0]?.t ?? 0;
	const last = recording.frames.at(-1)?.t ?? first;
	const to = formatDate(last) === formatDate(first) ? formatClock(last) : `${formatDate(last)} ${formatClock(last)}`;
	const skipped = recording.skipped > 0 ? ` (${recording.skipped} unreadable lines skipped)` : '';
	return `Replaying ${recording.frames.length} polls from ${formatDate(first)} ${formatClock(first)} to ${to}${skipped}: p pauses, [ ] step.`;
}

/** The median time between a host's successive frames: the interval the recording was made at. */
export function recordedInterval(frames: readonly Frame[]): number | undefined {
	const last = new Map<string, number>();
	const gaps: number[] = [];
	for (const frame of frames) {
		const previous = last.get(frame.host);
		if (previous !== undefined && frame.t > previous) {
			gaps.push(frame.t - previous);
		}

		last.set(frame.host, frame.t);
	}

	gaps.sort((a, b) => a - b);
	return gaps.length === 0 ? undefined : gaps[Math.floor(gaps.length / 2)];
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
	for (let i = 0; i <= index && i < replay.frames.length; i++) {
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
		rows: [],
		lastPoll: undefined,
		error: undefined,
		server: undefined,
	};
}

export function replayReducer(
	state: MonitorState,
	action: Action,
	reduce: (state: MonitorState, action: Action) => MonitorState,
): MonitorState | undefined {
	switch (action.type) {
		case 'replay-load': {
			const replay = {frames: action.frames, index: 0};
			// The header's "every Ns" is the recording's own pace, not the default interval.
			const intervalMs = recordedInterval(action.frames) ?? state.intervalMs;
			return actionsFor(replay, 0, state.hostOrder.length > 1).reduce(reduce, {...state, replay, intervalMs});
		}

		case 'replay-step': {
			const {replay} = state;
			if (replay === undefined) {
				return {...state, message: {tone: 'info', text: 'Stepping through time works when replaying a recording (--replay FILE).'}};
			}

			const index = Math.max(0, Math.min(replay.frames.length - 1, replay.index + action.delta));
			if (index === replay.index) {
				return action.delta > 0 && !state.paused ? {...state, paused: true, message: {tone: 'info', text: 'End of the recording.'}} : state;
			}

			const multi = state.hostOrder.length > 1;
			// Forward one frame applies just that frame; any other jump rebuilds from the frames up to it.
			if (action.delta === 1) {
				return frameActions(replay.frames[index]!, multi).reduce(reduce, {...state, replay: {...replay, index}});
			}

			return actionsFor(replay, index, multi).reduce(reduce, {...beforeAnyPoll(state), replay: {...replay, index}});
		}

		default: {
			return undefined;
		}
	}
}
