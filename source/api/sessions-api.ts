// The three requests the monitor makes. The list asks only for what the list shows
// (plus `services`, which a sparse fieldset would otherwise drop), compact.

import {Buffer} from 'node:buffer';
import {notJson, type BodySink, type Client} from './client.js';
import {JsonScanner, type ScanEnd} from './json-scanner.js';
import {StringTable} from './string-table.js';
import {idOf, originOf, readSessionDocument, type Origin, type SessionList} from './read-sessions.js';
import {SessionDecoder, type SessionColumns} from './session-columns.js';
import {SessionListReader, type ColumnsRead, type PartSink} from './session-list-reader.js';
import {notAListBecause} from './answered-error.js';
import type {ApiError} from './errors.js';
import {listPath, statementFields} from './list-path.js';
import {readServerInfo, type ServerInfo} from './server-info.js';
import {truncate} from '../model/sanitize.js';

// Re-exported from its own small module, which the batch TSV path loads alone.
export {listFields, listPath, statementFields} from './list-path.js';

export type ListResult =
	| {ok: true; list: SessionList; latencyMs: number; bytes: number; polledAt: number}
	| {ok: false; error: ApiError; latencyMs: number};

export type ColumnsResult =
	| {ok: true; columns: SessionColumns; skipped: number; duplicates: number; aheadMs: number; generation: number; statementNow: number; latencyMs: number; bytes: number; polledAt: number}
	| {ok: false; error: ApiError; latencyMs: number};

/**
 * The list body read as it streams: the scanner checks the JSON, the reader keeps what a Session needs.
 * `strings` may be shared from one poll to the next (the list worker does): most texts come back unchanged.
 */
export function listBody(origin: Origin, strings = new StringTable(), parts?: PartSink, keep = errorDocumentBytes): BodySink<ListEnd> {
	const reader = new SessionListReader(origin, parts, strings);
	const scanner = new JsonScanner(reader, SessionListReader.rootSlot, strings);
	let body: Buffer[] | undefined = [];
	let size = 0;
	return {
		write(chunk) {
			scanner.write(chunk);
			size += chunk.length;
			body = size > keep ? undefined : body;
			body?.push(chunk);
		},
		end: () => ({scan: scanner.end(), reader, body}),
	};
}

/** A list answer this short may be a JSON:API error document, kept to say its detail (answered-error.ts). */
const errorDocumentBytes = 16 * 1024;

/**
 * The scan's verdict, the reader, and the body's chunks when they came to at most listBody's
 * `keep` bytes (an error document's, by default; --json keeps more, to read strings exactly).
 */
export type ListEnd = {scan: ScanEnd; reader: SessionListReader; body: Buffer[] | undefined};

/**
 * The list read from its end, or why it is none: with no `data` array, MaxScale's own error
 * when the body was a JSON:API error document (a 200 carrying one), as readSessionList says it.
 */
export function finishList({reader, body}: ListEnd, polledAt: number): ColumnsRead {
	const read = reader.finish(polledAt);
	if (read.ok || body === undefined) {
		return read;
	}

	try {
		return {ok: false, reason: notAListBecause(JSON.parse(Buffer.concat(body).toString('utf8')))};
	} catch {
		return read;
	}
}

/**
 * The list as columns, read while it streams: the whole body never exists as one string or
 * one parsed document. The same sessions, counts and sentences as readSessionList over
 * JSON.parse of the whole body (test/api/list-oracle.ts holds it to that).
 */
export async function fetchSessionColumns(client: Client, signal?: AbortSignal, origin?: Origin, strings?: StringTable, parts?: PartSink, statements = false): Promise<ColumnsResult> {
	const what = 'the session list';
	const {label} = client.target;
	const answer = await client.stream(listPath(statements ? statementFields : undefined), what, () => listBody(origin ?? originOf(client.target, false), strings, parts), signal);
	if (!answer.ok) {
		return answer;
	}

	const {scan} = answer.value;
	if (!scan.valid) {
		return {ok: false, error: notJson(label, what, answer.status, scan.length, scan.html, scan.cut), latencyMs: answer.latencyMs};
	}

	const polledAt = Date.now();
	const read = finishList(answer.value, polledAt);
	if (!read.ok) {
		return {ok: false, error: {kind: 'shape', message: `${label}: ${read.reason}.`}, latencyMs: answer.latencyMs};
	}

	return {ok: true, columns: read.columns, skipped: read.skipped, duplicates: read.duplicates, aheadMs: read.aheadMs, generation: read.generation, statementNow: read.statementNow, latencyMs: answer.latencyMs, bytes: scan.length, polledAt};
}

/** `statements`: ask for each session's retained statements too (the Statement column). */
export async function fetchSessionList(client: Client, signal?: AbortSignal, origin?: Origin, statements = false): Promise<ListResult> {
	const result = await fetchSessionColumns(client, signal, origin, undefined, undefined, statements);
	if (!result.ok) {
		return result;
	}

	const {columns, skipped, duplicates, aheadMs, generation, statementNow, ...rest} = result;
	const sessions = new SessionDecoder(columns).next(columns.count)!;
	return {...rest, list: {sessions, skipped, duplicates, aheadMs}};
}

/** GET /v1/maxscale: the version and uptime, for the header and for which calls the server has. */
export async function fetchServerInfo(client: Client, signal?: AbortSignal): Promise<ServerInfo | ApiError> {
	const answer = await client.getJson('/v1/maxscale?pretty=false', 'its version', signal);
	return answer.ok ? readServerInfo(answer.json, Date.now()) : answer.error;
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

	// The document of another session (a caching proxy, a broken server) would be shown, and
	// copied, under this one's title: said, and not shown. Ids as the list reads them.
	const answeredId = idOf(read.data['id']);
	if (answeredId !== undefined && answeredId !== id) {
		const message = `${client.target.label}: asked for session ${id}, MaxScale answered with session ${truncate(answeredId, 40)}'s document, so it is not shown: is a proxy in front of its REST API caching answers?`;
		return {ok: false, error: {kind: 'shape', message}, latencyMs: answer.latencyMs, gone: false};
	}

	return {ok: true, document: answer.json, latencyMs: answer.latencyMs};
}
