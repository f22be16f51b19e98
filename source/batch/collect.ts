// Fetching for batch output, with the monitor's own client and reader. Several
// MaxScales are asked in parallel; the answer keeps the order of -h. The first
// failure (in that order) is the one reported.

import type {Client} from '../api/client.js';
import type {ApiError} from '../api/errors.js';
import {notASessionList, type Origin} from '../api/read-sessions.js';
import {hasSparseFields, type ServerInfo} from '../api/server-info.js';
import {fetchServerInfo, fetchSessionList, listPath} from '../api/sessions-api.js';
import {comparator, defaultSort, type Sort} from '../model/sort.js';
import type {Session} from '../model/session.js';
import {tsvFields, type HostDocuments} from './maxctrl-tsv.js';

export type Host = {
	/** The -h entry as typed. */
	entry: string;
	client: Client;
	/** Learnt once; forgotten after a failure, in case the server was upgraded meanwhile. */
	info?: ServerInfo;
};

export type Collected<T> = {ok: true; value: T} | {ok: false; error: ApiError};

function firstFailure<T>(results: ReadonlyArray<Collected<T>>): Collected<T[]> {
	const values: T[] = [];
	for (const result of results) {
		if (!result.ok) {
			return result;
		}

		values.push(result.value);
	}

	return {ok: true, value: values};
}

function originOf(host: Host, several: boolean): Origin {
	return {host: host.client.target.label, keyed: several};
}

/** The server's version, learnt once: it decides whether a sparse fieldset may be sent. */
async function infoOf(host: Host, signal?: AbortSignal): Promise<ApiError | undefined> {
	if (host.info === undefined) {
		const info = await fetchServerInfo(host.client, signal);
		if ('kind' in info) {
			return info;
		}

		host.info = info;
	}

	return undefined;
}

async function sessionsOf(host: Host, several: boolean, signal?: AbortSignal): Promise<Collected<Session[]>> {
	const failed = await infoOf(host, signal);
	if (failed !== undefined) {
		return {ok: false, error: failed};
	}

	const list = await fetchSessionList(host.client, hasSparseFields(host.info), signal, originOf(host, several));
	if (!list.ok) {
		host.info = undefined;
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

/**
 * The collection as maxctrl reads it. maxctrl asks for every attribute; where the server
 * takes a sparse fieldset (2.5+) only the attributes its columns read travel, which gives
 * the same cells from a third of the bytes. A document without a `data` array gets the
 * reader's sentence.
 */
async function documentsOf(host: Host, signal?: AbortSignal): Promise<Collected<HostDocuments>> {
	const failed = await infoOf(host, signal);
	if (failed !== undefined) {
		return {ok: false, error: failed};
	}

	const answer = await host.client.getJson(listPath(hasSparseFields(host.info), tsvFields), 'the session list', signal);
	const data = answer.ok ? (answer.json as {data?: unknown} | null)?.data : undefined;
	if (!Array.isArray(data)) {
		host.info = undefined;
		return {ok: false, error: answer.ok ? {kind: 'shape', message: `${host.client.target.label}: ${notASessionList}.`} : answer.error};
	}

	return {ok: true, value: {entry: host.entry, data}};
}

export async function collectDocuments(hosts: readonly Host[], signal?: AbortSignal): Promise<Collected<HostDocuments[]>> {
	return firstFailure(await Promise.all(hosts.map(async (host) => documentsOf(host, signal))));
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
