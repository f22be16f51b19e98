// The share of a poll's work that goes a session at a time (the first half of the change
// tracking: change-walk.ts), done while the list arrives: the list worker's parts are
// rebuilt on the main thread as the worker reads the rest (api/list-parts.ts), and each
// slice of sessions is handed here as it is rebuilt. The main thread is all but idle
// then, and at 100k sessions the work is off the poll's last stretch, which is done once
// the last byte is read. The app makes one for each poll of a MaxScale, from the state as
// the poll starts; preparePoll takes its walk only if that state still stands.

import {ChangeWalk} from './change-walk.js';
import {hostKey} from './host-key.js';
import type {MonitorState} from './monitor-types.js';
import type {SessionLookup} from './session-index.js';
import type {Session} from './session.js';

export class PollAhead {
	readonly #host: string;
	readonly #previous: SessionLookup;
	readonly #previousList: readonly Session[];
	readonly #first: boolean;
	#walk: ChangeWalk;
	/** The list being walked (a new one when the body's `data` came again), and whether slices came out of order. */
	#sessions: readonly Session[] | undefined;
	#broken = false;

	/** `host`: the MaxScale polled (its label with several, as in the poll-ok action). */
	constructor(state: MonitorState, host: string | undefined) {
		this.#host = hostKey(state, host);
		this.#previous = state.byId;
		this.#previousList = state.sessions;
		this.#first = state.hosts[this.#host]?.lastPoll === undefined;
		this.#walk = this.#newWalk();
	}

	/** Sessions `from` to `to` of `sessions`, just rebuilt. */
	readonly take = (sessions: readonly Session[], from: number, to: number): void => {
		if (sessions !== this.#sessions) {
			this.#sessions = sessions;
			this.#walk = this.#newWalk();
			this.#broken = from !== 0;
		}

		if (this.#broken || from !== this.#walk.count) {
			this.#broken = true;
			return;
		}

		for (let i = from; i < to; i++) {
			this.#walk.add(sessions[i]!);
		}
	};

	/** The walk, when it went over exactly `sessions`, and `state` is still the one it was made for. */
	walkFor(state: MonitorState, host: string, sessions: readonly Session[]): ChangeWalk | undefined {
		const same = !this.#broken && sessions === this.#sessions && this.#walk.count === sessions.length;
		const basis = host === this.#host && state.byId === this.#previous && state.sessions === this.#previousList && (state.hosts[host]?.lastPoll === undefined) === this.#first;
		return same && basis ? this.#walk : undefined;
	}

	#newWalk(): ChangeWalk {
		return new ChangeWalk({previous: this.#previous, previousList: this.#previousList, first: this.#first});
	}
}
