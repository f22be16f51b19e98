// The JSON:API reader: every MaxScale version's session document (the 2.1 seed
// shape through 24.02) in, one normalized Session out. It never throws: what is
// missing stays undefined, what is malformed is skipped and counted.

import {shown} from '../model/sanitize.js';
import type {Session} from '../model/session.js';
import type {SessionLookup} from '../model/session-index.js';
import type {Summary} from '../model/summary.js';
import type {Tally} from '../model/tally.js';
import type {ZoneMemory} from '../model/zone-hint.js';
import {notADocumentBecause, notAListBecause} from './answered-error.js';
import {parseConnected, sizeConnectedCache} from './connected-cache.js';
import {agesFromConnected, isZoneless} from './server-clock.js';
import {receivedWall, runSeconds, StatementClock} from './statement-clock.js';
import {statementLine} from './statement-line.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string from the server, as the list shows it (sanitize.ts shown()); anything else is unknown. */
export function text(value: unknown): string | undefined {
	return typeof value === 'string' ? shown(value) : undefined;
}

/** A finite number; anything else is unknown. */
export function count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function serviceOf(resource: Json): string {
	const relationships = resource['relationships'];
	if (!isObject(relationships)) {
		return '';
	}

	const services = relationships['services'];
	if (!isObject(services) || !Array.isArray(services['data'])) {
		return '';
	}

	const first: unknown = services['data'][0];
	return isObject(first) ? (text(first['id']) ?? '') : '';
}

/** `memory.total` from 22.08; older servers have no memory figure at all. */
function memoryOf(attributes: Json): number | undefined {
	const memory = attributes['memory'];
	return isObject(memory) ? count(memory['total']) : undefined;
}

/**
 * `connections[].server` (2.3+): the backends, joined by commas; '' for none. Not an array:
 * unknown. An entry that is not an object with a non-empty string `server` is left out.
 * `read`: how a name is read (shown, as the list shows it; --json reads the server's own).
 */
export function serversOf(attributes: Record<string, unknown>, read: (value: unknown) => string | undefined = text): string | undefined {
	const connections = attributes['connections'];
	if (!Array.isArray(connections)) {
		return undefined;
	}

	const names: string[] = [];
	for (const connection of connections) {
		const server = isObject(connection) ? read(connection['server']) : undefined;
		if (server !== undefined && server !== '') {
			names.push(server);
		}
	}

	return names.join(',');
}

/**
 * `queries[0]` (2.3.1+, newest first): its statement on one line, and whether it still runs
 * (no `completed` time yet). Not an array: unknown. Empty, or a first entry that is not an
 * object with a string statement: '' (nothing retained), not running.
 */
function statementOf(attributes: Json): Pick<Session, 'statement' | 'statementRunning'> {
	const queries = attributes['queries'];
	if (!Array.isArray(queries)) {
		return {statement: undefined, statementRunning: undefined};
	}

	const first: unknown = queries[0];
	const raw = isObject(first) ? first['statement'] : undefined;
	const statement = typeof raw === 'string' ? statementLine(raw) : '';
	return {statement, statementRunning: statement !== '' && typeof (first as Json)['completed'] !== 'string'};
}

/** `queries[0].received` of a session with a statement, as statement-clock.ts reads it (ms), or NaN. */
function receivedOf(resource: unknown, session: Session): number {
	if (session.statement === undefined || session.statement === '') {
		return Number.NaN;
	}

	const attributes = (resource as Json)['attributes'] as Json;
	const first = (attributes['queries'] as unknown[])[0] as Json;
	return typeof first['received'] === 'string' ? receivedWall(first['received']) : Number.NaN;
}

/**
 * How long each running statement has run, by MaxScale's clock as the sessions' statements
 * and idle times tell it (statement-clock.ts): in place. `resources`: each session's own.
 */
