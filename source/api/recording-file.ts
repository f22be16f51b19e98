// How --record opens its file. The name is the user's, but what is at that path may not
// be what they think: a symbolic link to another file, someone else's file, a file that
// is no recording. A recording holds user names and client addresses, and sessiontop
// may run as root: so it never follows a symbolic link (O_NOFOLLOW), adds only to a
// sessiontop recording (its first line a header, as the reader reads it) or an empty
// file, and changes the mode only of a file of the user's own.

import {Buffer} from 'node:buffer';
import {constants} from 'node:fs';
import {open, type FileHandle} from 'node:fs/promises';
import type {Stats} from 'node:fs';
import {sanitize, truncate} from '../model/sanitize.js';
import {headerFormat, recordingFormat} from './recording-reader.js';

// O_NOFOLLOW is 0 where the platform has none (Windows): there, links are followed as before.
const noFollow = constants.O_NOFOLLOW ?? 0;
const create = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND | noFollow;
const existing = constants.O_RDWR | constants.O_APPEND | noFollow;

/** A header line is a few hundred bytes (its hosts); a first line longer than this is no header. */
const headerLimit = 64 * 1024;

/** A path sessiontop will not record to, in one sentence; `code` for a caller that only shows codes. */
export class RecordingRefused extends Error {
	readonly code: string;

	constructor(message: string, code: string) {
		super(message);
		this.name = 'RecordingRefused';
		this.code = code;
	}
}

/** The sentence for a --record FILE that cannot be opened: the refusal's own, else the error's code. */
export function cannotRecord(file: string, error: unknown): string {
	if (error instanceof RecordingRefused) {
		return error.message;
	}

	return `cannot record to ${file} (${(error as {code?: string} | null)?.code ?? 'error'}): check the path and its folder.`;
}

/** Which file a path led to: one that is not the file this run last wrote needs a header of this run's. */
export type Identity = {dev: number; ino: number};

export type Opened = {handle: FileHandle; created: boolean; identity: Identity};

/** The first line of a file, if it has one within `headerLimit` bytes. */
async function firstLine(handle: FileHandle, size: number): Promise<string | undefined> {
	const buffer = Buffer.alloc(Math.min(size, headerLimit));
	const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
	const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
	return end === -1 ? undefined : buffer.subarray(0, end).toString('utf8');
}

/** Why an existing file is not one to add a recording to, or undefined when it is one. */
async function refusal(file: string, handle: FileHandle, stats: Stats): Promise<RecordingRefused | undefined> {
	if (!stats.isFile()) {
		return new RecordingRefused(`${file} is not a regular file: record to a new file, or to one --record made.`, 'EINVAL');
	}

	if (stats.size > 0) {
		const line = await firstLine(handle, stats.size);
		let value: unknown;
		try {
			value = line === undefined ? undefined : JSON.parse(line);
		} catch {}

		const format = headerFormat(value);
		if (format === undefined) {
			return new RecordingRefused(`${file} is not a sessiontop recording, and --record adds only to one: record to a new file, or to one --record made.`, 'EEXIST');
		}

		if (format !== recordingFormat) {
			return new RecordingRefused(`${file} is a ${truncate(sanitize(format), 40)} recording, which this sessiontop cannot add to: record to a new file.`, 'EEXIST');
		}
	}

	// Only the owner may make a file private; one that root is asked to add to is left as it is.
	const uid = process.getuid?.();
	if (uid !== undefined && stats.uid !== uid && (stats.mode & 0o077) !== 0) {
		return new RecordingRefused(`${file} is another user's file, which others can read: record to a file of your own.`, 'EPERM');
	}

	return undefined;
}

/**
 * An existing file checked, and made 0600 when it is the user's own and others can read
 * it, before a user name or a client address is added to it. Closed when refused.
 */
async function adopt(file: string, handle: FileHandle): Promise<Opened> {
	try {
		const stats = await handle.stat();
		const refused = await refusal(file, handle, stats);
		if (refused !== undefined) {
			throw refused;
		}

		if ((stats.mode & 0o077) !== 0) {
			await handle.chmod(0o600);
		}

		return {handle, created: false, identity: {dev: stats.dev, ino: stats.ino}};
	} catch (error: unknown) {
		await handle.close();
		throw error;
	}
}

/**
 * Open `file` to append to: created (0600) when there is none; else checked (see refusal),
 * at every poll: a file put in its place mid-run may reuse the inode number of the one it
 * replaced, so no earlier look is trusted.
 */
export async function openRecording(file: string): Promise<Opened> {
	try {
		const handle = await open(file, create, 0o600);
		const stats = await handle.stat();
		return {handle, created: true, identity: {dev: stats.dev, ino: stats.ino}};
	} catch (error: unknown) {
		// O_EXCL never follows a link either: a symbolic link there is EEXIST, then ELOOP below.
		if ((error as {code?: unknown}).code !== 'EEXIST') {
			throw error;
		}
	}

	let handle: FileHandle;
	try {
		handle = await open(file, existing);
	} catch (error: unknown) {
		if ((error as {code?: unknown}).code === 'ELOOP') {
			throw new RecordingRefused(`${file} is a symbolic link, and --record follows none: record to a new file, or to the recording itself.`, 'ELOOP');
		}

		throw error;
	}

	return adopt(file, handle);
}

/** Whether the file's last byte ends a line: a line cut by a crash must not swallow what comes next. */
export async function endsLine(handle: FileHandle): Promise<boolean> {
	const {size} = await handle.stat();
	return size === 0 || (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer[0] === 0x0a;
}
