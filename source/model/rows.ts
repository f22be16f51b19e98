// Snapshot in, screen rows out: sessions grouped by service, then state, each
// group row with its count. The list is a flat array so the screen can slice
// exactly the visible rows.

import type {Session} from './session.js';
import {comparator, type Sort} from './sort.js';

export type Grouping = 'service-state' | 'service' | 'flat';

export type Row =
	| {kind: 'service'; key: string; service: string; count: number; states: Array<{state: string; count: number}>}
	| {kind: 'state'; key: string; service: string; state: string; count: number}
	| {kind: 'session'; key: string; session: Session};

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

function groupBy(sessions: readonly Session[], key: (s: Session) => string): Map<string, Session[]> {
	const groups = new Map<string, Session[]>();
	for (const session of sessions) {
		const name = key(session);
		let group = groups.get(name);
		if (group === undefined) {
			group = [];
			groups.set(name, group);
		}

		group.push(session);
	}

	return groups;
}

const serviceName = (s: Session) => s.service || noService;
const stateName = (s: Session) => s.state || noState;

function sessionRows(sessions: Session[], compare: (a: Session, b: Session) => number, rows: Row[]): void {
	sessions.sort(compare);
	for (const session of sessions) {
		rows.push({kind: 'session', key: session.id, session});
	}
}

export type RowOptions = {grouping: Grouping; sort: Sort};

export function buildRows(sessions: readonly Session[], options: RowOptions): Row[] {
	const compare = comparator(options.sort);
	const rows: Row[] = [];
	if (options.grouping === 'flat') {
		sessionRows([...sessions], compare, rows);
		return rows;
	}

	const services = [...groupBy(sessions, serviceName)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [service, members] of services) {
		const states = [...groupBy(members, stateName)].sort(([a], [b]) => compareStates(a, b));
		rows.push({
			kind: 'service',
			key: `service:${service}`,
			service,
			count: members.length,
			states: states.map(([state, group]) => ({state, count: group.length})),
		});
		if (options.grouping === 'service') {
			sessionRows(members, compare, rows);
			continue;
		}

		for (const [state, group] of states) {
			rows.push({kind: 'state', key: `state:${service}\u0000${state}`, service, state, count: group.length});
			sessionRows(group, compare, rows);
		}
	}

	return rows;
}

/** Sessions per state over the whole snapshot, for the header, in lifecycle order. */
export function countStates(sessions: readonly Session[]): Array<{state: string; count: number}> {
	const counts = new Map<string, number>();
	for (const session of sessions) {
		const state = stateName(session);
		counts.set(state, (counts.get(state) ?? 0) + 1);
	}

	return [...counts].sort(([a], [b]) => compareStates(a, b)).map(([state, count]) => ({state, count}));
}
