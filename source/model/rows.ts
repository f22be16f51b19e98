// Snapshot in, screen rows out: sessions grouped (by service then state, service, user or
// client host: groups.ts), each group row with its count. The list is a flat array so the
// screen can slice exactly the visible rows. Sessions that just ended ("ghosts") stay in
// their group, greyed, for a few polls; they do not count.

import {compareGroupNames, compareStates, outerKey, outerName, standingGroups, stateKey, stateName, type Grouping} from './groups.js';
import {rowOrder} from './row-order.js';
import type {Session} from './session.js';
import {sortSteps} from './sliced-sort.js';
import type {Sort} from './sort.js';
import {finish, stepItems, type Steps} from './steps.js';

/**
 * A group's row. `service` is the outer group, whatever it is grouped by: its `service` field
 * is the group's name, a service's, or a user's or client host's when grouped by those
 * (outerName); `state` groups sit under a service, grouped by service and state.
 */
export type GroupRow =
	| {
			kind: 'service';
			key: string;
			service: string;
			count: number;
			states: Array<{state: string; count: number}>;
			collapsed: boolean;
	  }
	| {kind: 'state'; key: string; service: string; state: string; count: number; collapsed: boolean};
export type GhostRow = {kind: 'ghost'; key: string; session: Session};

/**
 * A row of the list. A session is its own row (its key is the row's key): a wrapper
 * object per session per poll was ~5 MB more at 100k sessions, all of it kept.
 */
export type Row = GroupRow | GhostRow | Session;
export type RowKind = GroupRow['kind'] | 'ghost' | 'session';

// No session has a `kind`: that is what tells a session row from the others.
export const isSessionRow = (row: Row): row is Session => !('kind' in row);
export const isGroupRow = (row: Row | undefined): row is GroupRow => row !== undefined && 'kind' in row && row.kind !== 'ghost';
export const isGhostRow = (row: Row | undefined): row is GhostRow => row !== undefined && 'kind' in row && row.kind === 'ghost';
export const rowKind = (row: Row): RowKind => ('kind' in row ? row.kind : 'session');
/** The session a session or ghost row shows. */
export const sessionOf = (row: Session | GhostRow): Session => ('kind' in row ? row.session : row);

// NUL first, as the group keys (groups.ts): no session id, a server's text, collides with it.
export const ghostKey = (id: string) => `\u0000ghost\u0000${id}`;

/**
 * An array of `size` small integers. Not Array.from({length}), which walks an array-like
 * one index at a time: ~10 ms for 100k here, against ~1 for this.
 */
// eslint-disable-next-line unicorn/no-new-array
const zeros = (size: number): number[] => new Array<number>(size).fill(0);

// Sessions on their way to rows are positions in the poll's list (see row-order.ts):
// `0 … live - 1` its sessions, `live …` the ghosts after them.
type Pool = {at: (position: number) => Session; live: number};

/**
 * Members split by `key`, each group in first-seen order. Two passes, so that each group is
 * one array of its exact size: at 100k sessions, growing them by push allocated each
 * position about three times over, every poll.
 */
function* groupBy(pool: Pool, members: readonly number[], key: (s: Session) => string): Steps<Map<string, number[]>> {
	const index = new Map<string, number>();
	const sizes: number[] = [];
	const groupOf = new Int32Array(members.length);
	// Neighbours mostly share a group (a state above all): its name is then no look-up.
	let lastName: string | undefined;
	let lastGroup = 0;
	for (let i = 0; i < members.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const name = key(pool.at(members[i]!));
		let group = lastGroup;
		if (name !== lastName) {
			let found = index.get(name);
			if (found === undefined) {
				found = sizes.length;
				index.set(name, found);
				sizes.push(0);
			}

			group = found;
			lastName = name;
			lastGroup = found;
		}

		sizes[group]!++;
		groupOf[i] = group;
	}

	const arrays = sizes.map((size) => zeros(size));
	const filled = sizes.map(() => 0);
	for (let i = 0; i < members.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const group = groupOf[i]!;
		arrays[group]![filled[group]!++] = members[i]!;
	}

	const groups = new Map<string, number[]>();
	for (const [name, group] of index) {
		groups.set(name, arrays[group]!);
	}

	return groups;
}

/**
 * Sessions the rows hold, collapsed groups included: a service row counts its sessions
 * whether or not they are drawn under it (the header's `N of M` under a filter). Ghosts
 * never count. Walks the rows, so it is worked out only when a filter is on.
 */
