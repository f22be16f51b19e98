// The list worker: fetch a session list off the main thread and read it as it streams
// (json-scanner.ts, session-list-reader.ts). At 100k sessions that is most of a second
// of CPU that would otherwise freeze the keyboard and the screen. It answers with
// columns (session-columns.ts), their typed arrays transferred rather than copied: a
// part at a time as it reads, then the rest with the outcome.

import {parentPort, workerData} from 'node:worker_threads';
import {Client, type ClientOptions} from './client.js';
import type {Origin} from './read-sessions.js';
import {transferList, type SessionColumns} from './session-columns.js';
import {fetchSessionColumns} from './sessions-api.js';
import {StringTable} from './string-table.js';

/** `statements`: the list with each session's retained statements (the Statement column shows). */
export type ListRequest = {seq: number; statements?: boolean} | {seq: number; abort: true};

/** A part of the list being read (session-list-reader.ts): the main thread rebuilds it while the rest comes. */
export type ListPart = {seq: number; part: SessionColumns; generation: number};

const {options, origin, partRows} = workerData as {options: ClientOptions; origin: Origin; partRows: number};
const client = new Client(options);
const aborts = new Map<number, AbortController>();
// Kept from poll to poll here (not on the main thread, where a list is read only as a fallback).
const strings = new StringTable();

parentPort?.on('message', (request: ListRequest) => {
	if ('abort' in request) {
		aborts.get(request.seq)?.abort();
		return;
	}

	const abort = new AbortController();
	aborts.set(request.seq, abort);
	const {seq} = request;
	const parts = {
		rows: partRows,
		take(part: SessionColumns, generation: number) {
			parentPort?.postMessage({seq, part, generation} satisfies ListPart, transferList(part));
		},
	};
	void fetchSessionColumns(client, abort.signal, origin, strings, parts, request.statements === true).then((result) => {
		aborts.delete(request.seq);
		if (!result.ok) {
			parentPort?.postMessage({seq: request.seq, result});
			return;
		}

		const {columns, ...rest} = result;
		parentPort?.postMessage({seq: request.seq, result: rest, columns}, transferList(columns));
	});
});
