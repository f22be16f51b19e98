// The simulated set of sessions: a seeded, lifelike initial population, churn (sessions that
// disconnect and connect at `churn` per second), kills with a TTL, and the listing order.
// Churn is evaluated lazily: whenever anyone looks, the events that should have happened by now
// are applied in time order from a dedicated PRNG stream. The result depends only on the seed and
// the clock, not on how often the API was polled, and no timer keeps the process alive.

import {servers, services} from './catalog.js';
import {createRandom, type Random} from './random.js';
import type {SimSession} from './session-record.js';
import {authDelay, createSession, type SessionFactory} from './session-factory.js';

export type PopulationOptions = {
	seed: number;
	size: number;
	churn: number;
	now: () => number;
	/**
	 * How long MaxScale has been up at the start (ms); left out, 2 to 20 days by the seed. Given
	 * (a restart played out: `--uptime 0`), no session is older than it, the ids start low and
	 * the services' total connections count only these (QA: a restart kept 16 days of uptime).
	 */
	uptimeMs?: number;
	/** Formats `connected` for this version. */
	formatConnected: (ms: number) => string;
};

const day = 86_400_000;

export class Population {
	readonly threads: number;
	readonly maxscaleStartedAt: number;
	/** Live sessions per service index, and every session ever opened (total_connections). */
	readonly serviceCurrent: number[];
	readonly serviceTotal: number[];
	private readonly byThread: SimSession[][];
	private readonly endedInThread: number[];
	private readonly live: SimSession[] = [];
	private readonly byId = new Map<number, SimSession>();
	private readonly pendingKills = new Set<SimSession>();
	/** Sessions built "Stopping session" that churn has not ended yet (see advance()). */
	private stopping: SimSession[] = [];
	private readonly rng: Random;
	private readonly churnRng: Random;
	private readonly connIds: number[];
	private readonly options: PopulationOptions;
	private readonly churnStart: number;
	private churnDone = 0;
	private nextId: number;
	private readonly idRate: number;
	private readonly factory: SessionFactory;

	constructor(options: PopulationOptions) {
		this.options = options;
		this.rng = createRandom(options.seed);
		this.churnRng = createRandom((options.seed ^ 0x5E_55_10_45) + 1);
		const rng = this.rng;
		const t0 = options.now();
		this.churnStart = t0;
		this.threads = rng.pick([2, 3, 4, 4, 4, 6, 8, 8]);
		// Drawn whether or not it is given: every value after it comes out the same either way.
		const drawnUptime = rng.int(2 * day, 20 * day);
		this.maxscaleStartedAt = t0 - (options.uptimeMs ?? drawnUptime);
		// Every connection ever made takes an id, so ids grow with the connection rate, not with
		// the number of sessions still open.
		this.idRate = 0.2 + (rng.next() * 3);
		this.connIds = servers.map(() => rng.int(1000, 400_000));
		this.serviceCurrent = services.map(() => 0);
		const totals = services.map(() => rng.int(5000, 2_000_000));
		this.serviceTotal = options.uptimeMs === undefined ? totals : services.map(() => 0);
		this.byThread = Array.from({length: this.threads}, () => []);
		this.endedInThread = Array.from({length: this.threads}, () => 0);
		this.nextId = 1;
		this.factory = {
			threads: this.threads,
			formatConnected: options.formatConnected,
			nextConnId: (server, random) => this.nextConnId(server, random),
		};
		this.buildInitial(t0);
	}

	/** Apply everything that should have happened by time t. */
	advance(t: number): void {
		const {churn} = this.options;
		const due = churn > 0 ? Math.floor(((t - this.churnStart) * churn) / 1000) : 0;
		while (this.churnDone < due) {
			const at = this.churnStart + (((this.churnDone + 1) * 1000) / churn);
			this.applyKills(at);
			this.churnDone++;
			// A stopping session is one whose close is under way, and in MaxScale such a close
			// completes shortly: so churn's closes take the stopping sessions first, which ends
			// them within the first 1/churn seconds each while keeping `churn` closes a second.
			// With churn 0 nothing opens or closes (frozen), and they stay.
			const stopping = this.nextStopping();
			if (stopping) {
				this.end(stopping);
			} else if (this.live.length > 0) {
				this.end(this.live[Math.floor(this.churnRng.next() * this.live.length)]!);
			}

			this.open(Math.ceil(at), this.churnRng);
		}

		this.applyKills(t);
	}

	/** Sessions in the order MaxScale lists them: worker by worker, in creation order within one. */
	list(): SimSession[] {
		const out: SimSession[] = [];
		for (const sessions of this.byThread) {
			for (const s of sessions) {
				if (!s.ended) {
					out.push(s);
				}
			}
		}

		return out;
	}

	get(id: number): SimSession | undefined {
		return this.byId.get(id);
	}

