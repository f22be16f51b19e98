// --record FILE / --replay FILE: every poll as one line of NDJSON, so last night's
// incident can be replayed in the full UI, offline. A recording holds what the
// list showed (normalized sessions, errors, versions), never a credential, and
// is created mode 0600: user names and client addresses are not for everyone.

import {Buffer} from 'node:buffer';
import {appendFile, open} from 'node:fs/promises';
import type {Session} from '../model/session.js';
import {recordingFormat} from './recording-reader.js';
import type {ServerInfo} from './server-info.js';

export {readRecording, recordingFormat, type Recording} from './recording-reader.js';

/**
 * Where a run of --record starts: set by the reader on the first frame after each header
 * line, so that a replay starts the list afresh there, with the MaxScales that run watched.
 * Never written: a recording's own lines cannot set it.
 */
export type Run = {hosts: string[]};

export type Frame = (
	| {t: number; host: string; ok: true; latencyMs: number; bytes: number; sessions: Session[]; server?: ServerInfo}
	| {t: number; host: string; ok: false; error: string}
) & {run?: Run};

export class Recorder {
	readonly #file: string;
	#ready: Promise<void> | undefined;
	#queue: Promise<void> = Promise.resolve();
	#failed: string | undefined;
	#listener: ((problem: string) => void) | undefined;
	#lost = 0;

	constructor(file: string) {
		this.#file = file;
	}

	/**
	 * Create the file (0600), or append to an existing recording, with this run's own header
	 * line: a second run may watch other MaxScales, and its polls must replay under its hosts.
	 */
	async start(hosts: string[]): Promise<void> {
		this.#ready ??= (async () => {
			const handle = await open(this.#file, 'a+', 0o600);
			try {
				const stats = await handle.stat();
				const file = stats.isFile();
				// The mode given to open applies only to a new file: an existing one others can read
				// is made private before a user name or a client address is added to it.
				if (file && (stats.mode & 0o077) !== 0) {
					await handle.chmod(0o600);
				}

				// A last line cut by a crash ends there, rather than swallowing this header.
				const cut = file && stats.size > 0 && (await handle.read(Buffer.alloc(1), 0, 1, stats.size - 1)).buffer[0] !== 0x0a;
				await handle.write(`${cut ? '\n' : ''}${JSON.stringify({format: recordingFormat, hosts, started: new Date().toISOString()})}\n`);
			} finally {
				await handle.close();
			}
		})();
		return this.#ready;
	}

	/** Told once when recording starts failing (and again after it has recovered and fails anew). */
	onProblem(listener: ((problem: string) => void) | undefined): void {
		this.#listener = listener;
	}

	/**
	 * Append one frame; writes stay in order. A failure is kept for `problem` and told to the
	 * listener; each poll tries again, so a folder fixed meanwhile has the recording go on.
	 * Mode 0600 again here: a file moved away mid-run is created afresh, never readable by all.
	 */
	record(frame: Frame): void {
		this.#queue = this.#queue
			.then(async () => this.#ready)
			.then(async () => appendFile(this.#file, `${JSON.stringify(frame)}\n`, {mode: 0o600}))
			.then(
				() => {
					this.#failed = undefined;
				},
				(error: unknown) => {
					this.#lost++;
					const first = this.#failed === undefined;
					this.#failed = `Recording to ${this.#file} failed (${(error as {code?: string}).code ?? 'error'}): polls are not recorded while it cannot be written.`;
					if (first) {
						this.#listener?.(this.#failed);
					}
				},
			);
	}

	get problem(): string | undefined {
		return this.#failed;
	}

	/** What the run lost, said at exit: recovered or not, the recording has a gap. */
	get lost(): string | undefined {
		if (this.#lost === 0) {
			return undefined;
		}

		const polls = `${this.#lost} poll${this.#lost === 1 ? ' was' : 's were'} not recorded to ${this.#file}`;
		return this.#failed === undefined ? `${polls}: writing failed for a while, so the recording has a gap there.` : `${polls}: ${this.#failed}`;
	}

	async flush(): Promise<void> {
		await this.#queue;
	}
}
