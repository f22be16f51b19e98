// A config file or a PEM file, read whole, but only if it is one: a device (`-c /dev/zero`,
// `--tls-ca-cert /dev/urandom`) was read until the memory ran out, gigabytes on a shared jump
// host, and a huge file came close (QA). A pipe is still read (`-c <(…)`, as cat would), a
// folder is said as before, and anything past `maxBytes` is refused without being read whole.

import fs from 'node:fs';

/** The largest config or PEM file read: a CA bundle is some 200 KB, a config file a few lines. */
export const smallFileMax = 1024 * 1024;

/** Errors carry a `code` as fs's do: `ENOTREG` for a device or a socket, `EFBIG` past the bound. */
function failure(code: string): Error {
	return Object.assign(new Error(code), {code});
}

/** The file's bytes; throws an fs-like error (with `code`) when it cannot or should not be read. */
export function readSmallFile(file: string, maxBytes = smallFileMax): Buffer {
	const fd = fs.openSync(file, 'r');
	try {
		const stats = fs.fstatSync(fd);
		if (stats.isDirectory()) {
			throw failure('EISDIR');
		}

		if (!stats.isFile() && !stats.isFIFO()) {
			throw failure('ENOTREG');
		}

		if (stats.size > maxBytes) {
			throw failure('EFBIG');
		}

		// A pipe says no size: read up to one byte past the bound, and refuse what reaches it.
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
			const read = fs.readSync(fd, chunk, 0, chunk.length, null);
			if (read === 0) {
				break;
			}

			chunks.push(chunk.subarray(0, read));
			total += read;
			if (total > maxBytes) {
				throw failure('EFBIG');
			}
		}

		return Buffer.concat(chunks, total);
	} finally {
		fs.closeSync(fd);
	}
}

/** What the two new codes mean, for the sentences that name a file's trouble; undefined for fs's own. */
export function smallFileReason(code: unknown): string | undefined {
	return code === 'ENOTREG' ? 'is not a regular file (a device or a socket)' : code === 'EFBIG' ? `is larger than ${smallFileMax / 1024 / 1024} MiB, more than such a file ever is` : undefined;
}
