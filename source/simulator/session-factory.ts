// How one simulated session is drawn: service, user, client host and connector, backends,
// query rhythm, and the handful of sizes its memory statistics are built from.

import {type ServiceDef, type UserDef, connectors, databases, services} from './catalog.js';
import type {Random} from './random.js';
import type {Backend, SimSession} from './session-record.js';

export type SessionFactory = {
	threads: number;
	formatConnected: (ms: number) => string;
	/** Backend connection ids grow per server, like MariaDB thread ids. */
	nextConnId: (server: string, rng: Random) => number;
};

export function createSession(rng: Random, id: number, connectedAt: number, authMs: number, env: SessionFactory): SimSession {
	const service = rng.weighted(services, services.map(x => x.weight));
	const user = rng.weighted(service.users, service.users.map(u => u.weight));
	const backendNames = chooseBackends(rng, service);
	const backends: Backend[] = backendNames.map(server => ({server, connectionId: env.nextConnId(server, rng), misc: rng.int(600, 820)}));
	const connector = rng.pick(user.connectors);
	const local = user.hosts.some(h => h.includes('127.0.0.1') || h === '::1');
	const {periodMs, busyMs: rawBusy} = rhythm(rng, user);
	const busyMs = Math.max(1, Math.min(rawBusy, Math.floor(periodMs * 0.8)));
	const retain = service.retainStatements;
	const rwsplit = service.router === 'readwritesplit';
	const sescmdLen = rwsplit ? rng.int(1, 12) : 0;
	return {
		id,
		idStr: String(id),
		thread: rng.int(0, env.threads - 1),
		service,
		user,
		remote: rng.pick(user.hosts),
		port: rng.int(32_768, 60_999),
		connectedAt,
		startedAt: connectedAt + authMs,
		seq: rng.u32(),
		backends,
		cipher: rng.chance(0.15) ? 'TLS_AES_256_GCM_SHA384' : '',
		connector,
		pid: rng.int(900, 3_900_000),
		serverHost: local ? '127.0.0.1' : '10.0.0.5',
		periodMs,
		phaseMs: rng.int(0, periodMs - 1),
		busyMs,
		retain,
		trace: retain > 0 && rng.chance(0.5),
		database: rng.chance(0.8) ? rng.pick(databases[user.kind]) : undefined,
		stopping: false,
		// NaN, not 0: V8 then stores these as doubles from the start, and setting a timestamp
		// later does not change the shape of 100k session objects.
		killAt: Number.NaN,
		ended: false,
		logLevels: 0,
		nanos: rng.int(0, 999_999),
		sescmdLen,
		sescmdBytes: sescmdLen * rng.int(30, 90),
		variablesBytes: rng.chance(0.1) ? rng.int(1, 5) * 48 : 0,
		execMetadata: connectors[connector]?.attributes[0]?.[1] === 'MariaDB Connector/J' && rng.chance(0.4) ? rng.int(1, 20) * 296 : 0,
		clientMisc: rng.int(600, 1100),
		connectedText: env.formatConnected(connectedAt),
		liveIndex: -1,
		renderVersion: 0,
		template: undefined,
		templateKey: -1,
		history: undefined,
		historyKey: Number.NaN,
		sparse: undefined,
	};
}

export function authDelay(rng: Random): number {
	// Most handshakes take milliseconds; some clients are slow enough to be seen "created".
	return rng.chance(0.1) ? rng.int(300, 3000) : rng.int(2, 40);
}

function chooseBackends(rng: Random, service: ServiceDef): string[] {
	const all = service.backends;
	if (service.fanout === 'all') {
		return [...all];
	}

	if (service.fanout === 'one') {
		return [rng.pick(all)];
	}

	// readwritesplit with lazy_connect on some clients: primary only, primary + one replica, or all.
	const r = rng.next();
	if (r < 0.35) {
		return [all[0]!];
	}

	if (r < 0.65) {
		return [all[0]!, rng.pick(all.slice(1))];
	}

	return [...all];
}

function rhythm(rng: Random, user: UserDef): {periodMs: number; busyMs: number} {
	const logUniform = (min: number, max: number): number => Math.floor(min * ((max / min) ** rng.next()));
	const kinds = {
		oltp: {period: [150, 30_000], busy: [1, 40]},
		readonly: {period: [1000, 120_000], busy: [2, 300]},
		shard: {period: [500, 60_000], busy: [2, 80]},
		analytics: {period: [5000, 1_800_000], busy: [200, 20_000]},
		admin: {period: [10_000, 600_000], busy: [1, 50]},
	} as const;
	const kind = kinds[user.kind];
	const busyMs = logUniform(kind.busy[0], kind.busy[1]);
	// 15% are pooled connections that hardly anyone uses: idle for minutes to hours.
	const periodMs = rng.chance(0.15) ? logUniform(600_000, 6 * 3_600_000) : logUniform(kind.period[0], kind.period[1]);
	return {periodMs, busyMs};
}