export function sessionCount(rows: readonly Row[]): number {
	let inServices = 0;
	let loose = 0;
	let grouped = false;
	for (const row of rows) {
		if (isSessionRow(row)) {
			loose++;
		} else if (row.kind === 'service') {
			grouped = true;
			inServices += row.count;
		}
	}

	// Grouped, every session is in a service (drawn or not); flat, every one is a row.
	return grouped ? inServices : loose;
}

const liveCount = (pool: Pool, members: readonly number[]) => members.reduce((n, position) => n + (position < pool.live ? 1 : 0), 0);

function* sessionRows(pool: Pool, members: number[], compare: (a: number, b: number) => number, rows: Row[]): Steps<void> {
	yield* sortSteps(members, compare);
	for (let i = 0; i < members.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const position = members[i]!;
		const session = pool.at(position);
		rows.push(position < pool.live ? session : {kind: 'ghost', key: ghostKey(session.key), session});
	}
}

export type RowOptions = {
	grouping: Grouping;
	sort: Sort;
	collapsed?: ReadonlySet<string>;
	ghosts?: readonly Session[];
	filter?: (session: Session) => boolean;
	/** The MaxScales watched, for the groups that stand empty (groups.ts standingGroups). */
	hosts?: readonly string[];
};

// Where each built rows array has its group rows, noted as they are placed: the sticky group
// rows (sticky-groups.ts) look up the groups over the first row in view on every key and poll,
// and finding them again would walk up to the whole list (~2 ms at 100k sessions) each poll.
const groupPositions = new WeakMap<readonly Row[], readonly number[]>();

/** The places of the group rows of rows that buildRows built, in order; undefined for any other array. */
export const groupRowPositions = (rows: readonly Row[]): readonly number[] | undefined => groupPositions.get(rows);

export function buildRows(sessions: readonly Session[], options: RowOptions): Row[] {
	return finish(buildRowsSteps(sessions, options));
}

/** buildRows, yielding every few thousand sessions (see steps.ts). */
export function* buildRowsSteps(sessions: readonly Session[], options: RowOptions): Steps<Row[]> {
	const ghosts = options.ghosts ?? [];
	const live = sessions.length;
	const size = live + ghosts.length;
	const pool: Pool = {at: (position) => (position < live ? sessions[position]! : ghosts[position - live]!), live};
	const order = rowOrder(options.sort, pool.at, size);
	const compare = order.compare;
	const collapsed = options.collapsed ?? new Set<string>();
	const {filter} = options;
	// Sized once and cut to length: push would copy the positions as the array grows.
	const members = zeros(size);
	let count = 0;
	for (let position = 0; position < size; position++) {
		if (position % stepItems === stepItems - 1) {
			yield;
		}

		if (filter === undefined || filter(pool.at(position))) {
			order.read(position);
			members[count++] = position;
		}
	}

	members.length = count;

	const rows: Row[] = [];
	if (options.grouping === 'flat') {
		yield* sessionRows(pool, members, compare, rows);
		return rows;
	}

	const {grouping} = options;
	const positions: number[] = [];
	groupPositions.set(rows, positions);
	const byName = compareGroupNames(grouping, options.hosts ?? []);
	const groups = yield* groupBy(pool, members, (s) => outerName(grouping, s));
	for (const name of standingGroups(grouping, options.hosts ?? [])) {
		if (!groups.has(name)) {
			groups.set(name, []);
		}
	}

	const outer = [...groups].sort(([a], [b]) => byName(a, b));
	for (const [service, inService] of outer) {
		// Each group's states are counted on its row, whatever it is grouped by.
		const states = [...(yield* groupBy(pool, inService, stateName))].sort(([a], [b]) => compareStates(a, b));
		const key = outerKey(grouping, service);
		const isCollapsed = collapsed.has(key);
		positions.push(rows.length);
		rows.push({
			kind: 'service',
			key,
			service,
			count: liveCount(pool, inService),
			states: states.map(([state, group]) => ({state, count: liveCount(pool, group)})).filter((s) => s.count > 0),
			collapsed: isCollapsed,
		});
		if (isCollapsed) {
			continue;
		}

		if (grouping !== 'service-state') {
			yield* sessionRows(pool, inService, compare, rows);
			continue;
		}

		for (const [state, group] of states) {
			const key = stateKey(service, state);
			positions.push(rows.length);
			rows.push({kind: 'state', key, service, state, count: liveCount(pool, group), collapsed: collapsed.has(key)});
			if (!collapsed.has(key)) {
				yield* sessionRows(pool, group, compare, rows);
			}
		}
	}

	return rows;
}
