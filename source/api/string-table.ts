// Interning of the short texts a list repeats (states, users, services; and from one poll
// to the next, ids and `connected`), found by their bytes before any string is made.

import type {Buffer} from 'node:buffer';
import type {Slicers} from './json-text.js';

/**
 * Short ASCII strings by their bytes, so that a text seen before is not decoded again:
 * no new string, and one whose hash V8 has already computed for the Maps it goes into.
 * Open addressing over FNV-1a hashes; it grows with the lists it sees, and is emptied
 * past `maxSize` texts, so that churn cannot grow it for ever.
 *
 * The places hold indices into texts and hashes kept in the order they came: the next
 * poll asks for its ids and times in much the same order, so after the one random read
 * of its place, a look-up reads memory next to the last one's (100k ids otherwise cost
 * three cache misses each).
 */
export class StringTable {
	/** Per place: 0 if free, else the index of its text plus one. */
	#places = new Int32Array(1024);
	#hashes = new Int32Array(512);
	readonly #texts: string[] = [];
	readonly #maxSize: number;

	constructor(maxSize = 1 << 19) {
		this.#maxSize = maxSize;
	}

	get(bytes: Buffer, start: number, end: number): string {
		let hash = 0x81_1c_9d_c5 | 0; // An int32 from the start: as a double the loop would convert it at every byte.
		for (let i = start; i < end; i++) {
			hash = Math.imul(hash ^ bytes[i]!, 0x01_00_01_93);
		}

		const places = this.#places;
		const mask = places.length - 1;
		const length = end - start;
		let place = hash & mask;
		for (let entry = places[place]!; entry !== 0; entry = places[place]!) {
			if (this.#hashes[entry - 1] === hash) {
				const found = this.#texts[entry - 1]!;
				if (found.length === length && sameBytes(found, bytes, start)) {
					return found;
				}
			}

			place = (place + 1) & mask;
		}

		const text = (bytes as unknown as Slicers).latin1Slice(start, end);
		const size = this.#texts.length;
		if (size >= this.#maxSize) {
			this.#places.fill(0);
			this.#texts.length = 0;
			place = hash & mask;
		} else if (size * 2 >= places.length) {
			this.#grow();
			place = this.#free(hash);
		}

		this.#add(hash, text, place);
		return text;
	}

	#add(hash: number, text: string, place: number): void {
		const index = this.#texts.length;
		if (index === this.#hashes.length) {
			const hashes = new Int32Array(index * 2);
			hashes.set(this.#hashes);
			this.#hashes = hashes;
		}

		this.#hashes[index] = hash;
		this.#texts.push(text);
		this.#places[place] = index + 1;
	}

	#free(hash: number): number {
		const mask = this.#places.length - 1;
		let place = hash & mask;
		while (this.#places[place] !== 0) {
			place = (place + 1) & mask;
		}

		return place;
	}

	#grow(): void {
		this.#places = new Int32Array(this.#places.length * 2);
		for (let index = 0; index < this.#texts.length; index++) {
			this.#places[this.#free(this.#hashes[index]!)] = index + 1;
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
