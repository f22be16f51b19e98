// A JSON string's bytes (between its quotes, already checked by the scanner) to the
// string JSON.parse would give. UTF-8 is decoded first: escapes are ASCII, so they pass
// through unchanged, and invalid bytes become U+FFFD exactly as when the whole body is
// decoded (a decoder starts afresh at every ASCII byte, and quotes are ASCII).

import {Buffer} from 'node:buffer';

const simple: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};

/** Resolves the escapes of a checked JSON string body: \uXXXX gives one UTF-16 unit, as in JSON.parse. */
export function unescapeJson(raw: string): string {
	let out = '';
	let from = 0;
	for (let at = raw.indexOf('\\'); at !== -1; at = raw.indexOf('\\', from)) {
		out += raw.slice(from, at);
		const kind = raw[at + 1]!;
		if (kind === 'u') {
			out += String.fromCharCode(Number.parseInt(raw.slice(at + 2, at + 6), 16));
			from = at + 6;
		} else {
			out += simple[kind]!;
			from = at + 2;
		}
	}

	return out + raw.slice(from);
}

// Buffer's own slicers, without toString()'s argument checks: a 100k list decodes ~1M strings.
type Slicers = {latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string};

export function decodeJsonString(bytes: Buffer, start: number, end: number, escaped: boolean, ascii: boolean): string {
	const slicers = bytes as unknown as Slicers;
	const raw = ascii ? slicers.latin1Slice(start, end) : slicers.utf8Slice(start, end);
	return escaped ? unescapeJson(raw) : raw;
}

/**
 * Short ASCII strings by their bytes, so that a text seen before is not decoded again:
 * no new string, and one whose hash V8 has already computed for the Maps it goes into.
 * Open addressing over FNV-1a hashes; it grows with the lists it sees, and is emptied
 * past `maxSize` texts, so that churn cannot grow it for ever.
 */
export class StringTable {
	#hashes = new Int32Array(1024);
	#strings: Array<string | undefined> = new Array<string | undefined>(1024).fill(undefined);
	#size = 0;
	readonly #maxSize: number;

	constructor(maxSize = 1 << 19) {
		this.#maxSize = maxSize;
	}

	get(bytes: Buffer, start: number, end: number): string {
		let hash = 0x81_1c_9d_c5;
		for (let i = start; i < end; i++) {
			hash = Math.imul(hash ^ bytes[i]!, 0x01_00_01_93);
		}

		const mask = this.#hashes.length - 1;
		const length = end - start;
		let slot = hash & mask;
		for (let found = this.#strings[slot]; found !== undefined; found = this.#strings[slot]) {
			if (this.#hashes[slot] === hash && found.length === length && sameBytes(found, bytes, start)) {
				return found;
			}

			slot = (slot + 1) & mask;
		}

		const text = (bytes as unknown as Slicers).latin1Slice(start, end);
		if (this.#size >= this.#maxSize) {
			this.#strings.fill(undefined);
			this.#size = 0;
		} else if (this.#size * 2 >= this.#hashes.length) {
			this.#resize(this.#hashes.length * 2);
		} else {
			this.#put(hash, text, slot);
			return text;
		}

		this.#put(hash, text, this.#free(hash));
		return text;
	}

	#free(hash: number): number {
		const mask = this.#hashes.length - 1;
		let slot = hash & mask;
		while (this.#strings[slot] !== undefined) {
			slot = (slot + 1) & mask;
		}

		return slot;
	}

	#put(hash: number, text: string, slot: number): void {
		this.#hashes[slot] = hash;
		this.#strings[slot] = text;
		this.#size++;
	}

	#resize(slots: number): void {
		const hashes = this.#hashes;
		const strings = this.#strings;
		this.#hashes = new Int32Array(slots);
		this.#strings = new Array<string | undefined>(slots).fill(undefined);
		this.#size = 0;
		for (let i = 0; i < strings.length; i++) {
			const text = strings[i];
			if (text !== undefined) {
				this.#put(hashes[i]!, text, this.#free(hashes[i]!));
			}
		}
	}
}

function sameBytes(text: string, bytes: Buffer, start: number): boolean {
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) !== bytes[start + i]) {
			return false;
		}
	}

	return true;
}
