// Fetching for `--once --tsv`: maxctrl's list, formatted while it streams in. Several
// MaxScales are asked in parallel; the answer keeps the order of -h, and the first
// failure (in that order) is the one reported.
//
// maxctrl asks for every attribute; where the server takes a sparse fieldset (2.5+)
// only the attributes its columns read travel, which gives the same cells from a third
// of the bytes. That needs the version, asked for first on the same connection. (Asking
// for the sparse list alongside it, on a second connection, was measured: the round trip
// it saves is paid back in a second connection and its parser, and old servers would get
// a request to throw away.)

import type {Buffer} from 'node:buffer';
import {parseJsonBody} from '../api/client.js';
import {listPath} from '../api/list-path.js';
import {notASessionList} from '../api/read-sessions.js';
import {hasSparseFields} from '../api/server-info.js';
import {firstFailure, infoOf, type Collected, type Host} from './collected.js';
import {tableToTsv, tsvFields, type HostTable} from './maxctrl-tsv.js';
import {tsvBody} from './tsv-stream.js';

const what = 'the session list';

/**
 * The body read as before this streamed: decoded whole, JSON.parse, the `data` check
 * and tableToTsv. For the bodies the streamed reader leaves (see tsv-stream.ts), so that
 * every text and every sentence is what it was.
 */
export function tableTheOldWay(label: string, status: number, bytes: Buffer): Collected<string> {
	const parsed = parseJsonBody(label, what, status, bytes.toString('utf8'));
	if (!parsed.ok) {
		return parsed;
	}

	const data = (parsed.json as {data?: unknown} | null)?.data;
	if (!Array.isArray(data)) {
		return {ok: false, error: {kind: 'shape', message: `${label}: ${notASessionList}.`}};
	}

	return {ok: true, value: tableToTsv(data)};
}

async function streamTable(host: Host, sparse: boolean, signal?: AbortSignal): Promise<Collected<string>> {
	const answer = await host.client.stream(listPath(sparse, tsvFields), what, tsvBody, signal);
	if (!answer.ok) {
		return answer;
	}

	const {table, body} = answer.value;
	return table === undefined ? tableTheOldWay(host.client.target.label, answer.status, body()) : {ok: true, value: table};
}

/** The version first (learnt once), then the list, sparse where the server takes it. */
async function tableOf(host: Host, signal?: AbortSignal): Promise<Collected<string>> {
	const failed = await infoOf(host, signal);
	return failed === undefined ? streamTable(host, hasSparseFields(host.info), signal) : {ok: false, error: failed};
}

async function hostTable(host: Host, signal?: AbortSignal): Promise<Collected<HostTable>> {
	const table = await tableOf(host, signal);
	if (!table.ok) {
		host.info = undefined;
		return {ok: false, error: table.error};
	}

	return {ok: true, value: {entry: host.entry, table: table.value}};
}

export async function collectTables(hosts: readonly Host[], signal?: AbortSignal): Promise<Collected<HostTable[]>> {
	return firstFailure(await Promise.all(hosts.map(async (host) => hostTable(host, signal))));
}
