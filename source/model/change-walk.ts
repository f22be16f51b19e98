// The first half of a poll's change tracking (changes.ts), a session of the new list at a
// time: which are new, which took an old one's id, each service's count, and which of the
// last list were found again. trackChangesSteps walks a whole list with it; the list
// worker's parts feed one as they are rebuilt (poll-ahead.ts), while the rest is read.

import type {SessionLookup} from './session-index.js';
import {sameSession, type Session} from './session.js';
import {lookAhead} from './in-order.js';
import {Tally} from './tally.js';

/** What the walk needs of the poll before: the same facts trackChanges is given. */
export type WalkFacts = {
	previous: SessionLookup;
	/** The sessions `previous` was built from, in order; used only when it holds exactly them (see PollFacts). */
	previousList?: readonly Session[];
	/** The host's first answer: nothing it lists is new. */
	first: boolean;
};

export class ChangeWalk {
	/** The last list, when it can be walked in order; then `found` marks those met again. */
	readonly list: readonly Session[] | undefined;
	readonly found: Uint8Array | undefined;
	/** Sessions walked. */
	count = 0;
	opened = 0;
	/** Sessions under an old one's id: each closed one too. */
	closed = 0;
	/** Keys that are new this poll, in order (born at this poll). */
	readonly born: string[] = [];
	readonly replaced = new Set<string>();
	youngestNew = Number.POSITIVE_INFINITY;
	/** Sessions per service, for the sparklines. */
	readonly counts = new Tally();
	readonly #previous: SessionLookup;
	readonly #first: boolean;
	#after = 0;

	constructor(facts: WalkFacts) {
		const {previous, previousList} = facts;
		// A list comes back mostly in the order of the last one (MaxScale lists by id), so each
		// session is first looked for a few places past the last one found there, by key (the
		// very string, when the list worker kept it): 200k Map look-ups a poll at 100k sessions
		// were ~40 ms, each a cache miss. What the walk does not find is looked up as before.
		this.list = previousList?.length === previous.size ? previousList : undefined;
		this.found = this.list === undefined ? undefined : new Uint8Array(this.list.length);
		this.#previous = previous;
		this.#first = facts.first;
	}

	add(session: Session): void {
		this.count++;
		this.counts.add(session.service);
		const {list} = this;
		let before: Session | undefined;
		if (list !== undefined) {
			const after = this.#after;
			for (let j = after; j < after + lookAhead && j < list.length; j++) {
				if (list[j]!.key === session.key) {
					this.found![j] = 1;
					this.#after = j + 1;
					before = list[j];
					break;
				}
			}
		}

		if (this.#first) {
			return;
		}

		before ??= this.#previous.get(session.key);
		if (before === undefined) {
			this.opened++;
			this.born.push(session.key);
			if (session.ageSeconds !== undefined && session.ageSeconds < this.youngestNew) {
				this.youngestNew = session.ageSeconds;
			}
		} else if (!sameSession(before, session)) {
			// Another session under the old one's id: one ended, one opened.
			this.opened++;
			this.closed++;
			this.born.push(session.key);
			this.replaced.add(session.key);
		}
	}
}
