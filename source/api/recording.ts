// --record FILE / --replay FILE: every poll as one line of NDJSON, so last night's
// incident can be replayed in the full UI, offline. A recording holds what the
// list showed (normalized sessions, errors, versions), never a credential, and
// is created mode 0600: user names and client addresses are not for everyone.

import {appendFile, open, readFile} from 'node:fs/promises';
import {sanitize} from '../model/sanitize.js';
import {count, text} from './read-sessions.js';
import type {Session} from '../model/session.js';
import type {ServerInfo} from './server-info.js';

export type Frame =
	| {t: number; host: string; ok: true; latencyMs: number; bytes: number; sessions: Session[]; server?: ServerInfo}
	| {t: number; host: string; ok: false; error: string};

export const recordingFormat = 'sessiontop-recording/1';

export class Recorder {
	readonly #file: string;
	#ready: Promise<void> | undefined;
	#queue: Promise<void> = Promise.resolve();
	#failed: string | undefined;

	constructor(file: string) {
		this.#file = file;
	}

	/** Create the file (0600) with its header line, or append to an existing recording. */
	async start(hosts: string[]): Promise<void> {
		this.#ready ??= (async () => {
			const handle = await open(this.#file, 'a', 0o600);
			try {
				const {size} = await handle.stat();
				if (size === 0) {
					await handle.write(`${JSON.stringify({format: recordingFormat, hosts, started: new Date().toISOString()})}\n`);
				}
			} finally {
				await handle.close();
			}
		})();
		return this.#ready;
	}

	/** Append one frame; writes stay in order, and a failure is kept for `problem`. */
	record(frame: Frame): void {
		this.#queue = this.#queue
			.then(async () => this.#ready)
			.then(async () => appendFile(this.#file, `${JSON.stringify(frame)}\n`))
			.catch((error: unknown) => {
				this.#failed = `Recording to ${this.#file} stopped (${(error as {code?: string}).code ?? 'error'}).`;
			});
	}

	get problem(): string | undefined {
		return this.#failed;
	}

	async flush(): Promise<void> {
		await this.#queue;
	}
}


/** A recording is a file anyone could have edited: its sessions are read as untrusted as the server's. */
function reviveSession(raw: unknown): Session | undefined {
	const r = raw as Record<string, unknown> | null;
	const id = text(r?.['id']);
	if (r === null || typeof r !== 'object' || id === undefined) {
		return undefined;
	}

	return {
		key: text(r['key']) ?? id,
		id,
		host: text(r['host']) ?? '',
		service: text(r['service']) ?? '',
		state: text(r['state']) ?? '',
		user: text(r['user']),
		remote: text(r['remote']),
		port: count(r['port']),
		connectedAt: count(r['connectedAt']),
		ageSeconds: count(r['ageSeconds']),
		idleSeconds: count(r['idleSeconds']),
		memoryBytes: count(r['memoryBytes']),
		ioActivity: count(r['ioActivity']),
		thread: count(r['thread']),
	};
}

function reviveFrame(frame: Frame): Frame {
	if (!frame.ok) {
		return {...frame, host: sanitize(frame.host), error: sanitize(frame.error)};
	}

	const sessions = frame.sessions.map(reviveSession).filter((s): s is Session => s !== undefined);
	const server = frame.server === undefined ? undefined : {version: text(frame.server.version), uptimeSeconds: count(frame.server.uptimeSeconds), askedAt: count(frame.server.askedAt) ?? frame.t};
	return {t: frame.t, host: sanitize(frame.host), ok: true, latencyMs: count(frame.latencyMs) ?? 0, bytes: count(frame.bytes) ?? 0, sessions, server};
}

function isFrame(value: unknown): value is Frame {
	const frame = value as Partial<Frame> | null;
	if (typeof frame !== 'object' || frame === null || typeof frame.t !== 'number' || typeof frame.host !== 'string') {
		return false;
	}

	return frame.ok === true ? Array.isArray((frame as {sessions?: unknown}).sessions) : typeof (frame as {error?: unknown}).error === 'string';
}

export type Recording = {hosts: string[]; frames: Frame[]; skipped: number};

/** Read a recording; lines that are not frames (a cut last line after a crash) are skipped, not fatal. */
export async function readRecording(file: string): Promise<Recording | string> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error: unknown) {
		const code = (error as {code?: string}).code ?? 'error';
		const hint = code === 'ENOENT' ? 'check the path' : code === 'EACCES' ? 'check its permissions' : code === 'EISDIR' ? 'name the file, not its folder' : 'check the file';
		return `Cannot read the recording ${file} (${code}): ${hint}.`;
	}

	const lines = text.split('\n').filter((line) => line.trim() !== '');
	let hosts: string[] = [];
	const frames: Frame[] = [];
	let skipped = 0;
	for (const [index, line] of lines.entries()) {
		try {
			const value: unknown = JSON.parse(line);
			if (index === 0 && (value as {format?: unknown}).format === recordingFormat) {
				const listed = (value as {hosts?: unknown}).hosts;
				hosts = Array.isArray(listed) ? listed.filter((h): h is string => typeof h === 'string') : [];
			} else if (isFrame(value)) {
				frames.push(reviveFrame(value));
			} else {
				skipped++;
			}
		} catch {
			skipped++;
		}
	}

	if (frames.length === 0) {
		return `${file} holds no recorded polls: record one with --record ${file}.`;
	}

	if (hosts.length === 0) {
		hosts = [...new Set(frames.map((frame) => frame.host))];
	}

	return {hosts, frames, skipped};
}
