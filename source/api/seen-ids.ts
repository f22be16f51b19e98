// The ids a list has given so far, for the list reader's "a repeated id is dropped, the first
// wins". A Set of 100k ids, emptied and grown again every poll, cost ~35 ms of a 100k scan:
// each add a cache miss, and the table rehashed a dozen times on the way. An id is nearly
// always a text of the scanner's StringTable, whose entries come in the order the last poll
// wrote them: one byte per entry, read and written in that same order, tells the same.

import type {StringTable} from './string-table.js';

export class SeenIds {
	readonly #strings: StringTable;
	/** Per entry of #strings: 1 once its text was an id of this list. */
	#entries = new Uint8Array(0);
	/** The table's epoch when this list began: once it was emptied, its entries name other texts. */
	#epoch: number;
	/** The ids that are no entry's (too long, or beyond plain ASCII); all of them once the table was emptied. */
	readonly #others = new Set<string>();
	/** Every id taken, in order, in case the table is emptied halfway (it holds 512k texts). */
	readonly #taken: string[] = [];
	#bySet = false;

	constructor(strings: StringTable) {
		this.#strings = strings;
		this.#epoch = strings.epoch;
	}

	/** Forgets every id (the body's `data` came again). */
	clear(): void {
		this.#entries = new Uint8Array(0);
		this.#epoch = this.#strings.epoch;
		this.#others.clear();
		this.#taken.length = 0;
		this.#bySet = false;
	}

	/**
	 * Whether `id` is new to this list, and from now on taken. `entry`: its entry in the
	 * table, as the scanner gave it (-1 for a text the scanner did not look up there).
	 */
	add(id: string, entry: number): boolean {
		const strings = this.#strings;
		let at = entry;
		if (at < 0) {
			// Decoded another way (escapes, a chunk's end, a number): the table's own copy, if it can hold it.
			strings.intern(id);
			at = strings.last;
		}

		if (strings.epoch !== this.#epoch && !this.#bySet) {
			this.#bySet = true;
			for (const taken of this.#taken) {
				this.#others.add(taken);
			}
		}

		if (at < 0 || this.#bySet) {
			const size = this.#others.size;
			return this.#others.add(id).size !== size && this.#took(id);
		}

		if (at >= this.#entries.length) {
			const grown = new Uint8Array(Math.max(1024, (at + 1) * 2));
			grown.set(this.#entries);
			this.#entries = grown;
		}

		if (this.#entries[at] === 1) {
			return false;
		}

		this.#entries[at] = 1;
		return this.#took(id);
	}

	#took(id: string): true {
		this.#taken.push(id);
		return true;
	}
}
