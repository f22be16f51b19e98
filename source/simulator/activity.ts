// What a session is doing at time t, derived from its record and the clock alone. Query k of a
// session arrives at startedAt + phaseMs + k * periodMs and runs for about busyMs, so `idle`
// grows in real time and drops back to 0 when the next query arrives, io_activity follows the
// query rate, and `queries` (retain_last_statements) and `log` (session_trace) replay the same
// deterministic history whenever they are asked for.

import {type SqlKind, statements} from './catalog.js';
import {isoLocal, logTimestamp} from './dates.js';
import {hash32, hashUnit} from './random.js';
import type {SimSession} from './session-record.js';
import type {VersionCaps} from './versions.js';

/** The `state` attribute: 2.2 never lists half-started sessions; 2.4+ call them "Session created". */
export function stateOf(s: SimSession, caps: VersionCaps, t: number): string {
	if (s.stopping) {
		return 'Stopping session';
	}

	return !caps.createdState || isStarted(s, t) ? caps.startedState : 'Session created';
}

export type QueryView = {
	command: string;
	statement: string;
	received: string;
	completed: string | undefined;
	responses: Array<{duration: number; server: string}>;
};

export function isStarted(s: SimSession, t: number): boolean {
	return t >= s.startedAt;
}

/** Index of the latest query that has arrived by time t, or -1. */
function lastQuery(s: SimSession, t: number): number {
	const since = t - s.startedAt - s.phaseMs;
	return since < 0 ? -1 : Math.floor(since / s.periodMs);
}

function queryStart(s: SimSession, k: number): number {
	return s.startedAt + s.phaseMs + (k * s.periodMs);
}
function queryDuration(s: SimSession, k: number): number {
	return Math.max(1, Math.round(s.busyMs * (0.3 + (1.4 * hashUnit(s.seq, k + 0x1000)))));
}

/**
 * `idle` in seconds. MaxScale measures it in 100 ms clock ticks and divides as a double, hence
 * 0.1 steps printed as 5.0999999999999996. 23.02+ report 0.0 while a query is in progress.
 */
export function idleSeconds(s: SimSession, t: number, zeroWhenBusy: boolean): number {
	const k = lastQuery(s, t);
	let lastRead = s.connectedAt;
	if (isStarted(s, t)) {
		lastRead = k < 0 ? s.startedAt : queryStart(s, k);
		if (zeroWhenBusy && k >= 0 && t - lastRead < queryDuration(s, k)) {
			return 0;
		}
	}

	return Math.floor(Math.max(0, t - lastRead) / 100) / 10;
}

/**
 * Changes exactly when queries, log and memory.last_queries change: when a query arrives or the
 * newest one completes. Used to cache their rendering between polls.
 */
export function historyKey(s: SimSession, t: number): number {
	if (!isStarted(s, t)) {
		return -1;
	}

	const k = lastQuery(s, t);
	return k < 0 ? 0 : (k * 2) + 1 + (t >= queryStart(s, k) + queryDuration(s, k) ? 1 : 0);
}

/** seconds_alive (24.02): nanosecond resolution, like mxb::to_secs(Clock::now() - m_started). */
export function secondsAlive(s: SimSession, t: number): number {
	return Math.max(0, ((t - s.connectedAt) / 1000) + (s.nanos / 1e9));
}

/** I/O events in the last 30 seconds: a read and a write on each side per query. */
export function ioActivity(s: SimSession, t: number): number {
	if (!isStarted(s, t)) {
		return 2;
	}

	const k = lastQuery(s, t);
	const before = lastQuery(s, t - 30_000);
	return ((k - Math.max(before, -1)) * 4) + (t - s.startedAt < 30_000 ? 3 : 0);
}

function statementOf(s: SimSession, k: number): string {
	const list = statements[s.user.kind as SqlKind];
	return list[hash32(s.seq, k) % list.length]!;
}

function isWrite(sql: string): boolean {
	return /^(insert|update|delete|start|commit|truncate|load|analyze)/i.test(sql);
}
function isSessionCommand(sql: string): boolean {
	return /^(set|use)\b/i.test(sql);
}

