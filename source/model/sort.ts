// Sort orders for the session list. Every comparison ends on the id, then the
// MaxScale, so equal keys keep a stable, predictable order from poll to poll.

import {addressKey} from './address-order.js';
import {mappedIpv4} from './format.js';
import {compareIds, type Session} from './session.js';

// In the columns' order, the order `>` and `<` step through them in (view.ts).
// Running and Statement last: columns shown only when chosen (column-choice.ts), as their list costs more.
export const sortKeys = ['id', 'user', 'client', 'service', 'server', 'state', 'age', 'idle', 'memory', 'io', 'maxscale', 'running', 'statement'] as const;
export type SortKey = (typeof sortKeys)[number];
export type Sort = {key: SortKey; descending: boolean};

export const defaultSort: Sort = {key: 'id', descending: false};

type Compare = (a: Session, b: Session) => number;

/** Two numbers in order; unknown values always sort last, whichever the direction. */
export function compareNumbers(x: number | undefined, y: number | undefined, descending: boolean): number {
	if (x === undefined || y === undefined) {
		return x === y ? 0 : x === undefined ? 1 : -1;
	}

	return descending ? y - x : x - y;
}

/** Two texts in order; unknown values always sort last, whichever the direction. */
export function compareTexts(x: string | undefined, y: string | undefined, descending: boolean): number {
	if (x === undefined || y === undefined) {
		return x === y ? 0 : x === undefined ? 1 : -1;
	}

	const order = x < y ? -1 : x > y ? 1 : 0;
	return descending ? -order : order;
}

function byNumber(pick: (s: Session) => number | undefined): (descending: boolean) => Compare {
	return (descending) => (a, b) => compareNumbers(pick(a), pick(b), descending);
}

function byText(pick: (s: Session) => string | undefined): (descending: boolean) => Compare {
	return (descending) => (a, b) => compareTexts(pick(a), pick(b), descending);
}

/**
 * A client as it sorts: its address by its numbers (10.0.0.9 before 10.0.0.10, ::1 before
 * 2001:db8::1: address-order.ts), then the port by its number (QA: `:45267` before `:34714`
 * under one address), padded so that text order is number order.
 */
export function clientKey(address: string, port: number | undefined): string {
	const host = addressKey(address);
	return port === undefined ? host : `${host}:${String(port).padStart(5, '0')}`;
}

/** What each key sorts by, other than the id: text or a number, undefined when unknown. */
export const sortValues = {
	user: {text: (s: Session) => s.user},
	// As the Client column shows it: an IPv4 client of a dual-stack listener among the IPv4 ones.
	client: {text: (s: Session) => (s.remote === undefined ? undefined : clientKey(mappedIpv4(s.remote) ?? s.remote, s.port))},
	// '' is a session whose document names no service (shown `(no service)`): unknown, so last.
	service: {text: (s: Session) => (s.service === '' ? undefined : s.service)},
	// Unknown (before 2.3) and none (not connected to a backend yet) both last.
	server: {text: (s: Session) => (s.servers === '' ? undefined : s.servers)},
	state: {text: (s: Session) => s.state},
	age: {number: (s: Session) => s.ageSeconds},
	idle: {number: (s: Session) => s.idleSeconds},
	memory: {number: (s: Session) => s.memoryBytes},
	io: {number: (s: Session) => s.ioActivity},
	maxscale: {text: (s: Session) => s.host},
	// How long the statement has run; none running (or not known): last.
	running: {number: (s: Session) => s.statementSeconds},
	// None retained, or not known: last.
	statement: {text: (s: Session) => (s.statement === '' ? undefined : s.statement)},
} satisfies Record<Exclude<SortKey, 'id'>, {text: (s: Session) => string | undefined} | {number: (s: Session) => number | undefined}>;

const comparators: Record<SortKey, (descending: boolean) => Compare> = {
	id: (descending) => (a, b) => (descending ? compareIds(b.id, a.id) : compareIds(a.id, b.id)),
	user: byText(sortValues.user.text),
	client: byText(sortValues.client.text),
	service: byText(sortValues.service.text),
	server: byText(sortValues.server.text),
	state: byText(sortValues.state.text),
	age: byNumber(sortValues.age.number),
	idle: byNumber(sortValues.idle.number),
	memory: byNumber(sortValues.memory.number),
	io: byNumber(sortValues.io.number),
	maxscale: byText(sortValues.maxscale.text),
	running: byNumber(sortValues.running.number),
	statement: byText(sortValues.statement.text),
};

/**
 * The last tie-break, always A→Z: the same id on two MaxScales. Not left to where each
 * session stood in the merged list, where an ended one (after all live ones) would drop
 * below its live twin on another MaxScale.
 */
export function compareHosts(a: Session, b: Session): number {
	return a.host < b.host ? -1 : a.host > b.host ? 1 : 0;
}

export function comparator(sort: Sort): Compare {
	const primary = comparators[sort.key](sort.descending);
	if (sort.key === 'id') {
		return (a, b) => primary(a, b) || compareHosts(a, b);
	}

	return (a, b) => primary(a, b) || compareIds(a.id, b.id) || compareHosts(a, b);
}
