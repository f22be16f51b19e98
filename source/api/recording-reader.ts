// Reading a recording back for --replay. A recording is a file anyone could have
// edited: every string in it (sessions, errors, the header's hosts) is read as
// untrusted as a server's answer, and sanitized here, before anything can show it.
// Each run of --record starts with its own header line: a file appended to by
// several runs is read as that many runs, each with its own MaxScales.

import {readFile, stat} from 'node:fs/promises';
import {readCappedLines} from './capped-lines.js';
import {sanitize, truncate} from '../model/sanitize.js';
import type {Session} from '../model/session.js';
import {count, text} from './read-sessions.js';
import type {Frame, Recording} from '../model/frame.js';

export const recordingFormat = 'sessiontop-recording/1';
/** A header line of any version: one this sessiontop cannot read is said so, not skipped. */
const formatFamily = 'sessiontop-recording/';

export type {Recording} from '../model/frame.js';

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
		servers: text(r['servers']),
		statement: text(r['statement']),
		statementRunning: r['statementRunning'] === true ? true : r['statementRunning'] === false ? false : undefined,
		// A run time only for a statement still running, never below zero (a hand-edited file).
		statementSeconds: r['statementRunning'] === true && (count(r['statementSeconds']) ?? -1) >= 0 ? count(r['statementSeconds']) : undefined,
	};
}

/** A frame built afresh from what was checked: nothing else of the line (a `run` of its own) is kept. */
function reviveFrame(frame: Frame): Frame {
	if (!frame.ok) {
		return {t: frame.t, host: sanitize(frame.host), ok: false, error: sanitize(frame.error)};
	}

	// Known by their MaxScale and id once the run's hosts are known (identified, below), not by the file's `key`.
	const sessions = frame.sessions.flatMap((raw) => reviveSession(raw) ?? []);

	const server = frame.server === undefined ? undefined : {version: text(frame.server.version), uptimeSeconds: count(frame.server.uptimeSeconds), askedAt: count(frame.server.askedAt) ?? frame.t};
	const mono = count(frame.mono);
	return {t: frame.t, host: sanitize(frame.host), ok: true, latencyMs: count(frame.latencyMs) ?? 0, bytes: count(frame.bytes) ?? 0, sessions, server, ...(mono === undefined ? {} : {mono})};
}

function isFrame(value: unknown): value is Frame {
	const frame = value as Partial<Frame> | null;
	// A time a Date can hold (QA: a hand-edited 1e400 showed NaN:NaN:NaN clocks).
	if (typeof frame !== 'object' || frame === null || typeof frame.t !== 'number' || !(frame.t > 0 && frame.t < 8.64e15) || typeof frame.host !== 'string') {
		return false;
	}

	return frame.ok === true ? Array.isArray((frame as {sessions?: unknown}).sessions) : typeof (frame as {error?: unknown}).error === 'string';
}

/** A header line's format, if the line is one: `{"format": "sessiontop-recording/…", …}` (--record checks a file it would add to so). */
export function headerFormat(value: unknown): string | undefined {
	const format = typeof value === 'object' && value !== null ? (value as {format?: unknown}).format : undefined;
	return typeof format === 'string' && format.startsWith(formatFamily) ? format : undefined;
}

function headerHosts(value: unknown): string[] {
	const listed = (value as {hosts?: unknown}).hosts;
	return Array.isArray(listed) ? listed.filter((h): h is string => typeof h === 'string').map((h) => sanitize(h)) : [];
}

/** When the header says its run started (ms), if it says so readably. */
function headerStarted(value: unknown): number | undefined {
	const started = (value as {started?: unknown}).started;
	const at = typeof started === 'string' ? Date.parse(started) : Number.NaN;
	return Number.isFinite(at) ? at : undefined;
}

/**
 * How many of a run's first polls came before its header was written: the screen's lists as
 * a recording started with W found them (record-toggle.ts), each MaxScale's at its own time.
 */
function openingCount(frames: readonly Frame[], started: number | undefined): number {
	let count = 0;
	while (started !== undefined && count < frames.length && frames[count]!.t < started) {
		count++;
	}

	return count;
}

