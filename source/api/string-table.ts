// Interning of the short texts a list repeats (states, users, services; and from one poll
// to the next, ids and `connected`), found by their bytes before any string is made.

import type {Buffer} from 'node:buffer';
import type {Slicers} from './json-text.js';

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
		let hash = 0x81_1c_9d_c5 | 0; // An int32 from the start: as a double the loop would convert it at every byte.
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
