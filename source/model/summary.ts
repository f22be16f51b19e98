// What the screen shows about the whole list besides its rows: the sessions in
// each state (the header) and the widest id (the id column). Worked out with the
// poll, in its steps, so that no frame walks 100k sessions. Under a filter the header
// counts the rows' sessions instead (rowStateCounts), when the rows are rebuilt.

import {isGroupRow, isSessionRow, type Row} from './rows.js';
import {compareStates, missingUser, serviceName, stateName} from './groups.js';
import {noServer, runningMark} from './format.js';
import type {Session} from './session.js';
import {finish, stepItems, type Steps} from './steps.js';
import {Tally} from './tally.js';

export type Summary = {
	/** Sessions per state over the whole list, in lifecycle order. */
	stateCounts: Array<{state: string; count: number}>;
	/** The longest id, in characters (at least 2, the column's title). */
	idWidth: number;
	/**
	 * The longest user, client (as the Client column writes it) and service over the whole
	 * list, in terminal cells or a little more (cellsAtLeast): the columns grow no wider than
	 * their longest text, and leave the room to the others (columns.ts). 0 with no sessions.
	 */
	widest: Widest;
};

/**
 * `server`: 0 when no session of the list says its servers (before 2.3): the Server column is
 * then left out. `memory`, `io`: 1 when a session of the list has the value, else 0 (a
 * MaxScale too old for it): those columns too are left out, rather than a column of `?`.
 * `statement`: the longest statement as its column writes it, at least 1 when a session of
 * the list has `queries` at all (retained none: the column shows, empty), else 0. `idleTimes`: as
 * `memory`, for MaxScale 2.1, which sends no idle time (QA: a column of `?`); unset, shown. Not
 * named `idle`: the layout reads a column's key here as its longest text (columns.ts floorOf).
 */
export type Widest = {user: number; client: number; service: number; server: number; memory: number; io: number; statement: number; idleTimes?: number};

export const emptySummary: Summary = {stateCounts: [], idWidth: 2, widest: {user: 0, client: 0, service: 0, server: 0, memory: 0, io: 0, statement: 0}};

/**
 * At least the cells `text` takes on the terminal, without measuring it: a character outside
 * ASCII counts two (CJK and emoji take two cells; an astral one is two UTF-16 units, so four).
 * For a cap on a column's width, too wide is harmless, too narrow would cut the longest name.
 */
export function cellsAtLeast(text: string): number {
	let cells = text.length;
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) >= 0x80) {
			cells++;
		}
	}

	return cells;
}

const digits = (port: number) => (port < 10 ? 1 : port < 100 ? 2 : port < 1000 ? 3 : port < 10_000 ? 4 : 5);

/** Whether `::ffff:a.b.c.d` (any case) holds an IPv4 address, as format.ts mappedIpv4 reads it, without a regular expression or a string. */
function isMappedIpv4(remote: string): boolean {
	if (remote.length < 14 || remote.slice(0, 7).toLowerCase() !== '::ffff:') {
		return false;
	}

	let octets = 0;
	let value = 0;
	let digitsSeen = 0;
	for (let i = 7; i <= remote.length; i++) {
		const code = i === remote.length ? 0x2e : remote.charCodeAt(i);
		if (code >= 0x30 && code <= 0x39 && digitsSeen < 3) {
			value = value * 10 + code - 0x30;
			digitsSeen++;
		} else if (code === 0x2e && digitsSeen > 0 && value <= 255) {
			octets++;
			value = 0;
			digitsSeen = 0;
		} else {
			return false;
		}
	}

	return octets === 4;
}

/**
 * The Client column's text length (format.ts formatClient) without building it, for every
 * session every poll: an IPv4-mapped address shows as its IPv4 part, another with a colon
 * (IPv6) in brackets before its port. In cells or a little more, as cellsAtLeast counts.
 */
export function clientLength(remote: string | undefined, port: number | undefined): number {
	if (remote === undefined) {
		return 1;
	}

	const mapped = remote.charCodeAt(0) === 0x3a && isMappedIpv4(remote);
	const address = mapped ? remote.length - 7 : cellsAtLeast(remote);
	return port === undefined ? address : address + 1 + digits(port) + (!mapped && remote.includes(':') ? 2 : 0);
}

