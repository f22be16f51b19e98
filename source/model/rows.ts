// Snapshot in, screen rows out: sessions grouped by service, then state, each
// group row with its count. The list is a flat array so the screen can slice
// exactly the visible rows. Sessions that just ended ("ghosts") stay in their
// group, greyed, for a few polls; they do not count.

import {mappedIpv4} from './format.js';
import {rowOrder} from './row-order.js';
import type {Session} from './session.js';
import {sortSteps} from './sliced-sort.js';
import type {Sort} from './sort.js';
import {finish, stepItems, type Steps} from './steps.js';

/**
 * How the list is grouped: by service and then state (the default), by service, by user, by
 * client host, or not at all. By user or client host, an operator sees who holds the sessions:
 * the application account or the host that opened thousands.
 */
export type Grouping = 'service-state' | 'service' | 'user' | 'client' | 'flat';
/** In the order `t` steps through them. */
export const groupings: Grouping[] = ['service-state', 'service', 'user', 'client', 'flat'];

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
export const noUser = '(no user)';
export const noClient = '(no client)';

// Group keys start with NUL so that no session id (server text) can collide with them.
export const serviceKey = (service: string) => `\u0000service\u0000${service}`;
export const stateKey = (service: string, state: string) => `\u0000state\u0000${service}\u0000${state}`;
export const ghostKey = (id: string) => `\u0000ghost\u0000${id}`;
const userKey = (user: string) => `\u0000user\u0000${user}`;
const clientKey = (client: string) => `\u0000client\u0000${client}`;

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
	for (let i = 0; i < members.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const name = key(pool.at(members[i]!));
		let group = index.get(name);
		if (group === undefined) {
			group = sizes.length;
			index.set(name, group);
			sizes.push(0);
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

/** The group a session falls in: its service and state, named even when MaxScale left them out. */
export const serviceName = (s: Session) => s.service || noService;
export const stateName = (s: Session) => s.state || noState;
export const userName = (s: Session) => s.user || noUser;
/**
 * The client's address, without its port: one group per machine, not per connection. An
 * IPv4-mapped one (`::ffff:10.0.7.6`, a dual-stack listener's) as the IPv4 address it is, as
 * its cells show it: one machine, one group, whichever listener it came through.
 */
export const clientName = (s: Session) => (s.remote ? (mappedIpv4(s.remote) ?? s.remote) : noClient);

/** The outer group a session falls in under `grouping` (flat: its service, unused). */
export function outerName(grouping: Grouping, s: Session): string {
	return grouping === 'user' ? userName(s) : grouping === 'client' ? clientName(s) : serviceName(s);
}

/**
 * An outer group's row key. A user and a service of the same name have different keys, so
 * a service collapsed before `t` does not fold the user named like it after.
 */
export function outerKey(grouping: Grouping, name: string): string {
	return grouping === 'user' ? userKey(name) : grouping === 'client' ? clientKey(name) : serviceKey(name);
}

/** The keys of every group a session could be under, innermost first; the rows of one grouping hold only theirs. */
export function groupKeysOf(s: Session): string[] {
	const service = serviceName(s);
	return [stateKey(service, stateName(s)), serviceKey(service), userKey(userName(s)), clientKey(clientName(s))];
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
};

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
	const outer = [...(yield* groupBy(pool, members, (s) => outerName(grouping, s)))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [service, inService] of outer) {
		// Each group's states are counted on its row, whatever it is grouped by.
		const states = [...(yield* groupBy(pool, inService, stateName))].sort(([a], [b]) => compareStates(a, b));
		const key = outerKey(grouping, service);
		const isCollapsed = collapsed.has(key);
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
			rows.push({kind: 'state', key, service, state, count: liveCount(pool, group), collapsed: collapsed.has(key)});
			if (!collapsed.has(key)) {
				yield* sessionRows(pool, group, compare, rows);
			}
		}
	}

	return rows;
}
