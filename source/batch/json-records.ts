// --json's objects, lossless: every string exactly as the server sent it (a user
// "tab\there" stays so, an id with a control character stays that id), a field the
// server did not send left out, and the text made safe for a terminal by escaping,
// never by changing a value (jsonLine).

import {readSessionList, serversOf, type Origin} from '../api/read-sessions.js';
import {escapeUnseen, sanitize} from '../model/sanitize.js';
import type {Session} from '../model/session.js';

/**
 * One session as batch JSON shows it: the normalized fields, and the MaxScale it is on. Undefined: not reported, left out.
 * `polledAt`: when its MaxScale answered (epoch ms, as `connectedAt`), on --watch --json's lines only (watch-json.ts).
 */
export type SessionRecord = Omit<Session, 'key' | 'service' | 'state'> & {service?: string; state?: string; polledAt?: number};

/** A session to sort by (sanitized, as the monitor's reader makes it) and the record to print. */
export type Entry = {session: Session; record: SessionRecord};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The record of a session whose strings are the server's own (nothing in them was sanitized). */
export function recordOf(session: Session, strings: Pick<SessionRecord, 'id' | 'service' | 'state' | 'user' | 'remote' | 'servers'> = session): SessionRecord {
	return {
		host: session.host,
		id: strings.id,
		service: strings.service,
		state: strings.state,
		user: strings.user,
		remote: strings.remote,
		port: session.port,
		connectedAt: session.connectedAt,
		ageSeconds: session.ageSeconds,
		idleSeconds: session.idleSeconds,
		memoryBytes: session.memoryBytes,
		ioActivity: session.ioActivity,
		thread: session.thread,
		servers: strings.servers,
	};
}

/** readSession's id, unsanitized: a string, or a number's text. */
function idOf(resource: Json): string | undefined {
	const id = resource['id'];
	return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

/** readSession's service (the first one's id), unsanitized; undefined where it says ''. */
function serviceOf(resource: Json): string | undefined {
	const relationships = resource['relationships'];
	const services = isObject(relationships) ? relationships['services'] : undefined;
	const data = isObject(services) ? services['data'] : undefined;
	const first: unknown = Array.isArray(data) ? data[0] : undefined;
	return isObject(first) ? textOf(first['id']) : undefined;
}

/**
 * The entries of a parsed list's `data`, by the monitor's own rules (read-sessions.ts:
 * the same sessions skipped, the first of a repeated id kept, the same ages), with the
 * server's strings in the records. Each kept resource goes to readSessionList under its
 * index as its id, so that ids that sanitize alike ("1\u0001", "1\u0002") stay two
 * sessions, as they are on the server.
 */
export function exactEntries(data: readonly unknown[], polledAt: number, origin: Origin): Entry[] {
	const kept: Json[] = [];
	const ids: string[] = [];
	const seen = new Set<string>();
	for (const resource of data) {
		const id = isObject(resource) ? idOf(resource) : undefined;
		if (id !== undefined && id !== '' && !seen.has(id)) {
			seen.add(id);
			kept.push(resource as Json);
			ids.push(id);
		}
	}

	const read = readSessionList({data: kept.map((resource, index) => ({...resource, id: String(index)}))}, polledAt, origin);
	const sessions = read.ok ? read.list.sessions : [];
	return sessions.map((session, index) => {
		const resource = kept[index]!;
		const id = ids[index]!;
		const attributes = isObject(resource['attributes']) ? resource['attributes'] : {};
		session.id = sanitize(id);
		session.key = origin.keyed ? `${origin.host}#${session.id}` : session.id;
		const strings = {id, service: serviceOf(resource), state: textOf(attributes['state']), user: textOf(attributes['user']), remote: textOf(attributes['remote']), servers: serversOf(attributes, textOf)};
		return {session, record: recordOf(session, strings)};
	});
}

/** The records as one line of JSON, newline included, with nothing invisible or controlling in its text. */
export function jsonLine(records: readonly SessionRecord[]): string {
	return `${escapeUnseen(JSON.stringify(records))}\n`;
}
