// Fetching for batch output, with the monitor's own client and reader. Several
// MaxScales are asked in parallel; the answer keeps the order of -h. The first
// failure (in that order) is the one reported.

import {originOf} from '../api/read-sessions.js';
import {fetchSessionList} from '../api/sessions-api.js';
import {comparator, defaultSort, type Sort} from '../model/sort.js';
import type {Session} from '../model/session.js';
import {firstFailure, type Collected, type Host} from './collected.js';

export type {Collected, Host} from './collected.js';

async function sessionsOf(host: Host, several: boolean, signal?: AbortSignal): Promise<Collected<Session[]>> {
	const list = await fetchSessionList(host.client, signal, originOf(host.client.target, several));
	if (!list.ok) {
		return {ok: false, error: list.error};
	}

	return {ok: true, value: list.list.sessions};
}

/** The normalized sessions of every host: host by host in -h order, each sorted. */
export async function collectSessions(hosts: readonly Host[], sort: Sort | undefined, signal?: AbortSignal): Promise<Collected<Session[]>> {
	const several = hosts.length > 1;
	const results = await Promise.all(hosts.map(async (host) => sessionsOf(host, several, signal)));
	const all = firstFailure(results);
	if (!all.ok) {
		return all;
	}

	const compare = comparator(sort ?? defaultSort);
	return {ok: true, value: all.value.flatMap((sessions) => [...sessions].sort(compare))};
}

/** One session as batch JSON shows it: the normalized fields, and the MaxScale it is on. */
export function toRecord(session: Session): Record<string, unknown> {
	return {
		host: session.host,
		id: session.id,
		service: session.service,
		state: session.state,
		user: session.user,
		remote: session.remote,
		port: session.port,
		connectedAt: session.connectedAt,
		ageSeconds: session.ageSeconds,
		idleSeconds: session.idleSeconds,
		memoryBytes: session.memoryBytes,
		ioActivity: session.ioActivity,
		thread: session.thread,
	};
}
