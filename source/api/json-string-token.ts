// The strings of the JSON scanner. Nearly every string of a session list is printable
// ASCII without escapes and lies within one chunk: plainEnd() finds its end with one
// table look-up per byte, and the scanner takes it from there. The rest (escapes, UTF-8,
// a string cut by a chunk boundary) goes through StringToken, a byte-at-a-time state
// machine that keeps what it needs from one chunk to the next.

import {Buffer} from 'node:buffer';
import type {Utf8Length} from './utf8-length.js';

const quote = 0x22;
const backslash = 0x5c;

/** 1 for the bytes a string can hold as they are and that need no second look: printable ASCII but `"` and `\`. */
const plainBytes = new Uint8Array(256);
plainBytes.fill(1, 0x20, 0x80);
plainBytes[quote] = 0;
plainBytes[backslash] = 0;

/** The same table for string-table.ts, under a binding of its own: plainBytes stays module-local for the hot loops (see json-scanner.ts shortString). */
export const jsonPlainBytes = plainBytes;

/** Where the run of plain bytes from `i` ends: at a quote, a backslash, a control or non-ASCII byte, or `n`. */
export function plainEnd(chunk: Buffer, i: number, n: number): number {
	let j = i;
	while (j < n && plainBytes[chunk[j]!] === 1) {
		j++;
	}

	return j;
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
// After a backslash: " \ / b f n r t (u is handled apart).
const simpleEscapes = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/** A string the fast path could not take whole, from its first byte that needs a closer look. */
export class StringToken {
	isKey = false;
	/** Whether the sink takes its text (a key in a context that reads names, a value for a string slot). */
	collect = false;
	escaped = false;
	ascii = true;
	/** Where its bytes start in the current chunk: 0 once it crossed into a later one. */
	start = 0;
	/** 0 outside an escape, 1 after a backslash, 2–5 while \u hex digits are due. */
	#escape = 0;
	readonly #pieces: Buffer[] = [];
	readonly #utf8: Utf8Length;

	/** `utf8` counts the UTF-16 length of the body: the non-ASCII bytes of strings go to it. */
	constructor(utf8: Utf8Length) {
		this.#utf8 = utf8;
	}

	begin(start: number, isKey: boolean, collect: boolean): void {
		this.start = start;
		this.isKey = isKey;
		this.collect = collect;
		this.escaped = false;
		this.ascii = true;
		this.#escape = 0;
	}

	/** The string goes on in a new chunk. */
	resume(chunk: Buffer): void {
		this.start = 0;
		if (this.#utf8.pending && chunk.length > 0 && chunk[0]! < 0x80) {
			this.#utf8.flush();
		}
	}

	/** From `i` inside the string: the index of its closing quote, `n` if the chunk ends first, or ~index of a byte JSON refuses. */
	scan(chunk: Buffer, i: number): number {
		const n = chunk.length;
		let j = i;
		while (j < n) {
			const c = chunk[j]!;
			if (this.#escape !== 0) {
				if (this.#escape === 1) {
					if (c === 0x75) {
						this.#escape = 5;
					} else if (simpleEscapes.has(c)) {
						this.#escape = 0;
					} else {
						return ~j;
					}
				} else if (isHex(c)) {
					this.#escape = this.#escape === 2 ? 0 : this.#escape - 1;
				} else {
					return ~j;
				}

				j++;
			} else if (plainBytes[c] === 1) {
				j = plainEnd(chunk, j + 1, n);
			} else if (c === quote) {
				return j;
			} else if (c === backslash) {
				this.escaped = true;
				this.#escape = 1;
				j++;
			} else if (c >= 0x80) {
				let k = j + 1;
				while (k < n && chunk[k]! >= 0x80) {
					k++;
				}

				this.ascii = false;
				this.#utf8.feed(chunk, j, k);
				if (k < n) {
					this.#utf8.flush();
				}

				j = k;
			} else {
				// A raw control character: JSON.parse refuses it too.
				return ~j;
			}
		}

		return n;
	}

	/** The chunk ended inside the string: keep its part if the sink takes the text. */
	chunkEnded(chunk: Buffer): void {
		if (this.collect) {
			this.#pieces.push(Buffer.from(chunk.subarray(this.start)));
		}
	}

	/** The bytes of the string that ended at `end`: in `chunk` from `start`, or joined from its pieces (then from 0). */
	bytes(chunk: Buffer, end: number): Buffer {
		if (this.#pieces.length === 0) {
			return chunk;
		}

		this.#pieces.push(chunk.subarray(this.start, end));
		const joined = Buffer.concat(this.#pieces);
		this.#pieces.length = 0;
		this.start = 0;
		return joined;
	}
}
