// Interning of the short texts a list repeats (states, users, services; and from one poll
// to the next, ids and `connected`), found by their bytes before any string is made.

import type {Buffer} from 'node:buffer';
import {jsonPlainBytes as plainBytes} from './json-string-token.js';
import type {Slicers} from './json-text.js';

/** The scanner looks strings up to this length that need no decoding up here (json-scanner.ts); intern() holds no longer one. */
export const shortString = 64;
// FNV-1a, as int32s: as a double the loops would convert the hash at every byte.
const fnvOffset = 0x81_1c_9d_c5 | 0;
const fnvPrime = 0x01_00_01_93;

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
	/** Per text, a number its user keeps with it (NaN: none yet): see numberOf. */
	#numbers = new Float64Array(512).fill(Number.NaN);
	readonly #texts: string[] = [];
	readonly #maxSize: number;
	/**
	 * The entry of the text the last get() or intern() gave (its index, in the order texts
	 * came), or -1 for a text it does not hold: a reader keeps what it worked out about a
	 * text by its entry, read in much the order the last poll wrote it, rather than in a Map.
	 */
	last = -1;
	/** Counts the times the table was emptied: entries from before name other texts since. */
	epoch = 0;
	#numbersTag = '';

	constructor(maxSize = 1 << 19) {
		this.#maxSize = maxSize;
	}

	get(bytes: Buffer, start: number, end: number): string {
		let hash = fnvOffset;
		for (let i = start; i < end; i++) {
			hash = Math.imul(hash ^ bytes[i]!, fnvPrime);
		}

		const places = this.#places;
		const mask = places.length - 1;
		const length = end - start;
		let place = hash & mask;
		for (let entry = places[place]!; entry !== 0; entry = places[place]!) {
			if (this.#hashes[entry - 1] === hash) {
				const found = this.#texts[entry - 1]!;
				if (found.length === length && sameBytes(found, bytes, start)) {
					this.last = entry - 1;
					return found;
				}
			}

			place = (place + 1) & mask;
		}

		return this.#added(hash, (bytes as unknown as Slicers).latin1Slice(start, end), place);
	}

	/**
	 * The table's own copy of `text` when it is one a get() could have given (at most
	 * shortString characters, each a plain byte of a JSON string: printable ASCII but `"` and
	 * `\`), so that a text decoded another way (escaped, or a number made an id) has the same
	 * entry; else `text` itself, `last` -1.
	 */
	intern(text: string): string {
		if (text.length > shortString) {
			this.last = -1;
			return text;
		}

		let hash = fnvOffset;
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			if (plainBytes[code] !== 1) {
				this.last = -1;
				return text;
			}

			hash = Math.imul(hash ^ code, fnvPrime);
		}

		const places = this.#places;
		const mask = places.length - 1;
		let place = hash & mask;
		for (let entry = places[place]!; entry !== 0; entry = places[place]!) {
			if (this.#hashes[entry - 1] === hash && this.#texts[entry - 1] === text) {
				this.last = entry - 1;
				return this.#texts[entry - 1]!;
			}

			place = (place + 1) & mask;
		}

		return this.#added(hash, text, place);
	}

	/** The numbers kept are for `tag`: those kept for another are forgotten. */
	numbersFor(tag: string): void {
		if (tag !== this.#numbersTag) {
			this.#numbersTag = tag;
			this.#numbers.fill(Number.NaN);
		}
	}

	/** The number kept with the text of `entry` (NaN if none): what its user worked out from it before. */
	numberOf(entry: number): number {
		return this.#numbers[entry]!;
	}

	keep(entry: number, value: number): void {
		this.#numbers[entry] = value;
	}

	/** A text not held yet, whose hash is free at `place`. */
	#added(hash: number, text: string, at: number): string {
		let place = at;
		const size = this.#texts.length;
		if (size >= this.#maxSize) {
			this.#places.fill(0);
			this.#texts.length = 0;
			this.#numbers.fill(Number.NaN);
			this.epoch++;
			place = hash & (this.#places.length - 1);
		} else if (size * 2 >= this.#places.length) {
			this.#grow();
			place = this.#free(hash);
		}

		this.#add(hash, text, place);
		this.last = this.#texts.length - 1;
		return text;
	}

	#add(hash: number, text: string, place: number): void {
		const index = this.#texts.length;
		if (index === this.#hashes.length) {
			const hashes = new Int32Array(index * 2);
			hashes.set(this.#hashes);
			this.#hashes = hashes;
			const numbers = new Float64Array(index * 2).fill(Number.NaN);
			numbers.set(this.#numbers);
			this.#numbers = numbers;
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