type Run = {hosts: string[]; frames: Frame[]; started?: number};

/** How far back in time a poll may come after another and still be put before it (nearlyInOrder). */
const reorderWithinMs = 5000;

/**
 * A run's polls in the order of their time where they came a little out of it: each MaxScale's
 * list is read on its own thread, and one read a few milliseconds earlier can reach the
 * recorder after another's, so the replay's clock stepped back (14:51:10, then 14:51:09). Not a
 * sort of the whole run: across a step of the wall clock (NTP, a VM resumed) the file's order is
 * what happened, and a sort by time replayed it shuffled, ended sessions back as new (QA).
 * Stable: polls of one time keep their order.
 */
function nearlyInOrder(frames: readonly Frame[]): Frame[] {
	const ordered: Frame[] = [];
	for (const frame of frames) {
		let at = ordered.length;
		while (at > 0 && ordered[at - 1]!.t > frame.t && ordered[at - 1]!.t - frame.t <= reorderWithinMs) {
			at--;
		}

		ordered.splice(at, 0, frame);
	}

	return ordered;
}

/** The runs of a recording's lines, a line at a time; or the sentence that refuses a format this sessiontop does not read. */
class RunReader {
	readonly #file: string;
	readonly #runs: Run[] = [];
	#skipped = 0;
	#refused: string | undefined;

	constructor(file: string) {
		this.#file = file;
	}

	/** False once the file is refused: the rest need not be read. */
	add(line: string): boolean {
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			this.#skipped++;
			return true;
		}

		const format = headerFormat(value);
		if (format !== undefined && format !== recordingFormat) {
			this.#refused = `${this.#file} is a ${truncate(sanitize(format), 40)} recording, which this sessiontop cannot read (it reads ${recordingFormat}): replay it with the sessiontop that made it.`;
			return false;
		}

		if (format !== undefined) {
			const started = headerStarted(value);
			this.#runs.push({hosts: headerHosts(value), frames: [], ...(started === undefined ? {} : {started})});
		} else if (isFrame(value)) {
			// Polls before any header (a recording made before headers were written) are a run of their own.
			if (this.#runs.length === 0) {
				this.#runs.push({hosts: [], frames: []});
			}

			this.#runs.at(-1)!.frames.push(reviveFrame(value));
		} else {
			this.#skipped++;
		}

		return true;
	}

	done(): {runs: Run[]; skipped: number} | string {
		return this.#refused ?? {runs: this.#runs, skipped: this.#skipped};
	}
}

