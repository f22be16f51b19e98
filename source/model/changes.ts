// What changed between two polls: sessions that are new (highlighted for a few
// polls), sessions that ended (kept greyed for a few polls, then gone), the
// open/close rates, and each service's session count over time for the sparklines.

import type {SessionLookup} from './session-index.js';
import {plainSession, sameSession, type Session} from './session.js';
import {lookAhead} from './in-order.js';
import {finish, stepItems, type Steps} from './steps.js';
import {Tally} from './tally.js';

/**
 * How many polls a new session stays highlighted and an ended one stays greyed: polls of
 * its own MaxScale (hostPolls), each watched one being polled on its own schedule.
 */
export const highlightPolls = 3;
/** Samples of each service's count kept for the sparklines. */
export const historyLength = 60;
/** Each MaxScale's polls behind the rates. */
export const windowPolls = 5;

/** Up to how many sessions ended in one poll are copied out of their list (trackChangesSteps). */
const copiedGhosts = 2048;

/** An ended session; `endedAtPoll` counts its MaxScale's polls (hostPolls), `host` names it. */
export type Ghost = {session: Session; host: string; endedAtPoll: number};

export type Changes = {
	/** Key → the MaxScale whose poll brought it, and that MaxScale's poll (hostPolls) then (only keys still highlighted). */
	born: Map<string, {host: string; poll: number}>;
	ghosts: Ghost[];
	/**
	 * Polls answered by each MaxScale, by its key in `hosts`. New and ended sessions age by
	 * their own MaxScale's polls: counted over all hosts' polls, with three MaxScales an
	 * ended row went three times as fast.
	 */
	hostPolls: ReadonlyMap<string, number>;
	/** Opened and closed per second over the recent polls: each MaxScale's, summed. */
	rates: {opened: number; closed: number};
	/**
	 * Each MaxScale's recent polls behind the rates, by its key in `hosts`: `seconds` since
	 * its own previous poll. One window over every host's polls mixed a host's two seconds
	 * of sessions with the fraction of a second since another host's poll: with three, the
	 * header said 14/s for 9.
	 */
	window: ReadonlyMap<string, ReadonlyArray<{opened: number; closed: number; seconds: number}>>;
	/** Service → its session count at each of the last polls, oldest first. */
	history: Map<string, number[]>;
	/**
	 * Keys that the last poll found naming another session than before (sameSession: its
	 * MaxScale restarted and numbered anew): counted as one ended and one new session, and
	 * what the operator had on the old one (marks, the pane) is let go (poll.ts).
	 */
	replaced: ReadonlySet<string>;
	/**
	 * The least age of the sessions the last poll found new (seconds), if any: each opened
	 * since the poll before, so an age far past that gap proves the ages wrong (zone-hint.ts).
	 */
	youngestNew?: number;
};

export const noChanges: Changes = {
	born: new Map(),
	ghosts: [],
	hostPolls: new Map(),
	rates: {opened: 0, closed: 0},
	window: new Map(),
	history: new Map(),
	replaced: new Set(),
};

export type PollFacts = {
	previous: SessionLookup;
	/**
	 * The sessions `previous` was built from, in their order (the state's list). Optional: it
	 * only spares look-ups, and is used only when its length is `previous.size` (no key twice).
	 */
	previousList?: readonly Session[];
	next: readonly Session[];
	nextById: SessionLookup;
	/**
	 * The MaxScale that answered (its key in `hosts`). Only its own sessions can have opened or
	 * ended: the others' lists are the ones they last sent.
	 */
	host: string;
	/**
	 * Seconds since this MaxScale's previous poll, or undefined for its first answer: then
	 * nothing it lists is new (its sessions were there all along), and no rate is counted.
	 */
	seconds: number | undefined;
	/** `next`'s sessions per service, when already counted (as the list arrived: api/list-parts.ts). */
	services?: Tally;
	/**
	 * Whether some MaxScale watched has not answered yet: its services' counts would be missing
	 * from the sample, and the sparklines would climb at start as no session did. Unsampled then.
	 */
	partial?: boolean;
};

