// A list arriving from the worker in parts (session-list-reader.ts), rebuilt into
// sessions a slice per turn of the event loop while the worker reads the rest: at 100k
// sessions, most of the rebuild is then done by the time the last bytes are read. So are
// the list's index by key and its summary (the header's counts, the columns' widths, the
// sessions per service), which the poll would otherwise work out after the last byte, on a
// core idle till then.
// A part of an earlier generation (the body's `data` came again) is void; so is all of
// it when the poll fails.

import {setImmediate as nextTurn} from 'node:timers/promises';
import type {Session} from '../model/session.js';
import {SessionIndex} from '../model/session-index.js';
import {SummaryFold, type Summary} from '../model/summary.js';
import type {Tally} from '../model/tally.js';
import {numberFields, SessionDecoder, type SessionColumns} from './session-columns.js';
import {runTimes} from './statement-clock.js';

/** Sessions rebuilt per slice: ~2–4 ms each on a small machine. */
export const sliceSize = 5000;

export class ListParts {
	readonly #previous: readonly Session[];
	#generation = 0;
	#sessions: Session[] = [];
	/** The sessions by key, each added as it is rebuilt: built while the worker reads the rest. */
	#index = SessionIndex.growing(this.#sessions);
	/** The summary of the sessions rebuilt so far, in their order. */
	#summary = new SummaryFold();
	#after = 0;
	readonly #queue: SessionColumns[] = [];
	/** Whether #run is working through the queue: set and cleared synchronously, so no part is ever left in it. */
	#busy = false;
	#running: Promise<void> = Promise.resolve();
	#dropped = false;
	/** The run-time columns of the parts sent ahead: arrivals until the list's end tells MaxScale's clock (done). */
	#arrivals: Float64Array[] = [];

	/** `previous`: the last list, whose strings the new one borrows (SessionDecoder). */
	constructor(previous: readonly Session[] = []) {
		this.#previous = previous;
	}

	/** `timed`: the list's last rows, their run times worked out already (session-list-reader.ts finish). */
	add(part: SessionColumns, generation: number, timed = false): void {
		if (this.#dropped) {
			return;
		}

		if (generation !== this.#generation) {
			this.#generation = generation;
			this.#sessions = [];
			this.#index = SessionIndex.growing(this.#sessions);
			this.#summary = new SummaryFold();
			this.#after = 0;
			this.#queue.length = 0;
			this.#arrivals = [];
		}

		if (!timed) {
			this.#arrivals.push(part.numbers[numberFields.indexOf('statementSeconds')]!);
		}

		this.#queue.push(part);
		if (!this.#busy) {
			this.#busy = true;
			this.#running = this.#run();
		}
	}

	/**
	 * The list, once every part added has been rebuilt: its index by key, its summary and its
	 * sessions per service (none of which reads what the run times change). `statementNow`:
	 * MaxScale's clock as the list's end told it, which times the parts' running statements.
	 */
	async done(statementNow = Number.NaN): Promise<{sessions: Session[]; index: SessionIndex; summary: Summary; services: Tally}> {
		while (this.#busy) {
			// eslint-disable-next-line no-await-in-loop
			await this.#running;
		}

		for (const arrivals of this.#arrivals) {
			runTimes(arrivals, statementNow);
		}

		this.#arrivals = [];

		return {sessions: this.#sessions, index: this.#index.of(this.#sessions), summary: this.#summary.result(), services: this.#summary.services};
	}

	/** The poll failed: stop, and keep nothing. */
	drop(): void {
		this.#dropped = true;
		this.#queue.length = 0;
		this.#sessions = [];
		this.#index = SessionIndex.growing(this.#sessions);
	}

	async #run(): Promise<void> {
		for (;;) {
			const part = this.#queue.shift();
			if (part === undefined || this.#dropped) {
				this.#busy = false;
				return;
			}

			const into = this.#sessions;
			const index = this.#index;
			const summary = this.#summary;
			const decoder = new SessionDecoder(part, this.#previous, {into, after: this.#after});
			// A newer generation (or a drop) makes the rest of this part nobody's business.
			for (;;) {
				const from = into.length;
				const finished = decoder.next(sliceSize) !== undefined;
				if (into !== this.#sessions) {
					break;
				}

				for (let i = from; i < into.length; i++) {
					index.add(into[i]!);
					summary.add(into[i]!);
				}

				if (finished) {
					break;
				}

				// eslint-disable-next-line no-await-in-loop
				await nextTurn();
			}

			if (into === this.#sessions) {
				this.#after = decoder.after;
			}
		}
	}
}
