// Fetching for --json and --watch --json. The list streams through the monitor's own
// reader, as the screen's does, its bytes looked at as they pass: when none of them could
// hold a character the reader sanitizes, the reader cut no string to be shown (sanitize.ts
// shown(): past 512 characters, or piled combining marks), and every session names its
// service and state, the reader's strings are the server's and its sessions are the answer.
// Otherwise (a backslash escape, DEL, a C1 control, a bidi mark, a session with no service) the body
// is parsed and read again losslessly (json-records.ts): rare, and exact. The body is kept
// for that up to keepBytes; a bigger one is asked for again instead, only then, rather
// than every poll of 100,000 sessions holding 50 MB more for a case that seldom comes.

import {Buffer} from 'node:buffer';
import {notJson, parseJsonBody} from '../api/client.js';
import {originOf, type Origin} from '../api/read-sessions.js';
import {SessionDecoder} from '../api/session-columns.js';
import {finishList, listBody, listPath} from '../api/sessions-api.js';
import {comparator, defaultSort, type Sort} from '../model/sort.js';
import {provenByUptime, shiftedAges, shiftedSession} from '../model/zone-hint.js';
import {everyHost, listData, listNotes, type Collected, type CollectedAll, type Host, type OnNote} from './collected.js';
import {exactEntries, recordOf, type Entry, type SessionRecord} from './json-records.js';
import {serverOf, uptimeNote} from './uptime-zone.js';

const what = 'the session list';

/** The most of a body kept for a second reading (a list of some 30,000 sessions). */
export const keepBytes = 16 * 1024 * 1024;

/** The list's `data` from the kept body, or else once more, whole (a body too big to have been kept). */
async function dataAgain(host: Host, status: number, body: Buffer[] | undefined, signal?: AbortSignal): Promise<Collected<unknown[]>> {
	const {label} = host.client.target;
	// The scanner found the body valid, with a `data` array: JSON.parse agrees.
	const answer = body === undefined ? await host.client.getJson(listPath(), what, signal) : parseJsonBody(label, what, status, Buffer.concat(body).toString('utf8'));
	return answer.ok ? listData(label, answer.json) : answer;
}

async function entriesOf(host: Host, origin: Origin, keep: number, signal?: AbortSignal, onNote?: OnNote): Promise<Collected<Entry[]>> {
	const {label} = host.client.target;
	const answer = await host.client.stream(listPath(), what, () => listBody(origin, undefined, undefined, keep), signal);
	if (!answer.ok) {
		return answer;
	}

	// As fetchSessionColumns reads it (api/sessions-api.ts): the same sentences.
	const end = answer.value;
	const {scan, body} = end;
	if (!scan.valid) {
		return {ok: false, error: notJson(label, what, answer.status, scan.length, scan.html, scan.cut)};
	}

	const polledAt = Date.now();
	const read = finishList(end, polledAt);
	if (!read.ok) {
		return {ok: false, error: {kind: 'shape', message: `${label}: ${read.reason}.`}};
	}

	for (const note of listNotes(label, read, origin.zone, polledAt)) {
		onNote?.(note);
	}

	const sessions = new SessionDecoder(read.columns).next(read.columns.count) ?? [];
	// The reader's strings are the server's own unless sanitizing changed one (reader.altered:
	// anything invisible, controlling or too long): then the body is read again, exactly.
	if (!end.reader.altered && sessions.every((session) => session.service !== '' && session.state !== '')) {
		return {ok: true, value: sessions.map((session) => ({session, record: recordOf(session)}))};
	}

	const data = await dataAgain(host, answer.status, body, signal);
	return data.ok ? {ok: true, value: exactEntries(data.value, body === undefined ? Date.now() : polledAt, origin)} : data;
}

/** Its entries, their ages put right when its uptime proves them hours too long (uptime-zone.ts; asked only when `byUptime`). */
async function provenEntries(host: Host, origin: Origin, keep: number, signal?: AbortSignal, onNote?: OnNote, byUptime = false): Promise<Collected<Entry[]>> {
	const [entries, server] = await Promise.all([entriesOf(host, origin, keep, signal, onNote), byUptime ? serverOf(host, signal) : undefined]);
	const at = Date.now();
	const shift = entries.ok ? provenByUptime(server, entries.value.map((entry) => entry.record), at) : undefined;
	if (!entries.ok || shift === undefined) {
		return entries;
	}

	onNote?.(uptimeNote(host.client.target.label, shift, at));
	return {ok: true, value: entries.value.map(({session, record}) => ({session: shiftedSession(session, shift), record: {...record, ...shiftedAges(record, shift)}}))};
}

/**
 * Every host's sessions as --json prints them: host by host in -h order, each sorted by --sort.
 * `byUptime`: each MaxScale's uptime asked beside its list (a single print; --watch --json asks it once: watch-zone.ts).
 */
export async function collectRecords(hosts: readonly Host[], sort: Sort | undefined, signal?: AbortSignal, keep = keepBytes, onNote?: OnNote, byUptime = false): Promise<CollectedAll<SessionRecord>> {
	const several = hosts.length > 1;
	const all = everyHost(hosts, await Promise.all(hosts.map(async (host) => provenEntries(host, originOf(host.client.target, several), keep, signal, onNote, byUptime))));
	if (!all.ok) {
		return all;
	}

	const compare = comparator(sort ?? defaultSort);
	return {ok: true, value: all.value.flatMap((entries) => entries.sort((a, b) => compare(a.session, b.session)).map((entry) => entry.record))};
}
