// The poll loop for one MaxScale. Polls never overlap: the next one is scheduled
// only when the previous one has ended, so a slow MaxScale is never asked twice
// at once. The version is learnt with the first poll, for the header and for which
// calls the server has (kill and restart from 22.08), and again a minute later, and after
// a failure: a MaxScale upgraded, or replaced by another on the same address between two
// polls, must not keep its old version (a kill would be sent to one that has no such call,
// and its 404 read as "already ended"). The list needs nothing from it (list-path.ts), so
// a poll asks for both at once.

import {setTimeout as wait} from 'node:timers/promises';
import type {Client} from './client.js';
import type {FetchList} from './list-thread.js';
import {originOf, type Origin} from './read-sessions.js';
import type {ApiError} from './errors.js';
import type {ServerInfo} from './server-info.js';
import {fetchServerInfo, fetchSessionList, type ListResult} from './sessions-api.js';
import {backoffMs, waitAfter} from '../model/schedule.js';

export type PollerEvents = {
	/** `waitMs`: the pause before the next poll (longer than the interval when polls are slow). */
	/** `manual`: asked for with r (or after a kill), to be shown even while paused. */
	onList(result: Extract<ListResult, {ok: true}>, waitMs: number, manual: boolean): void;
	/** `retryAt`: when the next attempt will be made (epoch ms), for the countdown. */
	onError(error: ApiError, at: number, retryAt: number): void;
	onServerInfo(info: ServerInfo): void;
};

/** How long a poll's list waits for the version asked beside it, so that the first shows with it. */
const versionWaitMs = 1000;


/** How old the version may grow before a poll asks for it again: one small request a minute. */
export const versionEveryMs = 60_000;

export class Poller {
	readonly #client: Client;
	readonly #events: PollerEvents;
	#intervalMs: number;
	#info: ServerInfo | undefined;
	/** A version request is on its way. */
	#learning = false;
	#timer: NodeJS.Timeout | undefined;
	#inFlight = false;
	#again = false;
	#stopped = false;
	#paused = false;
	#failures = 0;
	readonly #abort = new AbortController();

	readonly #origin: Origin;

	readonly #fetchList: FetchList;

	readonly #versionEveryMs: number;

	/**
	 * `fetchList`: how the list is fetched (the list worker's, in the app); on this thread by default.
	 * `versionMs`: how often the version is asked again (a test's shorter minute).
	 * `statements`: whether a list fetched here asks for each session's statements (the Statement column shows).
	 */
	constructor(
		client: Client,
		intervalMs: number,
		events: PollerEvents,
		{keyed = false, fetchList, versionMs = versionEveryMs, statements}: {keyed?: boolean; fetchList?: FetchList; versionMs?: number; statements?: () => boolean} = {},
	) {
		this.#client = client;
		this.#versionEveryMs = versionMs;
		this.#origin = originOf(client.target, keyed);
		this.#fetchList = fetchList ?? (async (signal) => fetchSessionList(client, signal, this.#origin, statements?.() ?? false));
		this.#intervalMs = intervalMs;
		this.#events = events;
	}

	get intervalMs(): number {
		return this.#intervalMs;
	}

	start(): void {
		void this.#poll();
	}

