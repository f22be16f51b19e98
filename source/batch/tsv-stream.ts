// The session list formatted while it streams in, a hundred sessions or so at a time.
// JSON.parse stays the parser (on a cold start it is about twice as fast as the
// incremental scanner of api/json-scanner.ts, measured on a 10,000-session list), but
// of slices: each group of sessions is parsed, made into lines and dropped as its chunk
// arrives, so the garbage dies young instead of a 5 MB tree surviving into the old
// generation, and nothing waits for the last byte to start.
//
// A list is `HEAD"data":[ITEM,ITEM,…]TAIL` (or spaced, `"data": [ITEM, ITEM]`). The items are cut at `},{` (`}, {`), and a cut is
// kept only when JSON.parse takes `[` + the slice + `]`: a cut inside a string or a
// nested object leaves that slice unbalanced, so every kept slice is whole items, in
// order. At the end HEAD + `"data":[` + TAIL must parse on its own to an object whose
// `data` is that empty array, with no other "data" (and no escape) in HEAD or TAIL:
// then the body is valid JSON and its `data` is exactly the items, and their lines are
// the ones tableToTsv makes from JSON.parse of the whole body.
//
// Anything else (no such shape, pretty-printed JSON, not JSON at all, a slice that
// never parses) leaves `table` undefined: the caller then reads the kept body the old
// way, for the very same text or sentence.

import {Buffer} from 'node:buffer';
import {tableToTsv} from './maxctrl-tsv.js';

// Compact (`"data":[`, `},{`), or spaced as jansson writes without JSON_COMPACT: MaxScale
// 2.2 and 2.5 answer `pretty=false` so (`"data": [`, `}, {`).
const layouts = [
	{dataKey: Buffer.from('"data":['), between: Buffer.from('},{')},
	{dataKey: Buffer.from('"data": ['), between: Buffer.from('}, {')},
] as const;
const itemsEnd = Buffer.from('}]');
const quotedData = Buffer.from('"data"');
const backslash = 0x5c;
/** A slice that has not parsed by this size is not going to: the old way will say why. */
const giveUpBytes = 16 * 1024 * 1024;
const empty: Buffer = Buffer.alloc(0);
/** About a hundred sessions of a sparse list: few parses, and garbage that dies young. */
const groupBytes = 48 * 1024;

export type TsvRead = {
	/** The rows' text, as tableToTsv makes it; undefined when the body must be read the old way. */
	table: string | undefined;
	/** The whole body as it came. */
	body(): Buffer;
};

/** `[` + the slice + `]` parsed, or undefined when that is not a list of whole items. */
function itemsIn(bytes: Buffer, end: number): unknown[] | undefined {
	try {
		return JSON.parse(`[${bytes.toString('utf8', 0, end)}]`) as unknown[];
	} catch {
		return undefined;
	}
}

/** No escape, and no "data" member that could stand for another list. */
const plain = (bytes: Buffer) => !bytes.includes(backslash) && !bytes.includes(quotedData);

export class TsvStream {
	readonly #chunks: Buffer[] = [];
	/** The bytes before `"data":[`, once seen. */
	#head: Buffer | undefined;
	/** What stands between two items in this body's layout (compact or spaced), once its `data` is seen. */
	#between: Buffer = layouts[0].between;
	/** What is not parsed yet (from the start of the body, then from the next item), in pieces. */
	#pending: Buffer[] = [];
	#pendingBytes = 0;
	/** Slices are taken once this much is pending: a few hundred sessions a parse, whatever the chunk size. */
	#nextTry = groupBytes;
	#gaveUp = false;
	readonly #tables: string[] = [];

	write(chunk: Buffer): void {
		this.#chunks.push(chunk);
		if (this.#gaveUp) {
			return;
		}

		this.#pending.push(chunk);
		this.#pendingBytes += chunk.length;
		if (this.#pendingBytes < this.#nextTry) {
			return;
		}

		if (this.#pendingBytes > giveUpBytes) {
			this.#giveUp();
		} else if (this.#head !== undefined || this.#findHead()) {
			this.#takeItems();
		}
	}

	end(): TsvRead {
		const chunks = this.#chunks;
		return {table: this.#finish(), body: () => Buffer.concat(chunks)};
	}

	/** The pending pieces as one buffer (concatenated only when a slice is tried). */
	#joined(): Buffer {
		if (this.#pending.length !== 1) {
			this.#pending = [Buffer.concat(this.#pending)];
		}

		return this.#pending[0] ?? empty;
	}

	#keep(rest: Buffer): void {
		this.#pending = [rest];
		this.#pendingBytes = rest.length;
	}

	#findHead(): boolean {
		const pending = this.#joined();
		for (const {dataKey, between} of layouts) {
			const at = pending.indexOf(dataKey);
			if (at !== -1) {
				this.#head = pending.subarray(0, at);
				this.#between = between;
				this.#keep(pending.subarray(at + dataKey.length));
				return true;
			}
		}

		this.#nextTry = 2 * this.#pendingBytes; // Not a list so far: look again at twice the size.
		return false;
	}

	/** Everything up to the last `},{` that parses, formatted; the rest stays pending. */
	#takeItems(): void {
		const pending = this.#joined();
		const between = this.#between;
		const cut = pending.lastIndexOf(between);
		const items = cut === -1 ? undefined : itemsIn(pending, cut + 1);
		if (items === undefined) {
			// That cut is inside an item (or the list is not what it seems): wait for twice as much.
			this.#nextTry = Math.max(2 * pending.length, pending.length + groupBytes);
			return;
		}

		this.#tables.push(tableToTsv(items));
		// The next item starts at its `{`, the separator's last byte.
		this.#keep(pending.subarray(cut + between.length - 1));
		this.#nextTry = this.#pendingBytes + groupBytes;
	}

	#finish(): string | undefined {
		if (this.#gaveUp || (this.#head === undefined && !this.#findHead())) {
			return undefined;
		}

		const head = this.#head!;
		if (!plain(head)) {
			return undefined;
		}

		// The last items end at a `}]` before which they parse; none at all is `]`.
		const rest = this.#joined();
		let tail: Buffer | undefined;
		if (this.#tables.length === 0 && /^\s*\]/.test(rest.toString('latin1', 0, Math.min(rest.length, 64)))) {
			tail = rest;
		} else {
			// From the end: a session has `}]` of its own (its services), the tail seldom.
			for (let end = rest.lastIndexOf(itemsEnd), tries = 0; end > 0 && tries < 16; end = rest.lastIndexOf(itemsEnd, end - 1), tries++) {
				const items = itemsIn(rest, end + 1);
				if (items !== undefined) {
					this.#tables.push(tableToTsv(items));
					tail = rest.subarray(end + 1);
					break;
				}
			}
		}

		if (tail === undefined || !plain(tail)) {
			return undefined;
		}

		let outline: unknown;
		try {
			outline = JSON.parse(`${head.toString('utf8')}"data":[${tail.toString('utf8')}`);
		} catch {
			return undefined;
		}

		const data = (outline as {data?: unknown} | null)?.data;
		return Array.isArray(data) && data.length === 0 ? this.#tables.join('\n') : undefined;
	}

	#giveUp(): void {
		this.#gaveUp = true;
		this.#pending = [];
		this.#tables.length = 0;
	}
}

/** A body sink for Client#stream. */
export function tsvBody(): {write(chunk: Buffer): void; end(): TsvRead} {
	return new TsvStream();
}