export function trackChanges(changes: Changes, facts: PollFacts): Changes {
	return finish(trackChangesSteps(changes, facts));
}

/** trackChanges, yielding every few thousand sessions (see steps.ts). */
export function* trackChangesSteps(changes: Changes, facts: PollFacts): Steps<Changes> {
	const {previous, next, nextById, host, seconds} = facts;
	const poll = (changes.hostPolls.get(host) ?? 0) + 1;
	const hostPolls = new Map(changes.hostPolls).set(host, poll);
	// A list comes back mostly in the order of the last one (MaxScale lists by id), so each
	// session is first looked for a few places past the last one found there, by key (the
	// very string, when the list worker kept it): 200k Map look-ups a poll at 100k sessions
	// were ~40 ms, each a cache miss. What the walk does not find is looked up as before.
	const list = facts.previousList?.length === previous.size ? facts.previousList : undefined;
	const found = list === undefined ? undefined : new Uint8Array(list.length);
	let after = 0;
	const first = seconds === undefined;
	const born = new Map<string, {host: string; poll: number}>();
	for (const [key, at] of changes.born) {
		if ((at.host !== host || poll - at.poll < highlightPolls) && nextById.has(key)) {
			born.set(key, at);
		}
	}

	// Plain loops over values: at 100k sessions, iterating [key, value] pairs allocates an array per entry.
	let opened = 0;
	let closed = 0;
	const replaced = new Set<string>();
	let youngestNew = Number.POSITIVE_INFINITY;
	const counted = facts.services;
	const counts = counted ?? new Tally();
	for (let i = 0; i < next.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const session = next[i]!;
		if (counted === undefined) {
			counts.add(session.service);
		}

		let before: Session | undefined;
		if (list !== undefined) {
			for (let j = after; j < after + lookAhead && j < list.length; j++) {
				if (list[j]!.key === session.key) {
					found![j] = 1;
					after = j + 1;
					before = list[j];
					break;
				}
			}
		}

		if (first) {
			continue;
		}

		before ??= previous.get(session.key);
		if (before === undefined) {
			opened++;
			born.set(session.key, {host, poll});
			if (session.ageSeconds !== undefined && session.ageSeconds < youngestNew) {
				youngestNew = session.ageSeconds;
			}
		} else if (!sameSession(before, session)) {
			// Another session under the old one's id: one ended, one opened.
			opened++;
			closed++;
			born.set(session.key, {host, poll});
			replaced.add(session.key);
		}
	}

	const ghosts = changes.ghosts.filter((ghost) => (ghost.host !== host || poll - ghost.endedAtPoll < highlightPolls) && !nextById.has(ghost.session.key));
	const kept = ghosts.length;
	let seen = 0;
	// The list holds exactly the Map's values, in the same order (keys are unique): found ones are still there.
	for (const session of list ?? previous.values()) {
		if (++seen % stepItems === 0) {
			yield;
		}

		if (found?.[seen - 1] !== 1 && !nextById.has(session.key)) {
			closed++;
			ghosts.push({session, host, endedAtPoll: poll});
		}
	}

	// A polled session reads its fields from its list's columns (api/column-session.ts): kept
	// as it is, a ghost would keep that list's columns alive for its three polls, and a few
	// dozen ended sessions a poll, spread over a 100,000-session list, would keep every part
	// of three old lists (~9 MB each). A few are copied out; when many end at once (a
	// restart), the columns are the smaller thing to keep.
	if (ghosts.length - kept <= copiedGhosts) {
		for (let i = kept; i < ghosts.length; i++) {
			ghosts[i] = {...ghosts[i]!, session: plainSession(ghosts[i]!.session)};
		}
	}

	const own = first ? [] : [...(changes.window.get(host) ?? []), {opened, closed, seconds}].slice(-windowPolls);
	const window = new Map(changes.window).set(host, own);
	const history = facts.partial ? changes.history : nextHistory(changes.history, counts.names(), (service) => counts.get(service));
	return {born, ghosts, hostPolls, rates: ratesOf(window), window, history, replaced, ...(youngestNew === Number.POSITIVE_INFINITY ? {} : {youngestNew})};
}

