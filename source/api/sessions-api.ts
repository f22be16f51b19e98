// The three requests the monitor makes. The list asks only for what the list shows
// (plus `services`, which a sparse fieldset would otherwise drop), compact.

import type {Client, JsonAnswer} from './client.js';
import {readSessionDocument, readSessionList, type Origin, type SessionList} from './read-sessions.js';
import {readServerInfo, type ServerInfo} from './server-info.js';
import type {ApiError} from './errors.js';

/** Attribute paths the list needs; absent ones on older versions are simply not sent back. */
export const listFields = [
	'state',
	'user',
	'remote',
	'port',
	'connected',
	'idle',
	'seconds_alive',
	'memory/total',
	'io_activity',
	'thread',
	'services',
] as const;

export function listPath(sparse: boolean, fields: readonly string[] = listFields): string {
	return sparse ? `/v1/sessions?pretty=false&fields%5Bsessions%5D=${fields.join(',')}` : '/v1/sessions?pretty=false';
}

export type ListResult =
	| {ok: true; list: SessionList; latencyMs: number; bytes: number; polledAt: number}
	| {ok: false; error: ApiError; latencyMs: number};

export async function fetchServerInfo(client: Client, signal?: AbortSignal): Promise<ServerInfo | ApiError> {
	const answer = await client.getJson('/v1/maxscale?pretty=false', 'its version', signal);
	return answer.ok ? readServerInfo(answer.json, Date.now()) : answer.error;
}

export async function fetchSessionList(client: Client, sparse: boolean, signal?: AbortSignal, origin?: Origin): Promise<ListResult> {
	const answer = await client.getJson(listPath(sparse), 'the session list', signal);
	return toList(answer, client.target.label, origin ?? {host: client.target.label, keyed: false});
}

export function toList(answer: JsonAnswer, label: string, origin: Origin): ListResult {
	if (!answer.ok) {
		return answer;
	}

	const polledAt = Date.now();
	const read = readSessionList(answer.json, polledAt, origin);
	if (!read.ok) {
		return {ok: false, error: {kind: 'shape', message: `${label}: ${read.reason}.`}, latencyMs: answer.latencyMs};
	}

	return {ok: true, list: read.list, latencyMs: answer.latencyMs, bytes: answer.bytes, polledAt};
}

export type DocumentResult =
	| {ok: true; document: unknown; latencyMs: number}
	| {ok: false; error: ApiError; latencyMs: number; gone: boolean};

/** The full document of one session, for the detail pane. A 404 means it ended. */
export async function fetchSessionDocument(client: Client, id: string, signal?: AbortSignal): Promise<DocumentResult> {
	const answer = await client.getJson(`/v1/sessions/${encodeURIComponent(id)}?pretty=false`, `session ${id}`, signal);
	if (!answer.ok) {
		return {...answer, gone: answer.error.kind === 'not-found'};
	}

	const read = readSessionDocument(answer.json);
	if (!read.ok) {
		return {ok: false, error: {kind: 'shape', message: `${client.target.label}: ${read.reason}.`}, latencyMs: answer.latencyMs, gone: false};
	}

	return {ok: true, document: answer.json, latencyMs: answer.latencyMs};
}