function statementTimes(sessions: readonly Session[], resources: readonly unknown[], polledAt: number, serverZone: string | undefined, memory?: ZoneMemory): void {
	const clock = new StatementClock();
	const walls = sessions.map((session, i) => receivedOf(resources[i], session));
	for (const [i, session] of sessions.entries()) {
		clock.add(walls[i]!, session.idleSeconds, session.statementRunning === true);
	}

	const now = clock.now(polledAt, serverZone, memory);
	for (const [i, session] of sessions.entries()) {
		session.statementSeconds = session.statementRunning === true && !Number.isNaN(walls[i]!) ? runSeconds(walls[i]!, now) : undefined;
	}
}

/**
 * One resource object of `data` to a Session, or undefined when it has no usable id.
 * `polledAt` (epoch ms) turns `connected` into an age when `seconds_alive` (24.02) is absent.
 */
export type Origin = {
	/** The MaxScale's label (host:port). */
	host: string;
	/** Prefix the key with the host, for a list that merges several MaxScales. */
	keyed: boolean;
	/** MaxScale's time zone (--server-tz), for `connected` before 23.02; undefined: the operator's, checked against idle times. */
	serverZone?: string;
	/** What its earlier lists proved of its zone, when it was not given (server-clock.ts agesFromConnected). */
	zone?: ZoneMemory;
};

const single: Origin = {host: '', keyed: false};

/** Per MaxScale (its target, which lives as long as the run), what its lists have proven of its zone. */
const zones = new WeakMap<object, ZoneMemory>();

/**
 * The origin of a MaxScale's sessions: its label, its zone (--server-tz), keyed when several
 * are watched; without a zone, the memory of what its lists proved of it, the same from one
 * poll to the next (a list worker keeps its own copy).
 */
export function originOf(target: {label: string; serverZone?: string}, keyed: boolean): Origin {
	if (target.serverZone !== undefined) {
		return {host: target.label, keyed, serverZone: target.serverZone};
	}

	let zone = zones.get(target);
	if (zone === undefined) {
		zone = {aheadMs: 0};
		zones.set(target, zone);
	}

	return {host: target.label, keyed, zone};
}

/** A resource's id as the list shows and keys it: a string sanitized (shown), a number as written; else undefined. */
export function idOf(raw: unknown): string | undefined {
	return typeof raw === 'string' ? shown(raw) : typeof raw === 'number' ? String(raw) : undefined;
}

export function readSession(resource: unknown, polledAt: number, origin: Origin = single): Session | undefined {
	if (!isObject(resource)) {
		return undefined;
	}

	const id = idOf(resource['id']);
	if (id === undefined || id === '') {
		return undefined;
	}

	const attributes = isObject(resource['attributes']) ? resource['attributes'] : {};
	const connectedAt = parseConnected(attributes['connected'], origin.serverZone);
	const secondsAlive = count(attributes['seconds_alive']);
	const ageSeconds =
		secondsAlive ?? (connectedAt === undefined ? undefined : Math.max(0, (polledAt - connectedAt) / 1000));

	const session: Session = {
		key: origin.keyed ? `${origin.host}#${id}` : id,
		id,
		host: origin.host,
		service: serviceOf(resource),
		state: text(attributes['state']) ?? '',
		user: text(attributes['user']),
		remote: text(attributes['remote']),
		port: count(attributes['port']),
		connectedAt,
		ageSeconds,
		idleSeconds: count(attributes['idle']),
		memoryBytes: memoryOf(attributes),
		ioActivity: count(attributes['io_activity']),
		thread: count(attributes['thread']),
		servers: serversOf(attributes),
		...statementOf(attributes),
	};
	// Its run time, if its statement runs, is the list's business (readSessionList's statementTimes).
	return session;
}

