// The sessions of a list by key (Session.key), built anew for every poll.
//
// A hash table of positions in the list, kept in typed arrays rather than Maps. At 100k
// sessions a poll's index was ~3 MB of Map tables on V8's heap, all alive when the young
// generation is collected: copied there with the poll's sessions in pauses of 20–49 ms on
// the main thread (the keyboard's longest stalls, `--trace-gc-nvp`: 6–8 MB surviving each).
// Typed arrays live outside the heap and are never copied, and growing one rehashes
// integers (stored hashes, no key compared): well under a millisecond at 100k, where a Map
// of 100k keys doubling held the thread for 13–20 ms.

import type {Session} from './session.js';
import {stepItems, type Steps} from './steps.js';

/** What the model asks of an index: a Map of sessions satisfies it too (tests, an empty state). */
export type SessionLookup = {
	get(key: string): Session | undefined;
	has(key: string): boolean;
	readonly size: number;
	/** Each key's session once, in the order Map.values() gives: first place a key was seen, last session with it. */
	values(): Iterable<Session>;
};

/** A key's hash: FNV-1a over its UTF-16 units, then mixed so that counters' last digits spread over the table. */
export function hashOf(key: string): number {
	let hash = 0x81_1c_9d_c5;
	for (let i = 0; i < key.length; i++) {
		hash = Math.imul(hash ^ key.charCodeAt(i), 0x01_00_01_93);
	}

	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x7f_eb_35_2d);
	return hash ^ (hash >>> 15);
}

const initialCapacity = 1024;

/** Open addressing, linear probing: a slot holds a position in the list plus one (0: empty) and its key's hash. */
class KeyTable {
	#slots = new Int32Array(initialCapacity);
	#hashes = new Int32Array(initialCapacity);
	#mask = initialCapacity - 1;
	size = 0;
	readonly list: readonly Session[];

	constructor(list: readonly Session[], expected = 0) {
		this.list = list;
		if (expected * 2 > initialCapacity) {
			this.#resize(2 ** Math.ceil(Math.log2(expected * 2)));
		}
	}

	/** The session at `at` in the list: the last one with its key wins, as Map#set has it. */
	add(at: number): void {
		const key = this.list[at]!.key;
		const hash = hashOf(key);
		const slots = this.#slots;
		const hashes = this.#hashes;
		for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
			const slot = slots[i]!;
			if (slot === 0) {
				slots[i] = at + 1;
				hashes[i] = hash;
				if (++this.size * 2 > slots.length) {
					this.#resize(slots.length * 2);
				}

				return;
			}

			if (hashes[i] === hash && this.list[slot - 1]!.key === key) {
				slots[i] = at + 1;
				return;
			}
		}
	}

	/** The position of `key`'s session in the list, or -1. */
	find(key: string): number {
		const hash = hashOf(key);
		const slots = this.#slots;
		for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
			const slot = slots[i]!;
			if (slot === 0) {
				return -1;
			}

			if (this.#hashes[i] === hash && this.list[slot - 1]!.key === key) {
				return slot - 1;
			}
		}
	}

	#resize(capacity: number): void {
		const slots = this.#slots;
		const hashes = this.#hashes;
		this.#slots = new Int32Array(capacity);
		this.#hashes = new Int32Array(capacity);
		this.#mask = capacity - 1;
		for (let j = 0; j < slots.length; j++) {
			if (slots[j] !== 0) {
				let i = hashes[j]! & this.#mask;
				while (this.#slots[i] !== 0) {
					i = (i + 1) & this.#mask;
				}

				this.#slots[i] = slots[j]!;
				this.#hashes[i] = hashes[j]!;
			}
		}
	}
}

export class SessionIndex implements SessionLookup {
	/** The index of `list`, yielding every few thousand sessions (steps.ts). */
	static *build(list: readonly Session[]): Steps<SessionIndex> {
		const table = new KeyTable(list, list.length);
		for (let i = 0; i < list.length; i++) {
			if (i % stepItems === stepItems - 1) {
				yield;
			}

			table.add(i);
		}

		return new SessionIndex(table);
	}

	/**
	 * An index filled as `list` is (api/list-parts.ts: while the worker still reads the rest,
	 * the main thread mostly waiting): `add` each session just after pushing it; `of` the
	 * list is then the index build() would make of it, with no work left.
	 */
	static growing(list: readonly Session[]): {add(session: Session): void; of(list: readonly Session[]): SessionIndex} {
		const table = new KeyTable(list);
		let added = 0;
		return {
			add(session) {
				if (list[added] !== session) {
					throw new Error('SessionIndex.growing: sessions must be added in their list\'s order, once pushed');
				}

				table.add(added++);
			},
			of(whole) {
				if (whole !== list || added !== list.length) {
					throw new Error('SessionIndex.growing: the index is of the list it grew with, whole');
				}

				return new SessionIndex(table);
			},
		};
	}

	readonly #table: KeyTable;

	private constructor(table: KeyTable) {
		this.#table = table;
	}

	get size(): number {
		return this.#table.size;
	}

	get(key: string): Session | undefined {
		const at = this.#table.find(key);
		return at === -1 ? undefined : this.#table.list[at];
	}

	has(key: string): boolean {
		return this.#table.find(key) !== -1;
	}

	*values(): Generator<Session> {
		const list = this.#table.list;
		if (this.size === list.length) {
			// No key twice: the list is the values, in order.
			yield* list;
			return;
		}

		const seen = new Set<string>();
		for (const session of list) {
			if (!seen.has(session.key)) {
				seen.add(session.key);
				yield this.get(session.key)!;
			}
		}
	}
}
