// Fetching for the --once table, with the monitor's own client and reader (its strings
// sanitized, as the screen's are). Several MaxScales are asked in parallel; the answer
// keeps the order of -h, and so do the failures, each of them reported. --json reads
// the same list losslessly instead (json-collect.ts).

import {originOf} from '../api/read-sessions.js';
import {fetchSessionList} from '../api/sessions-api.js';
import {comparator, defaultSort, type Sort} from '../model/sort.js';
import type {Session} from '../model/session.js';
import {provenByUptime, shiftedSession} from '../model/zone-hint.js';
import {everyHost, listNotes, type Collected, type CollectedAll, type Host, type OnNote} from './collected.js';
import {serverOf, uptimeNote} from './uptime-zone.js';

export type {CollectedAll, Host} from './collected.js';

async function sessionsOf(host: Host, several: boolean, signal?: AbortSignal, onNote?: OnNote, statements = false, byUptime = false): Promise<Collected<Session[]>> {
	const origin = originOf(host.client.target, several);
	const [list, server] = await Promise.all([fetchSessionList(host.client, signal, origin, statements), byUptime ? serverOf(host, signal) : undefined]);
	if (!list.ok) {
		return {ok: false, error: list.error};
	}

	const {label} = host.client.target;
	for (const note of listNotes(label, list.list, origin.zone, list.polledAt)) {
		onNote?.(note);
	}

	const {sessions} = list.list;
	const shift = provenByUptime(server, sessions, list.polledAt);
	if (shift === undefined) {
		return {ok: true, value: sessions};
	}

	onNote?.(uptimeNote(label, shift, list.polledAt));
	return {ok: true, value: sessions.map((session) => shiftedSession(session, shift))};
}

/**
 * The normalized sessions of every host: host by host in -h order, each sorted. `onNote`: what to say of a list that is odd but read.
 * `statements`: each session's retained statements too (the Statement column chosen). `byUptime`:
 * each MaxScale's uptime asked beside its list, to put right ages hours too long (uptime-zone.ts).
 */
export async function collectSessions(hosts: readonly Host[], sort: Sort | undefined, signal?: AbortSignal, onNote?: OnNote, statements = false, byUptime = false): Promise<CollectedAll<Session>> {
	const several = hosts.length > 1;
	const all = everyHost(hosts, await Promise.all(hosts.map(async (host) => sessionsOf(host, several, signal, onNote, statements, byUptime))));
	if (!all.ok) {
		return all;
	}

	const compare = comparator(sort ?? defaultSort);
	return {ok: true, value: all.value.flatMap((sessions) => [...sessions].sort(compare))};
}