/** The sparklines after one more poll: each service's count appended, the oldest dropped past the window. */
export function nextHistory(history: Changes['history'], names: Iterable<string>, count: (service: string) => number | undefined): Changes['history'] {
	const next = new Map<string, number[]>();
	for (const service of new Set([...history.keys(), ...names])) {
		const samples = [...(history.get(service) ?? []), count(service) ?? 0].slice(-historyLength);
		// A service that has had no session for the whole window leaves the header.
		if (samples.some((sample) => sample > 0)) {
			next.set(service, samples);
		}
	}

	return next;
}

/**
 * The rates of the MaxScales whose polls answer (a failing one's last rates are no news: with
 * several, the sum read as live while all of it came from the one down), or undefined when none
 * has two answers to count from.
 */
export function liveRates(changes: Changes, failing: (host: string) => boolean): Changes['rates'] | undefined {
	const live = new Map([...changes.window].filter(([host, samples]) => samples.length > 0 && !failing(host)));
	return live.size === 0 ? undefined : ratesOf(live);
}

/** Opened and closed per second: each MaxScale's over its window, summed. */
export function ratesOf(window: Changes['window']): Changes['rates'] {
	const rate = (pick: (sample: {opened: number; closed: number}) => number) => {
		let sum = 0;
		for (const samples of window.values()) {
			const totalSeconds = samples.reduce((total, sample) => total + sample.seconds, 0);
			sum += totalSeconds > 0 ? samples.reduce((total, sample) => total + pick(sample), 0) / totalSeconds : 0;
		}

		return sum;
	};

	return {opened: rate((s) => s.opened), closed: rate((s) => s.closed)};
}

/**
 * Whether a MaxScale's new list shows it restarted (or another took its address): one of its
 * ids now names another session (`replaced`), or not one session of its last list (`before`
 * sessions, `kept` of them still listed) is left in a list that is not empty. The live poll
 * (poll.ts) and a replay's jump (replay-changes.ts) both go by it.
 */
export function showsRestart(replaced: boolean, before: number, after: number, kept: boolean): boolean {
	return replaced || (before > 0 && after > 0 && !kept);
}

/**
 * Whether a poll of a MaxScale (`before`: its status before it) comes after a gap its rates
 * cannot span: it was failing, or `gap` (s) since its last poll is far longer than the one
 * before (a pause). By the polls alone, not the window, so that a replay's jump
 * (replay-changes.ts) counts it from the frames as the live poll (poll.ts) did. What opened and closed in the gap
 * cannot be seen, and the net change over minutes read as a trickle for five polls (QA: +1.8/s
 * for 5/s after a pause of two and a half minutes): the rates start afresh, as after a restart.
 */
export function gapped(before: {readonly error?: unknown; readonly gapSeconds?: number | undefined} | undefined, gap: number | undefined, failedBefore = before?.error !== undefined): boolean {
	if (gap === undefined) {
		return false;
	}

	const usual = before?.gapSeconds;
	return failedBefore || (usual !== undefined && gap > Math.max(3 * usual, 10));
}

/**
 * `changes` once `host` has shown it restarted (poll.ts): every session it lists is another
 * than before, and counting them as opened and closed in one poll made a rate of a hundred
 * and more a second out of a restart (QA). Its rates start afresh from its next poll.
 */
export function afterRestart(changes: Changes, host: string): Changes {
	const window = new Map(changes.window).set(host, []);
	return {...changes, window, rates: ratesOf(window)};
}