	/** Open a session connecting at time t (the Simulator's openSession, and churn). */
	open(t: number, rng: Random = this.rng): SimSession {
		const id = this.nextId;
		// Failed or refused connections also consume ids, so there are gaps.
		this.nextId += 1 + (rng.chance(0.3) ? rng.int(1, 4) : 0);
		const s = createSession(rng, id, t, authDelay(rng), this.factory);
		this.insert(s);
		return s;
	}

	end(s: SimSession): void {
		if (s.ended) {
			return;
		}

		s.ended = true;
		this.pendingKills.delete(s);
		this.byId.delete(s.id);
		const last = this.live.pop()!;
		if (last !== s) {
			this.live[s.liveIndex] = last;
			last.liveIndex = s.liveIndex;
		}

		this.serviceCurrent[services.indexOf(s.service)]!--;
		// Drop tombstones from the worker list once they make up half of it (amortised O(1)).
		const list = this.byThread[s.thread]!;
		const ended = ++this.endedInThread[s.thread]!;
		if (ended * 2 > list.length) {
			this.byThread[s.thread] = list.filter(x => !x.ended);
			this.endedInThread[s.thread] = 0;
		}
	}

	/**
	 * DELETE ?ttl=N. MaxScale checks the TTL once a second in Session::tick() with
	 * MXS_CLOCK_TO_SEC(now - start) > ttl, i.e. whole seconds elapsed must EXCEED ttl: the session
	 * is gone after ttl+1 seconds, not ttl.
	 */
	killAfter(s: SimSession, t: number, ttlSeconds: number): void {
		s.killAt = t + ((ttlSeconds + 1) * 1000);
		this.pendingKills.add(s);
	}

	/** POST .../restart: the backends are reconnected, so they get new connection ids. */
	restart(s: SimSession): void {
		for (const b of s.backends) {
			b.connectionId = this.nextConnId(b.server, this.rng);
		}

		s.renderVersion++;
	}

	private nextStopping(): SimSession | undefined {
		this.stopping = this.stopping.filter(s => !s.ended);
		return this.stopping.shift();
	}

	private applyKills(t: number): void {
		for (const s of this.pendingKills) {
			if (s.killAt <= t) {
				this.end(s);
			}
		}
	}

	private insert(s: SimSession): void {
		s.liveIndex = this.live.length;
		this.live.push(s);
		this.byId.set(s.id, s);
		this.byThread[s.thread]!.push(s);
		const i = services.indexOf(s.service);
		this.serviceCurrent[i]!++;
		this.serviceTotal[i]!++;
	}

	private buildInitial(t0: number): void {
		const rng = this.rng;
		const {size} = this.options;
		const uptime = t0 - this.maxscaleStartedAt;
		// A few sessions are caught half-way: still authenticating, or closing (until churn ends them).
		const halfStarted = size >= 10 ? Math.max(1, Math.round(size * 0.01)) : 0;
		const stopping = size >= 10 ? Math.max(1, Math.round(size * 0.005)) : 0;
		const ages: Array<{age: number; half: boolean}> = [];
		for (let i = 0; i < size; i++) {
			if (i < halfStarted) {
				ages.push({age: rng.int(200, 15_000), half: true});
			} else if (rng.chance(0.35)) {
				// Connection pools: opened at start-up or long ago.
				ages.push({age: rng.chance(0.25) ? uptime - rng.int(1000, 60_000) : Math.floor(uptime * Math.sqrt(rng.next())), half: false});
			} else {
				ages.push({age: Math.min(uptime - 1000, Math.floor(-Math.log(1 - rng.next()) * 900_000) + 500), half: false});
			}
		}

		// None older than MaxScale (a given uptime can be short): as drawn for one of days.
		for (const entry of ages) {
			entry.age = Math.max(0, Math.min(entry.age, uptime));
		}

		// Oldest first, so that ids grow with the connect time.
		ages.sort((a, b) => b.age - a.age);
		const stoppingAt = new Set<number>();
		while (stoppingAt.size < stopping) {
			const i = rng.int(0, size - 1);
			if (!ages[i]!.half) {
				stoppingAt.add(i);
			}
		}

		for (const [i, {age, half}] of ages.entries()) {
			const connectedAt = t0 - age;
			const counted = 1 + Math.floor(((connectedAt - this.maxscaleStartedAt) / 1000) * this.idRate);
			const id = Math.max(this.nextId, counted);
			this.nextId = id + 1;
			const s = createSession(rng, id, connectedAt, half ? age + rng.int(5000, 300_000) : authDelay(rng), this.factory);
			s.stopping = stoppingAt.has(i);
			this.insert(s);
			if (s.stopping) {
				this.stopping.push(s);
			}
		}
	}

	private nextConnId(server: string, rng: Random): number {
		const i = servers.findIndex(x => x.name === server);
		this.connIds[i]! += rng.int(1, 6);
		return this.connIds[i]!;
	}
}
