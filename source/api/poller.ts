// The poll loop for one MaxScale. Polls never overlap: the next one is scheduled
// only when the previous one has ended, so a slow MaxScale is never asked twice
// at once. The version is learnt once (and again after a failure, in case the
// server was upgraded), because it decides whether sparse fieldsets may be sent.

import type {Client} from './client.js';
import type {FetchList} from './list-thread.js';
import type {Origin} from './read-sessions.js';
import type {ApiError} from './errors.js';
import {hasSparseFields, type ServerInfo} from './server-info.js';
import {fetchServerInfo, fetchSessionList, type ListResult} from './sessions-api.js';

export type PollerEvents = {
	/** `waitMs`: the pause before the next poll (longer than the interval when polls are slow). */
	/** `manual`: asked for with r (or after a kill), to be shown even while paused. */
	onList(result: Extract<ListResult, {ok: true}>, waitMs: number, manual: boolean): void;
	/** `retryAt`: when the next attempt will be made (epoch ms), for the countdown. */
	onError(error: ApiError, at: number, retryAt: number): void;
	onServerInfo(info: ServerInfo): void;
};

/** Failures in a row stretch the wait: interval × 2^(n-1), capped, with ±20 % jitter so many sessiontops do not retry in step. */
export function backoffMs(intervalMs: number, failures: number, random = Math.random): number {
	if (failures <= 0) {
		return intervalMs;
	}

	const capMs = Math.max(intervalMs, 30_000);
	const base = Math.min(capMs, intervalMs * 2 ** Math.min(failures - 1, 16));
	return Math.round(base * (0.8 + random() * 0.4));
}

/**
 * Be gentle on a busy MaxScale: when one poll takes more than a third of the
 * interval, wait twice as long as it took before the next, never less than the interval.
 */
export function pauseAfter(intervalMs: number, latencyMs: number): number {
	return latencyMs > intervalMs / 3 ? Math.max(intervalMs, Math.round(latencyMs * 2)) : intervalMs;
}

export class Poller {
	readonly #client: Client;
	readonly #events: PollerEvents;
	#intervalMs: number;
	#info: ServerInfo | undefined;
	#timer: NodeJS.Timeout | undefined;
	#inFlight = false;
	#again = false;
	#stopped = false;
	#paused = false;
	#failures = 0;
	readonly #abort = new AbortController();

	readonly #origin: Origin;

	readonly #fetchList: FetchList;

	/** `fetchList`: how the list is fetched (the list worker's, in the app); on this thread by default. */
	constructor(client: Client, intervalMs: number, events: PollerEvents, {keyed = false, fetchList}: {keyed?: boolean; fetchList?: FetchList} = {}) {
		this.#client = client;
		this.#origin = {host: client.target.label, keyed};
		this.#fetchList = fetchList ?? (async (sparse, signal) => fetchSessionList(client, sparse, signal, this.#origin));
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

	setInterval(ms: number): void {
		this.#intervalMs = ms;
	}

	setPaused(paused: boolean): void {
		this.#paused = paused;
		if (!paused && !this.#inFlight && this.#timer === undefined) {
			this.#schedule();
		}
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

		this.#timer = setTimeout(() => void this.#poll(), this.#nextDelay);
	}

	#nextDelay = 0;

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
		if (this.#info === undefined) {
			const info = await fetchServerInfo(this.#client, signal);
			if (this.#stopped) {
				return;
			}

			if ('kind' in info) {
				// Without the version we may not use sparse fields; an auth or network
				// failure will show again on the list request, so just go on.
				if (info.kind !== 'not-found' && info.kind !== 'http') {
					this.#failed(info);
					return;
				}

				this.#info = {askedAt: Date.now()}; // Version unknown: plain list requests only.
			} else {
				this.#info = info;
				this.#events.onServerInfo(info);
			}
		}

		const result = await this.#fetchList(hasSparseFields(this.#info), signal);
		// Paused while it was in flight: the screen stays as it was when p was pressed. The
		// model holds that too (it learns of p first, see poll.ts); this spares the answer's preparation.
		if (this.#stopped || (this.#paused && !manual)) {
			return;
		}

		if (result.ok) {
			this.#failures = 0;
			this.#nextDelay = pauseAfter(this.#intervalMs, result.latencyMs);
			this.#events.onList(result, this.#nextDelay, manual);
		} else {
			this.#info = undefined; // Learn the version again once the server is back.
			this.#failed(result.error);
		}
	}
}