/** Read a recording; lines that are not frames (a cut last line after a crash) are skipped, not fatal. */
export async function readRecording(file: string): Promise<Recording | string> {
	// Line by line: read whole, a recording past ~512 MB (V8's longest string; --record writes
	// that in minutes at 10k sessions) failed with "(error)" (QA). A line longer than any poll
	// --record writes (a tail of NULs after a power loss) is skipped as it streams.
	// A device has no end (QA: --replay /dev/zero read NULs, silent, until killed); a pipe does
	// (--replay <(zcat run.ndjson.gz)). What stat cannot tell is said below, as the read fails.
	if (await isDevice(file)) {
		return `${file} is a device, not a recording: name a file --record made.`;
	}

	const reader = new RunReader(file);
	let lines = 0;
	let tooLong = 0;
	try {
		({tooLong} = await readCappedLines(file, maxLineBytes, (line) => {
			if (line.trim() === '') {
				return true;
			}

			lines++;
			return reader.add(line);
		}));
	} catch (error: unknown) {
		const code = (error as {code?: string}).code ?? 'error';
		const hint = code === 'ENOENT' ? 'check the path' : code === 'EACCES' ? 'check its permissions' : code === 'EISDIR' ? 'name the file, not its folder' : 'check the file';
		return `cannot read the recording ${file} (${code}): ${hint}.`;
	}

	if (lines === 0 && tooLong === 0) {
		// Not "no line of it is one": it has no line at all (--record writes its header at once).
		return `${file} is empty, so there is nothing to replay: name a file --record made.`;
	}

	const read = reader.done();
	if (typeof read === 'string') {
		return read;
	}

	// A run that recorded no poll (stopped at once) shows nothing: it is not counted.
	const runs = read.runs.filter((run) => run.frames.length > 0);
	if (runs.length === 0) {
		// Neither a header nor a poll: some other file (a --watch --json capture, say), which
		// advice to record into it would have spoilt.
		if (read.runs.length > 0) {
			// Lines after the header that are no poll (cut, or a time no clock can hold) are said, not
			// taken for an empty recording (QA: a poll at t 1e400 read as "record one").
			const unread = read.skipped + tooLong;
			return unread === 0
				? `${file} holds no recorded polls: record one with --record ${file}.`
				: `${file} holds no poll that can be replayed: ${unread === 1 ? 'its one other line is' : `its ${unread} other lines are`} cut or edited (no time a clock can hold, or no JSON).`;
		}

		// QA: a file `s` saved read as "not a sessiontop recording", as if it were damaged.
		return (await isSnapshot(file))
			? `${file} is a snapshot saved with s (one moment, as JSON: read it with jq or an editor), not a recording: --replay plays files --record made.`
			: `${file} is not a sessiontop recording (no line of it is one): name a file --record made.`;
	}

	let skipped = read.skipped + tooLong;
	const frames = runs.flatMap(({hosts, frames: unordered, started}) => {
		const ordered = nearlyInOrder(unordered);
		// A header without hosts: the hosts its polls name, in the order they first answered.
		const named = hosts.length > 0 ? hosts : [...new Set(ordered.map((frame) => frame.host))];
		// A poll of a MaxScale its run does not watch (a hand-edited line) is no poll of this run:
		// merged, it was shown as the only MaxScale's list, and that one's sessions as ended (QA).
		const known = ordered.filter((frame) => named.includes(frame.host));
		skipped += ordered.length - known.length;
		const [first, ...rest] = known.map((frame) => identified(frame, named.length > 1));
		const opening = openingCount(known, started);
		return first === undefined ? [] : [{...first, run: {hosts: named, ...(opening > 1 ? {opening} : {})}}, ...rest];
	});
	if (frames.length === 0) {
		return `${file} holds no poll of the MaxScales its header names: name a file --record made.`;
	}

	return {hosts: frames[0]!.run!.hosts, frames, skipped};
}

/** Longer than any poll --record writes (a list past this would be refused by --max-body's default too). */
const maxLineBytes = 256 * 1024 * 1024;

/**
 * A poll's sessions known by their MaxScale and id, as a live poll knows them (read-sessions.ts),
 * not by the `key` and `host` the file says: one edited to give 120 sessions one key showed two
 * sessions and two cursors (QA). A key repeated after that is left out, as a live list's is.
 */
function identified(frame: Frame, keyed: boolean): Frame {
	if (!frame.ok) {
		return frame;
	}

	const keys = new Set<string>();
	const sessions: Session[] = [];
	for (const session of frame.sessions) {
		const key = keyed ? `${frame.host}#${session.id}` : session.id;
		if (!keys.has(key)) {
			keys.add(key);
			sessions.push({...session, key, host: frame.host});
		}
	}

	return {...frame, sessions};
}

async function isDevice(file: string): Promise<boolean> {
	try {
		const info = await stat(file);
		return info.isCharacterDevice() || info.isBlockDevice() || info.isSocket();
	} catch {
		return false;
	}
}

/** Whether `file` is a snapshot `s` wrote (model/snapshot.ts): one JSON object with its time and its MaxScales. */
async function isSnapshot(file: string): Promise<boolean> {
	try {
		// A snapshot holds one list: a file far larger is something else, and is not read whole.
		if ((await stat(file)).size > 256 * 1024 * 1024) {
			return false;
		}

		const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
		return typeof parsed === 'object' && parsed !== null && 'savedAt' in parsed && 'maxscales' in parsed;
	} catch {
		return false;
	}
}
