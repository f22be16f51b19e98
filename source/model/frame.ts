// One poll as --record keeps it and --replay plays it (api/recording.ts writes and reads the
// lines): what the list showed, or the failure, and when.

import type {ServerInfo} from './server-info.js';
import type {Session} from './session.js';

/**
 * Where a run of --record starts: set by the reader on the first frame after each header
 * line, so that a replay starts the list afresh there, with the MaxScales that run watched.
 * Never written: a recording's own lines cannot set it.
 */
export type Run = {
	hosts: string[];
	/**
	 * How many of the run's first frames are the lists the screen showed as a recording was
	 * started with W (each MaxScale's last, at its own time, oldest first): a replay opens
	 * after them, on every MaxScale's rows, not on the oldest one alone.
	 */
	opening?: number;
};

/** `mono`: the recording process's performance.now() as the list came: a replay's rates go by it across a step of the wall clock. */
export type Frame = (
	| {t: number; host: string; ok: true; latencyMs: number; bytes: number; sessions: Session[]; server?: ServerInfo; mono?: number}
	| {t: number; host: string; ok: false; error: string}
) & {run?: Run};

/**
 * A recording as read. `hosts`: the first run's MaxScales (each run's own are on its first
 * frame, Frame.run: replay.ts runCount counts them); `skipped`: lines that are not polls.
 */
export type Recording = {hosts: string[]; frames: Frame[]; skipped: number};
