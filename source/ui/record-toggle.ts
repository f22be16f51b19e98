// W: every poll recorded to a file from now on, or no longer (--record from the start is the
// same recording, and W stops it too). The file goes where `s` saves its snapshots, named by
// the time, mode 0600 as --record makes it (api/recording.ts), and --replay plays it.

import path from 'node:path';
import {cannotRecord, Recorder, type Frame} from '../api/recording.js';
import type {ServerInfo} from '../api/server-info.js';
import type {Action} from '../model/monitor-state.js';
import {stamp} from './effects.js';

/**
 * The recording every poll goes to, if any: run-monitor.tsx flushes it at exit, whoever started it.
 * `failing`: each MaxScale's failure in force (its last poll's, by host), and `lastGood`, each
 * one's last list (with the version it last reported), kept by hostRecorder whether or not a
 * recording is on, for one started later.
 */
export type RecorderHolder = {current: Recorder | undefined; starting?: boolean; failing?: Map<string, Frame>; lastGood?: Map<string, Frame>};

type Dispatch = (action: Action) => void;

/** Start recording to a new file in `directory`, or stop (`stop`); one sentence either way. */
export async function toggleRecording(holder: RecorderHolder, stop: boolean, hosts: string[], directory: string, dispatch: Dispatch, now = new Date()): Promise<void> {
	const current = holder.current;
	if (stop) {
		if (current !== undefined) {
			holder.current = undefined;
			current.onProblem(undefined);
			dispatch({type: 'recording', file: undefined});
			await current.flush();
			const plays = `sessiontop --replay ${current.file} plays it`;
			const {lost} = current;
			dispatch({type: 'message', message: lost === undefined ? {tone: 'ok', text: `Recorded to ${current.file}: ${plays}.`} : {tone: 'error', text: `${lost} (${plays}, with that gap).`}});
		}

		return;
	}

	// A second W while the first is still opening its file: one recording, not two.
	if (current !== undefined || holder.starting === true) {
		return;
	}

	holder.starting = true;
	const file = path.join(directory, `sessiontop-${stamp(now)}.ndjson`);
	const recorder = new Recorder(file);
	try {
		await recorder.start(hosts);
	} catch (error: unknown) {
		const text = cannotRecord(file, error);
		dispatch({type: 'message', message: {tone: 'error', text: text.charAt(0).toUpperCase() + text.slice(1)}});
		return;
	} finally {
		holder.starting = false;
	}

	holder.current = recorder;
	// A MaxScale failing now may not be tried again for a while (back-off, up to 30 s): its
	// failure is recorded first, with its own time, so the replay shows it failing from the
	// first frame, not `connecting…` until its next try (QA), as the version is carried below.
	// Each MaxScale's last list comes first, at its own time too: the screen showed those rows
	// (STALE for a failing one), and the replay opens on them, not on `connecting…` or NO DATA
	// until each one's next poll (QA).
	const failures = [...(holder.failing?.values() ?? [])];
	const lists = [...(holder.lastGood?.values() ?? [])].filter((good) => !failures.some((failure) => failure.host === good.host && failure.t < good.t));
	const first = [...lists, ...failures];
	for (const frame of first.sort((a, b) => a.t - b.t)) {
		recorder.record(frame);
	}

	watchProblems(recorder, dispatch);
	dispatch({type: 'recording', file});
	dispatch({type: 'message', message: {tone: 'ok', text: `Recording every poll to ${file}: W again stops.`}});
}

/**
 * One MaxScale's polls to whichever recording is on. A recording started later (W) gets the
 * version that MaxScale last reported with its first poll of it, so that it replays with it,
 * and its failure in force when it starts (toggleRecording, from `holder.failing`).
 */
export function hostRecorder(holder: RecorderHolder): {record(frame: Frame): void; known(info: ServerInfo): void} {
	let known: ServerInfo | undefined;
	let recordedTo: Recorder | undefined;
	return {
		record(frame) {
			if (frame.ok) {
				holder.failing?.delete(frame.host);
				// The list the state holds anyway: no copy of it.
				(holder.lastGood ??= new Map()).set(frame.host, frame.server === undefined && known !== undefined ? {...frame, server: known} : frame);
			} else {
				(holder.failing ??= new Map()).set(frame.host, frame);
			}

			const to = holder.current;
			if (to !== undefined) {
				to.record(to === recordedTo || !frame.ok ? frame : {...frame, server: frame.server ?? known});
				recordedTo = frame.ok ? to : recordedTo;
			}
		},
		known(info) {
			known = info;
		},
	};
}

/** A recording that cannot be written any more is said at once, not found out the morning after. */
export function watchProblems(recorder: Recorder, dispatch: Dispatch): void {
	recorder.onProblem((problem) => {
		dispatch({type: 'message', message: {tone: 'error', text: problem}});
	});
}
