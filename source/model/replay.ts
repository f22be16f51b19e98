// Replaying a recording: the state holds the frames, and stepping to a frame
// rebuilds what the screen showed then, per host, through the same poll actions
// a live monitor takes. Pure: the UI only says "step", on a timer or a key.

import type {Frame, Recording} from '../api/recording.js';
import {formatClock, formatDate} from './format.js';
import type {Action, MonitorState} from './monitor-state.js';

export type Replay = {frames: readonly Frame[]; index: number};

export type ReplayAction = {type: 'replay-step'; delta: number} | {type: 'replay-load'; frames: readonly Frame[]};

function frameAction(frame: Frame, multi: boolean): Action {
	const host = multi ? frame.host : undefined;
	return frame.ok
		? // Stepped to (on the timer, or by a key while paused): shown, as a poll asked for with r is.
			{type: 'poll-ok', host, sessions: frame.sessions, at: frame.t, latencyMs: frame.latencyMs, bytes: frame.bytes, manual: true}
		: {type: 'poll-failed', host, error: {kind: 'network', message: frame.error}, at: frame.t};
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

/** The actions that show frame `index`: the last frame of every host up to it, oldest first. */
export function actionsFor(replay: Replay, index: number, multi: boolean): Action[] {
	const latest = new Map<string, number>();
	for (let i = 0; i <= index && i < replay.frames.length; i++) {
		latest.set(replay.frames[i]!.host, i);
	}

	const actions: Action[] = [];
	for (const i of [...latest.values()].sort((a, b) => a - b)) {
		const frame = replay.frames[i]!;
		if (frame.ok && frame.server !== undefined) {
			actions.push({type: 'server-info', host: multi ? frame.host : undefined, info: frame.server});
		}

		actions.push(frameAction(frame, multi));
	}

	return actions;
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
			const actions = action.delta === 1 ? [frameAction(replay.frames[index]!, multi)] : actionsFor(replay, index, multi);
			return actions.reduce(reduce, {...state, replay: {...replay, index}});
		}

		default: {
			return undefined;
		}
	}
}
