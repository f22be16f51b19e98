// Fetching for the --once table, with the monitor's own client and reader (its strings
// sanitized, as the screen's are). Several MaxScales are asked in parallel; the answer
// keeps the order of -h, and so do the failures, each of them reported. --json reads
// the same list losslessly instead (json-collect.ts).

import {originOf} from '../api/read-sessions.js';
import {fetchSessionList} from '../api/sessions-api.js';
import {comparator, defaultSort, type Sort} from '../model/sort.js';
import type {Session} from '../model/session.js';
import {everyHost, listNotes, type Collected, type CollectedAll, type Host, type OnNote} from './collected.js';

export type {CollectedAll, Host} from './collected.js';

async function sessionsOf(host: Host, several: boolean, signal?: AbortSignal, onNote?: OnNote, statements = false): Promise<Collected<Session[]>> {
	const origin = originOf(host.client.target, several);
	const list = await fetchSessionList(host.client, signal, origin, statements);
	if (!list.ok) {
		return {ok: false, error: list.error};
	}

	for (const note of listNotes(host.client.target.label, list.list, origin.zone, list.polledAt)) {
		onNote?.(note);
	}

	return {ok: true, value: list.list.sessions};
}

/**
 * The normalized sessions of every host: host by host in -h order, each sorted. `onNote`: what to say of a list that is odd but read.
 * `statements`: each session's retained statements too (the Statement column chosen).
 */
export async function collectSessions(hosts: readonly Host[], sort: Sort | undefined, signal?: AbortSignal, onNote?: OnNote, statements = false): Promise<CollectedAll<Session>> {
	const several = hosts.length > 1;
	const all = everyHost(hosts, await Promise.all(hosts.map(async (host) => sessionsOf(host, several, signal, onNote, statements))));
	if (!all.ok) {
		return all;
	}

	const compare = comparator(sort ?? defaultSort);
	return {ok: true, value: all.value.flatMap((sessions) => [...sessions].sort(compare))};
}
