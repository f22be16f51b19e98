// The list worker: fetch a session list off the main thread and read it as it streams
// (json-scanner.ts, session-list-reader.ts). At 100k sessions that is most of a second
// of CPU that would otherwise freeze the keyboard and the screen. It answers with
// columns (session-columns.ts), their typed arrays transferred rather than copied.

import {parentPort, workerData} from 'node:worker_threads';
import {Client, type ClientOptions} from './client.js';
import type {Origin} from './read-sessions.js';
import {transferList} from './session-columns.js';
import {fetchSessionColumns} from './sessions-api.js';
import {StringTable} from './string-table.js';

export type ListRequest = {seq: number; sparse: boolean} | {seq: number; abort: true};

const {options, origin} = workerData as {options: ClientOptions; origin: Origin};
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
	void fetchSessionColumns(client, request.sparse, abort.signal, origin, strings).then((result) => {
		aborts.delete(request.seq);
		if (!result.ok) {
			parentPort?.postMessage({seq: request.seq, result});
			return;
		}

		const {columns, ...rest} = result;
		parentPort?.postMessage({seq: request.seq, result: rest, columns}, transferList(columns));
	});
});
