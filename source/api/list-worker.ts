// The list worker: fetch, JSON.parse and normalize a session list off the main
// thread. At 100k sessions that is over a second of CPU that would otherwise
// freeze the keyboard and the screen. It answers with columns (session-columns.ts).

import {parentPort, workerData} from 'node:worker_threads';
import {Client, type ClientOptions} from './client.js';
import type {Origin} from './read-sessions.js';
import {encodeSessions, transferList} from './session-columns.js';
import {fetchSessionList} from './sessions-api.js';

export type ListRequest = {seq: number; sparse: boolean} | {seq: number; abort: true};

const {options, origin} = workerData as {options: ClientOptions; origin: Origin};
const client = new Client(options);
const aborts = new Map<number, AbortController>();

parentPort?.on('message', (request: ListRequest) => {
	if ('abort' in request) {
		aborts.get(request.seq)?.abort();
		return;
	}

	const abort = new AbortController();
	aborts.set(request.seq, abort);
	void fetchSessionList(client, request.sparse, abort.signal, origin).then((result) => {
		aborts.delete(request.seq);
		if (!result.ok) {
			parentPort?.postMessage({seq: request.seq, result});
			return;
		}

		const {list, ...rest} = result;
		const columns = encodeSessions(list.sessions, origin.keyed);
		const reply = {seq: request.seq, result: {...rest, skipped: list.skipped, duplicates: list.duplicates}, columns};
		parentPort?.postMessage(reply, transferList(columns));
	});
});
