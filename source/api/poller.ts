// The poll loop for one MaxScale. Polls never overlap: the next one is scheduled
// only when the previous one has ended, so a slow MaxScale is never asked twice
// at once. The version is learnt once (and again after a failure, in case the
// server was upgraded), because it decides whether sparse fieldsets may be sent.

import type {Client} from './client.js';
import type {Origin} from './read-sessions.js';
import type {ApiError} from './errors.js';
import {hasSparseFields, type ServerInfo} from './server-info.js';
import {fetchServerInfo, fetchSessionList, type ListResult} from './sessions-api.js';

export type PollerEvents = {
	onList(result: Extract<ListResult, {ok: true}>): void;
	onError(error: ApiError, at: number): void;
	onServerInfo(info: ServerInfo): void;
};

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
	readonly #abort = new AbortController();

	readonly #origin: Origin;

	constructor(client: Client, intervalMs: number, events: PollerEvents, {keyed = false} = {}) {
		this.#client = client;
		this.#origin = {host: client.target.label, keyed};
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
		this.#inFlight = true;
		try {
			await this.#pollOnce();
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

		this.#timer = setTimeout(() => void this.#poll(), this.#intervalMs);
	}

	async #pollOnce(): Promise<void> {
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
					this.#events.onError(info, Date.now());
					return;
				}

				this.#info = {askedAt: Date.now()}; // Version unknown: plain list requests only.
			} else {
				this.#info = info;
				this.#events.onServerInfo(info);
			}
		}

		const result = await fetchSessionList(this.#client, hasSparseFields(this.#info), signal, this.#origin);
		if (this.#stopped) {
			return;
		}

		if (result.ok) {
			this.#events.onList(result);
		} else {
			this.#info = undefined; // Learn the version again once the server is back.
			this.#events.onError(result.error, Date.now());
		}
	}
}
