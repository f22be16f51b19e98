// Snapshot in, screen rows out: sessions grouped by service, then state, each
// group row with its count. The list is a flat array so the screen can slice
// exactly the visible rows. Sessions that just ended ("ghosts") stay in their
// group, greyed, for a few polls; they do not count.

import {entryComparator, entryMaker, type Entry} from './row-order.js';
import type {Session} from './session.js';
import {sortSteps} from './sliced-sort.js';
import type {Sort} from './sort.js';
import {finish, stepItems, type Steps} from './steps.js';

export type Grouping = 'service-state' | 'service' | 'flat';
export const groupings: Grouping[] = ['service-state', 'service', 'flat'];

export type Row =
	| {
			kind: 'service';
			key: string;
			service: string;
			count: number;
			states: Array<{state: string; count: number}>;
			collapsed: boolean;
	  }
	| {kind: 'state'; key: string; service: string; state: string; count: number; collapsed: boolean}
	| {kind: 'session'; key: string; session: Session}
	| {kind: 'ghost'; key: string; session: Session};

// Lifecycle order of the states MaxScale reports; anything else follows, by name.
const stateOrder = [
	'Session started',
	'Session ready for routing',
	'Session created',
	'Listener Session',
	'Stopping session',
];

export function compareStates(a: string, b: string): number {
	const x = stateOrder.indexOf(a);
	const y = stateOrder.indexOf(b);
	if (x !== y) {
		return x === -1 ? 1 : y === -1 ? -1 : x - y;
	}

	return a < b ? -1 : a > b ? 1 : 0;
}

export const noService = '(no service)';
export const noState = '(no state)';

// Group keys start with NUL so that no session id (server text) can collide with them.
export const serviceKey = (service: string) => `\u0000service\u0000${service}`;
export const stateKey = (service: string, state: string) => `\u0000state\u0000${service}\u0000${state}`;
export const ghostKey = (id: string) => `\u0000ghost\u0000${id}`;

function* groupBy(entries: readonly Entry[], key: (s: Session) => string): Steps<Map<string, Entry[]>> {
	const groups = new Map<string, Entry[]>();
	for (let i = 0; i < entries.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const entry = entries[i]!;
		const name = key(entry.session);
		let group = groups.get(name);
		if (group === undefined) {
			group = [];
			groups.set(name, group);
		}

		group.push(entry);
	}

	return groups;
}

const serviceName = (s: Session) => s.service || noService;
const stateName = (s: Session) => s.state || noState;
const live = (entries: readonly Entry[]) => entries.reduce((n, entry) => n + (entry.ghost ? 0 : 1), 0);

function* sessionRows(entries: Entry[], compare: (a: Entry, b: Entry) => number, rows: Row[]): Steps<void> {
	yield* sortSteps(entries, compare);
	for (let i = 0; i < entries.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const {session, ghost} = entries[i]!;
		rows.push(ghost ? {kind: 'ghost', key: ghostKey(session.key), session} : {kind: 'session', key: session.key, session});
	}
}

export type RowOptions = {
	grouping: Grouping;
	sort: Sort;
	collapsed?: ReadonlySet<string>;
	ghosts?: readonly Session[];
	filter?: (session: Session) => boolean;
};

export function buildRows(sessions: readonly Session[], options: RowOptions): Row[] {
	return finish(buildRowsSteps(sessions, options));
}

/** buildRows, yielding every few thousand sessions (see steps.ts). */
export function* buildRowsSteps(sessions: readonly Session[], options: RowOptions): Steps<Row[]> {
	const compare = entryComparator(options.sort);
	const entry = entryMaker(options.sort);
	const collapsed = options.collapsed ?? new Set<string>();
	const {filter} = options;
	const entries: Entry[] = [];
	for (let i = 0; i < sessions.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const session = sessions[i]!;
		if (filter === undefined || filter(session)) {
			entries.push(entry(session, false));
		}
	}

	for (const session of options.ghosts ?? []) {
		if (filter === undefined || filter(session)) {
			entries.push(entry(session, true));
		}
	}

	const rows: Row[] = [];
	if (options.grouping === 'flat') {
		yield* sessionRows(entries, compare, rows);
		return rows;
	}

	const services = [...(yield* groupBy(entries, serviceName))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [service, members] of services) {
		const states = [...(yield* groupBy(members, stateName))].sort(([a], [b]) => compareStates(a, b));
		const key = serviceKey(service);
		const isCollapsed = collapsed.has(key);
		rows.push({
			kind: 'service',
			key,
			service,
			count: live(members),
			states: states.map(([state, group]) => ({state, count: live(group)})).filter((s) => s.count > 0),
			collapsed: isCollapsed,
		});
		if (isCollapsed) {
			continue;
		}

		if (options.grouping === 'service') {
			yield* sessionRows(members, compare, rows);
			continue;
		}

		for (const [state, group] of states) {
			const key = stateKey(service, state);
			rows.push({kind: 'state', key, service, state, count: live(group), collapsed: collapsed.has(key)});
			if (!collapsed.has(key)) {
				yield* sessionRows(group, compare, rows);
			}
		}
	}

	return rows;
}