/** Which backends answer query k: session commands go to all, writes to the primary. */
function targets(s: SimSession, k: number, sql: string): string[] {
	const names = s.backends.map(b => b.server);
	if (names.length <= 1 || isSessionCommand(sql)) {
		return names;
	}

	if (s.service.router === 'readwritesplit') {
		return isWrite(sql) || names.length === 1 ? [names[0]!] : [names[1 + (hash32(s.seq, k + 0x2000) % (names.length - 1))]!];
	}

	return [names[hash32(s.seq, k + 0x2000) % names.length]!];
}

/** The retained statements (retain_last_statements), newest first, as Session::QueryInfo::as_json. */
export function queries(s: SimSession, t: number): QueryView[] {
	if (s.retain === 0 || !isStarted(s, t)) {
		return [];
	}

	const out: QueryView[] = [];
	const newest = lastQuery(s, t);
	for (let k = newest; k >= 0 && k > newest - s.retain; k--) {
		const sql = statementOf(s, k);
		const start = queryStart(s, k);
		const duration = queryDuration(s, k);
		const done = t >= start + duration;
		out.push({
			command: /^prepare/i.test(sql) ? 'COM_STMT_PREPARE' : 'COM_QUERY',
			statement: sql,
			received: isoLocal(start),
			completed: done ? isoLocal(start + duration) : undefined,
			// A response is booked when a server answers; until then the list is empty.
			responses: done ? targets(s, k, sql).map((server, i) => ({duration: Math.max(0, duration - i), server})) : [],
		});
	}

	return out;
}

/** session_trace lines for the last few queries, oldest first; `millis`: timed to the millisecond (VersionCaps.logMillis). */
export function traceLog(s: SimSession, t: number, millis = false): string[] {
	if (!s.trace || !isStarted(s, t)) {
		return [];
	}

	const out: string[] = [];
	const newest = lastQuery(s, t);
	for (let k = Math.max(0, newest - 2); k <= newest; k++) {
		const sql = statementOf(s, k);
		const when = logTimestamp(queryStart(s, k), millis);
		const type = isWrite(sql) ? 'QUERY_TYPE_WRITE' : (isSessionCommand(sql) ? 'QUERY_TYPE_SESSION_WRITE' : 'QUERY_TYPE_READ');
		const prefix = `${when}   info   : (${s.idStr}) [${s.service.router}] (${s.service.name}); `;
		out.push(`${prefix}> Autocommit: [enabled], trx is [not open], cmd: (0x03) COM_QUERY, plen: ${Buffer.byteLength(sql) + 1}, type: ${type}, stmt: ${sql}`);
		out.push(`${prefix}Route query to ${isWrite(sql) ? 'master' : 'slave'}: ${targets(s, k, sql).join(', ')} <`);
	}

	return out;
}

export type MemoryView = {
	client: {misc: number; readq: number; writeq: number; total: number};
	backends: Array<{server: string; misc: number; readq: number; writeq: number; total: number}>;
	connectionBuffers: number;
	lastQueries: number;
	total: number;
};

/** Session memory as in get_memory_statistics(): buffers + retained queries + variables + protocol data. */
export function memory(s: SimSession, t: number): MemoryView {
	const started = isStarted(s, t);
	// The client read buffer is kept at 64 KiB once the session has read a query.
	const readq = started ? 65_536 : 0;
	const client = {misc: s.clientMisc, readq, writeq: 0, total: s.clientMisc + readq};
	const backends = started ? s.backends.map(b => ({server: b.server, misc: b.misc, readq: 0, writeq: 0, total: b.misc})) : [];
	let connectionBuffers = client.total;
	for (const b of backends) {
		connectionBuffers += b.total;
	}

	let lastQueries = 0;
	if (s.retain > 0) {
		for (const q of queries(s, t)) {
			lastQueries += Buffer.byteLength(q.statement) + 72;
		}
	}

	const total = connectionBuffers + lastQueries + s.variablesBytes + s.execMetadata + s.sescmdBytes;
	return {client, backends, connectionBuffers, lastQueries, total};
}