/** [state, count] pairs in lifecycle order, as the header shows them. */
const inOrder = (entries: Array<[string, number]>): Summary['stateCounts'] =>
	entries.sort(([a], [b]) => compareStates(a, b)).map(([state, count]) => ({state, count}));

/**
 * The summary, a session at a time: summarizeSteps walks a list with it, and the list worker's
 * parts (api/list-parts.ts) feed it as they are rebuilt, while the rest of the list is read.
 */
export class SummaryFold {
	/** Sessions per service, for the sparklines (changes.ts), counted in the same pass. */
	readonly services = new Tally();
	readonly #counts = new Tally();
	#idWidth = emptySummary.idWidth;
	#user = 0;
	#client = 0;
	#service = 0;
	#server = 0;
	#memory = 0;
	#io = 0;
	#idle = 0;
	/** No session yet: nothing says the MaxScale lacks idle times, so the column stays (its titles over an empty list). */
	#none = 1;
	#statement = 0;

	add(session: Session): void {
		this.services.add(session.service);
		this.#counts.add(stateName(session));
		this.#idWidth = Math.max(this.#idWidth, session.id.length);
		this.#user = Math.max(this.#user, session.user === undefined ? missingUser(session).length : cellsAtLeast(session.user));
		this.#client = Math.max(this.#client, clientLength(session.remote, session.port));
		this.#service = Math.max(this.#service, cellsAtLeast(serviceName(session)));
		const {servers} = session;
		if (servers !== undefined) {
			this.#server = Math.max(this.#server, servers === '' ? noServer.length : cellsAtLeast(servers));
		}

		this.#memory ||= session.memoryBytes === undefined ? 0 : 1;
		this.#io ||= session.ioActivity === undefined ? 0 : 1;
		this.#idle ||= session.idleSeconds === undefined ? 0 : 1;
		this.#none = 0;
		const text = session.statement;
		if (text !== undefined) {
			this.#statement = Math.max(this.#statement, 1, cellsAtLeast(text) + (session.statementRunning === true ? runningMark.length : 0));
		}
	}

	result(): Summary {
		const widest = {user: this.#user, client: this.#client, service: this.#service, server: this.#server, memory: this.#memory, io: this.#io, statement: this.#statement, idleTimes: this.#idle || this.#none};
		return {stateCounts: inOrder(this.#counts.entries()), idWidth: this.#idWidth, widest};
	}
}

export function* summarizeSteps(sessions: readonly Session[]): Steps<Summary> {
	const fold = new SummaryFold();
	for (let i = 0; i < sessions.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		fold.add(sessions[i]!);
	}

	return fold.result();
}

/** Sessions per state over the whole list, for the header, in lifecycle order. */
export function countStates(sessions: readonly Session[]): Summary['stateCounts'] {
	return finish(summarizeSteps(sessions)).stateCounts;
}

/**
 * Sessions per state among the rows, for the header under a filter: its counts then break
 * down the `N of M` it shows, not the whole list. Grouped, the service rows hold them (a
 * collapsed service too); flat, each session is a row. Ghosts never count. Walks the rows,
 * so it is worked out when they are rebuilt (a poll, a filter edit), never by a frame.
 */
export function rowStateCounts(rows: readonly Row[]): Summary['stateCounts'] {
	// Grouped rows start with a service row; flat ones are sessions (and ghosts) only.
	if (!isGroupRow(rows[0])) {
		const counts = new Tally();
		for (const row of rows) {
			if (isSessionRow(row)) {
				counts.add(stateName(row));
			}
		}

		return inOrder(counts.entries());
	}

	const counts = new Map<string, number>();
	for (const row of rows) {
		if (isGroupRow(row) && row.kind === 'service') {
			for (const {state, count} of row.states) {
				counts.set(state, (counts.get(state) ?? 0) + count);
			}
		}
	}

	return inOrder([...counts]);
}
