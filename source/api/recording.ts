// --record FILE / --replay FILE: every poll as one line of NDJSON, so last night's
// incident can be replayed in the full UI, offline. A recording holds what the
// list showed (normalized sessions, errors, versions), never a credential, and
// is created mode 0600: user names and client addresses are not for everyone.
// What --record will open, and what it refuses, is recording-file.ts's.

import type {Frame} from '../model/frame.js';
import type {ServerInfo} from '../model/server-info.js';
import {endsLine, openRecording, RecordingRefused, type Identity} from './recording-file.js';
import {recordingFormat} from './recording-reader.js';

export {readRecording, recordingFormat, type Recording} from './recording-reader.js';
export type {Frame, Run} from '../model/frame.js';
export {cannotRecord, RecordingRefused} from './recording-file.js';

export class Recorder {
	readonly #file: string;
	#ready: Promise<void> | undefined;
	#queue: Promise<void> = Promise.resolve();
	#failed: string | undefined;
	#listener: ((problem: string) => void) | undefined;
	#lost = 0;
	#hosts: string[] = [];
	/** The file this run last wrote: another found in its place (moved in, or made afresh) gets a header first. */
	#identity: Identity | undefined;
	/** Each MaxScale's version as last recorded, and the MaxScales whose version the file written now has. */
	readonly #servers = new Map<string, ServerInfo>();
	#versioned = new Set<string>();

	constructor(file: string) {
		this.#file = file;
	}

	get file(): string {
		return this.#file;
	}

	/**
	 * Create the file (0600), or append to an existing recording, with this run's own header
	 * line: a second run may watch other MaxScales, and its polls must replay under its hosts.
	 * Throws a RecordingRefused (cannotRecord says it) for a path that is no place for one.
	 */
	async start(hosts: string[]): Promise<void> {
		this.#hosts = hosts;
		this.#ready ??= this.#append(undefined);
		return this.#ready;
	}

	/**
	 * Open the file, with a header first where this run has written none to it yet, and add the
	 * frame. A file begun afresh mid-run (the old one moved away) gets each MaxScale's version
	 * again with its next list, or it would replay without them (QA).
	 */
	async #append(frame: Frame | undefined): Promise<void> {
		const {handle, created, identity} = await openRecording(this.#file);
		try {
			const same = identity.dev === this.#identity?.dev && identity.ino === this.#identity.ino;
			const fresh = frame === undefined || created || !same;
			const header = fresh ? `${JSON.stringify({format: recordingFormat, hosts: this.#hosts, started: new Date().toISOString()})}\n` : '';
			// Taken as written only once it is.
			const versioned = new Set(fresh ? [] : this.#versioned);
			const line = frame === undefined ? undefined : `${JSON.stringify(this.#versionedFrame(frame, versioned))}\n`;
			// A last line cut by a crash ends there, rather than swallowing what is added.
			const cut = !created && !(await endsLine(handle));
			await handle.write(`${cut ? '\n' : ''}${header}${line ?? ''}`);
			this.#identity = identity;
			this.#versioned = versioned;
		} finally {
			await handle.close();
		}
	}

	/** The frame, with its MaxScale's version when this file has none of it yet; what it says remembered. */
	#versionedFrame(frame: Frame, versioned: Set<string>): Frame {
		if (!frame.ok) {
			return frame;
		}

		if (frame.server !== undefined) {
			this.#servers.set(frame.host, frame.server);
			versioned.add(frame.host);
			return frame;
		}

		const known = this.#servers.get(frame.host);
		if (known === undefined || versioned.has(frame.host)) {
			return frame;
		}

		versioned.add(frame.host);
		return {...frame, server: known};
	}

	/** Told once when recording starts failing (and again after it has recovered and fails anew). */
	onProblem(listener: ((problem: string) => void) | undefined): void {
		this.#listener = listener;
	}

	/**
	 * Append one frame; writes stay in order. A failure is kept for `problem` and told to the
	 * listener; each poll tries again, so a folder fixed meanwhile has the recording go on.
	 * A file moved away mid-run is created afresh (0600, with a header); one put in its place
	 * is checked as at the start.
	 */
	record(frame: Frame): void {
		this.#queue = this.#queue
			.then(async () => this.#ready)
			.then(async () => this.#append(frame))
			.then(
				() => {
					this.#failed = undefined;
				},
				(error: unknown) => {
					this.#lost++;
					const first = this.#failed === undefined;
					this.#failed =
						error instanceof RecordingRefused
							? error.message
							: `Recording to ${this.#file} failed (${(error as {code?: string}).code ?? 'error'}): polls are not recorded while it cannot be written.`;
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