	/** Poll now; if a poll is running, poll again right after it. */
	refresh(): void {
		if (this.#stopped) {
			return;
		}

		if (this.#inFlight) {
			this.#again = true;
			return;
		}

		clearTimeout(this.#timer);
		this.#again = true; // Read by #poll as "asked for".
		void this.#poll();
	}

	/**
	 * The interval from now on. A poll already scheduled at the old pace comes sooner when
	 * the new one says so (after five + and as many -, not 10 s later): at the last poll's
	 * end plus the new pause, or at once if that has passed. A longer interval applies from
	 * the poll already scheduled; a failing MaxScale keeps its back-off.
	 */
	setInterval(ms: number): void {
		this.#intervalMs = ms;
		if (this.#timer === undefined || this.#failures > 0 || this.#paused) {
			return;
		}

		const delay = waitAfter(ms, this.#lastLatencyMs);
		if (delay < this.#nextDelay) {
			clearTimeout(this.#timer);
			this.#nextDelay = delay;
			this.#timer = setTimeout(() => void this.#poll(), Math.max(0, this.#scheduledAt + delay - Date.now()));
		}
	}

	/**
	 * Resumed, it polls at once when its next poll is not already on its way: the list on
	 * screen is as old as the pause, and waiting out a whole interval showed it, no longer
	 * PAUSED, as if it had just come. A poll scheduled before the pause (a pause shorter than
	 * the interval) is brought forward; a failing MaxScale keeps its back-off.
	 */
	setPaused(paused: boolean): void {
		const resumed = this.#paused && !paused;
		this.#paused = paused;
		if (!resumed || this.#stopped || this.#inFlight || (this.#failures > 0 && this.#timer !== undefined)) {
			return;
		}

		clearTimeout(this.#timer);
		void this.#poll();
	}

	/**
	 * Its lists showed the MaxScale restarted (model/poll.ts): its version is asked again with the
	 * next poll, not up to a minute later (QA: a 2.5 replaced by a 22.08 between two polls kept
	 * "2.5" in the header, and K out of the hints, for a minute).
	 */
	relearn(): void {
		this.#info = undefined;
	}

	/** Stop for good: cancels the request in flight (AbortSignal) and the timer. */
	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
		this.#abort.abort();
	}

	async #poll(): Promise<void> {
		this.#timer = undefined;
		if (this.#stopped) {
			return;
		}

		this.#inFlight = true;
		const manual = this.#again;
		this.#again = false;
		try {
			await this.#pollOnce(manual);
		} finally {
			this.#inFlight = false;
		}

		if (this.#again) {
			this.#again = false;
			void this.#poll();
			return;
		}

		this.#schedule();
	}

	#schedule(): void {
		if (this.#stopped || this.#paused) {
			return;
		}

		this.#scheduledAt = Date.now();
		this.#timer = setTimeout(() => void this.#poll(), this.#nextDelay);
	}

	#nextDelay = 0;
	/** When the pending timer was set, and the last good poll's time: what setInterval moves it by. */
	#scheduledAt = 0;
	#lastLatencyMs = 0;

	#failed(error: ApiError): void {
		this.#failures++;
		this.#nextDelay = backoffMs(this.#intervalMs, this.#failures);
		const at = Date.now();
		this.#events.onError(error, at, at + this.#nextDelay);
	}

	/** `manual`: asked for with r (or after a kill), so it shows even while paused. */
	async #pollOnce(manual: boolean): Promise<void> {
		this.#nextDelay = this.#intervalMs;
		const signal = this.#abort.signal;
		// Alongside the list (which goes on the list worker's own connection in the app), and
		// awaited before the list is shown, so the version is known with the first list.
		// Never two at once: one that hangs (a proxy holding /v1/maxscale) is not asked again each poll.
		const due = !this.#learning && (this.#info === undefined || Date.now() - this.#info.askedAt >= this.#versionEveryMs);
		let learning: Promise<void> | undefined;
		if (due) {
			this.#learning = true;
			learning = this.#learnVersion(signal).finally(() => {
				this.#learning = false;
			});
		}

		const result = await this.#fetchList(signal);
		// Waited for a moment only: a version that hung held every list for the whole timeout,
		// and the header said "no answer" of a MaxScale whose list came in 11 ms (QA). A later
		// version is shown when it comes (onServerInfo).
		await (learning === undefined ? undefined : Promise.race([learning, wait(versionWaitMs, undefined, {ref: false})]));
		// Paused while it was in flight: the screen stays as it was when p was pressed. The
		// model holds that too (it learns of p first, see poll.ts); this spares the answer's preparation.
		if (this.#stopped || (this.#paused && !manual)) {
			return;
		}

		if (result.ok) {
			this.#failures = 0;
			this.#lastLatencyMs = result.latencyMs;
			this.#nextDelay = waitAfter(this.#intervalMs, result.latencyMs);
			this.#events.onList(result, this.#nextDelay, manual);
		} else {
			this.#info = undefined; // Learn the version again once the server is back.
			this.#failed(result.error);
		}
	}

	async #learnVersion(signal: AbortSignal): Promise<void> {
		const info = await fetchServerInfo(this.#client, signal);
		if (this.#stopped) {
			return;
		}

		if ('kind' in info) {
			// No /v1/maxscale (2.1), a proxy that refuses it, or one that holds it until the
			// timeout: the version is unknown until it is next due (a version known before is
			// forgotten: this is another server). An auth or network failure shows on the list
			// request as well (which forgets the version), and it is asked again with the next poll.
			if (info.kind === 'not-found' || info.kind === 'http' || info.kind === 'timeout') {
				const known = this.#info?.version !== undefined;
				this.#info = {askedAt: Date.now()};
				if (known) {
					this.#events.onServerInfo(this.#info);
				}
			}

			return;
		}

		this.#info = info;
		this.#events.onServerInfo(info);
	}
}
