// The sessions of a list by key (Session.key), built anew for every poll.
//
// One Map of 100k keys grows by doubling, and each doubling rehashes every entry in one
// call: the last one (65,536 entries to 131,072) held a poll's preparation for 13–20 ms
// at once on a two-core machine, more than twice the slice the keys may wait
// (ui/finish-in-slices.ts). Here the keys are spread over shards by a hash of their last
// characters, so a shard holds ~1/64 of the list and its rehashes take well under a
// millisecond. Lookups cost one short hash more.

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

export const shardCount = 64;

/**
 * The shard of a key: its length and last four characters mixed. Ids are counters and a
 * key ends with its id (`host#id` with several MaxScales), so the last digits vary most.
 */
export function shardOf(key: string): number {
	const n = key.length;
	let hash = n;
	for (let i = n > 4 ? n - 4 : 0; i < n; i++) {
		hash = Math.imul(hash ^ key.charCodeAt(i), 0x01_00_01_93);
	}

	return (hash ^ (hash >>> 15)) & (shardCount - 1);
}

const newShards = () => Array.from({length: shardCount}, () => new Map<string, Session>());

export class SessionIndex implements SessionLookup {
	/** The index of `list`, yielding every few thousand sessions (steps.ts). */
	static *build(list: readonly Session[]): Steps<SessionIndex> {
		const index = new SessionIndex(list);
		for (let i = 0; i < list.length; i++) {
			if (i % stepItems === stepItems - 1) {
				yield;
			}

			const session = list[i]!;
			index.#shards[shardOf(session.key)]!.set(session.key, session);
		}

		return index;
	}

	/**
	 * An index filled as a list arrives (api/list-parts.ts: while the worker still reads the
	 * rest, the main thread mostly waiting), each session added in the list's order; `of` the
	 * list they were added from is the index build() would make of it, with no work left.
	 */
	static growing(): {add(session: Session): void; of(list: readonly Session[]): SessionIndex} {
		const shards = newShards();
		return {
			add(session) {
				shards[shardOf(session.key)]!.set(session.key, session);
			},
			of: (list) => new SessionIndex(list, shards),
		};
	}

	readonly #list: readonly Session[];
	readonly #shards: Array<Map<string, Session>>;

	private constructor(list: readonly Session[], shards = newShards()) {
		this.#list = list;
		this.#shards = shards;
	}

	get size(): number {
		let size = 0;
		for (const shard of this.#shards) {
			size += shard.size;
		}

		return size;
	}

	get(key: string): Session | undefined {
		return this.#shards[shardOf(key)]!.get(key);
	}

	has(key: string): boolean {
		return this.#shards[shardOf(key)]!.has(key);
	}

	*values(): Generator<Session> {
		if (this.size === this.#list.length) {
			// No key twice: the list is the values, in order.
			yield* this.#list;
			return;
		}

		const seen = new Set<string>();
		for (const session of this.#list) {
			if (!seen.has(session.key)) {
				seen.add(session.key);
				yield this.get(session.key)!;
			}
		}
	}
}
