// A file's lines, read as it streams, none longer than a cap: readline keeps a line whole
// however long it grows, and a recording with a 700 MB tail of NULs (a power loss) made it
// throw past V8's longest string, from inside its stream handler: a raw stack, exit 1 (QA).
// A longer line is dropped as it streams, never held, and counted.

import {createReadStream} from 'node:fs';

/** Calls `line` with each line (UTF-8, without its line break) until it returns false; the lines dropped for their length. */
export async function readCappedLines(file: string, maxBytes: number, line: (text: string) => boolean): Promise<{tooLong: number}> {
	let pieces: Buffer[] = [];
	let held = 0;
	let dropping = false;
	let tooLong = 0;
	/** The line held so far is whole: handed on, unless it was dropped; false stops the reading. */
	const end = (): boolean => {
		const text = dropping ? undefined : Buffer.concat(pieces, held).toString('utf8').replace(/\r$/, '');
		pieces = [];
		held = 0;
		dropping = false;
		return text === undefined || line(text);
	};

	for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
		let from = 0;
		while (from < chunk.length) {
			const newline = chunk.indexOf(0x0a, from);
			const until = newline === -1 ? chunk.length : newline;
			if (!dropping) {
				if (held + (until - from) > maxBytes) {
					dropping = true;
					tooLong++;
					pieces = [];
					held = 0;
				} else if (until > from) {
					pieces.push(chunk.subarray(from, until));
					held += until - from;
				}
			}

			if (newline === -1) {
				break;
			}

			if (!end()) {
				return {tooLong};
			}

			from = newline + 1;
		}
	}

	if (held > 0 && !dropping) {
		end();
	}

	return {tooLong};
}
