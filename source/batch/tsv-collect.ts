// Fetching for `--once --tsv`: maxctrl's list, formatted while it streams in. Several
// MaxScales are asked in parallel; the answer keeps the order of -h, and so do the
// failures, each of them reported.
//
// maxctrl asks for every attribute; this asks for a sparse fieldset of the attributes
// its columns read, which gives the same cells from a third of the bytes where the
// server takes one (2.5+), and the whole list, as maxctrl gets it, where it does not.

import type {Buffer} from 'node:buffer';
import {parseJsonBody} from '../api/client.js';
import {listPath} from '../api/list-path.js';
import {everyHost, listData, type Collected, type CollectedAll, type Host} from './collected.js';
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

	const data = listData(label, parsed.json);
	return data.ok ? {ok: true, value: tableToTsv(data.value)} : data;
}

async function tableOf(host: Host, signal?: AbortSignal): Promise<Collected<string>> {
	const answer = await host.client.stream(listPath(tsvFields), what, tsvBody, signal);
	if (!answer.ok) {
		return answer;
	}

	const {table, body} = answer.value;
	return table === undefined ? tableTheOldWay(host.client.target.label, answer.status, body()) : {ok: true, value: table};
}

async function hostTable(host: Host, signal?: AbortSignal): Promise<Collected<HostTable>> {
	const table = await tableOf(host, signal);
	if (!table.ok) {
		return {ok: false, error: table.error};
	}

	return {ok: true, value: {entry: host.entry, table: table.value}};
}

export async function collectTables(hosts: readonly Host[], signal?: AbortSignal): Promise<CollectedAll<HostTable>> {
	return everyHost(hosts, await Promise.all(hosts.map(async (host) => hostTable(host, signal))));
}