export type SessionList = {
	sessions: Session[];
	/** Entries of `data` that were not readable session objects. */
	skipped: number;
	/** Ids seen more than once in one answer (the first one wins). */
	duplicates: number;
	/** How far the ages were moved for a zone east of the operator's its idle times proved (ms; server-clock.ts). */
	aheadMs: number;
	/** `sessions` by key, when it was built as they arrived (list-parts.ts): the poll need not build it again. */
	index?: SessionLookup;
	/** Their summary, likewise, and their count per service. */
	summary?: Summary;
	services?: Tally;
};

export type ReadResult = {ok: true; list: SessionList} | {ok: false; reason: string};

/** A whole `GET /v1/sessions` document. */
export function readSessionList(document: unknown, polledAt: number, origin: Origin = single): ReadResult {
	if (!isObject(document) || !Array.isArray(document['data'])) {
		return {ok: false, reason: notAListBecause(document)};
	}

	const data: unknown[] = document['data'];
	sizeConnectedCache(data.length);
	const sessions: Session[] = [];
	const seen = new Set<string>();
	let skipped = 0;
	let duplicates = 0;
	/** Per session: whether its age comes from `connected` (no seconds_alive). */
	const fromConnected: boolean[] = [];
	/** Per session: its resource of `data`. */
	const resources: unknown[] = [];
	for (const resource of data) {
		const session = readSession(resource, polledAt, origin);
		if (session === undefined) {
			skipped++;
		} else if (seen.has(session.id)) {
			duplicates++;
		} else {
			seen.add(session.id);
			sessions.push(session);
			resources.push(resource);
			fromConnected.push(secondsAliveOf(resource) === undefined);
		}
	}

	const aheadMs = origin.serverZone === undefined ? shiftZonelessAges(sessions, fromConnected, data, polledAt, origin.zone) : 0;
	statementTimes(sessions, resources, polledAt, origin.serverZone, origin.zone);
	return {ok: true, list: {sessions, skipped, duplicates, aheadMs}};
}

/** seconds_alive (24.02) of a resource readSession accepted. */
function secondsAliveOf(resource: unknown): number | undefined {
	const attributes = (resource as Json)['attributes'];
	return isObject(attributes) ? count(attributes['seconds_alive']) : undefined;
}

/** Ages from zone-less times read in the operator's zone, moved where idle times prove that zone wrong (server-clock.ts). */
function shiftZonelessAges(sessions: Session[], fromConnected: boolean[], data: unknown[], polledAt: number, memory: ZoneMemory | undefined): number {
	// One server, one format: the first `connected` tells.
	const first = data.find((resource) => isObject(resource) && isObject(resource['attributes']) && typeof resource['attributes']['connected'] === 'string');
	if (first === undefined || !isZoneless((first as {attributes: {connected: string}}).attributes.connected)) {
		return 0;
	}

	// As columns, through the streamed reader's own rule (server-clock.ts), so the two agree
	// by construction: an age is taken from `connected` where it is NaN.
	const ages = new Float64Array(sessions.length);
	const connected = new Float64Array(sessions.length);
	const idles = new Float64Array(sessions.length);
	for (const [i, session] of sessions.entries()) {
		ages[i] = fromConnected[i] === true ? Number.NaN : 0;
		connected[i] = session.connectedAt ?? Number.NaN;
		idles[i] = session.idleSeconds ?? Number.NaN;
	}

	const shift = agesFromConnected(ages, connected, idles, polledAt, true, memory);
	for (const [i, session] of sessions.entries()) {
		if (fromConnected[i] === true && session.connectedAt !== undefined) {
			session.connectedAt = connected[i];
			session.ageSeconds = ages[i];
		}
	}

	return shift;
}

/** The document of `GET /v1/sessions/:id`: its `data` must be one object with an id. */
export function readSessionDocument(document: unknown): {ok: true; data: Json} | {ok: false; reason: string} {
	if (!isObject(document) || !isObject(document['data'])) {
		return {ok: false, reason: notADocumentBecause(document)};
	}

	return {ok: true, data: document['data']};
}
