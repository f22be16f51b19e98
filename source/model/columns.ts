// Which columns fit, and how wide. Columns leave in a fixed order as the terminal
// narrows (the least telling first), and User and Client share what is left over.

import {chosenRank} from './column-choice.js';
import {hostLabels} from './host-labels.js';
import type {Filter} from './filter.js';
import type {Grouping} from './groups.js';
import type {SortKey} from './sort.js';
import type {Widest} from './summary.js';

export type ColumnKey = SortKey;

export type Column = {
	key: ColumnKey;
	title: string;
	width: number;
	align: 'left' | 'right';
	/** The MaxScale column narrower than the names: what each is shown as (host-labels.ts). */
	labels?: ReadonlyMap<string, string>;
};

/**
 * `room`: kept only while the cells User and Client would still grow into (towards their
 * usual widths, no further than their longest texts) are left over, up to this many.
 */
type Spec = {key: ColumnKey; title: string; min: number; max: number; align: 'left' | 'right'; dropRank: number; room?: number};

// dropRank: the higher, the sooner it goes when space runs out.
// Service (flat view only) goes right after who and where from, before State and the times:
// flat, it is the one place a session's service shows, and it says which application the
// session is, while the states are counted in the header and every figure is in the pane.
// It goes before MaxScale, half of a session's identity when several are watched (the same
// id on two). Its min keeps a name's first nine characters (`Analytics…`); its max holds
// `Read-Connection-Router`.
const specs: Spec[] = [
	{key: 'id', title: 'Id', min: 6, max: 8, align: 'right', dropRank: 0},
	{key: 'user', title: 'User', min: 8, max: 20, align: 'left', dropRank: 1},
	{key: 'client', title: 'Client', min: 15, max: 26, align: 'left', dropRank: 2},
	{key: 'service', title: 'Service', min: 10, max: 22, align: 'left', dropRank: 2.7},
	// Where the session is routed, the question when a backend is drained or slow. It is the
	// first to go, and it only comes while User and Client keep room to grow (at 80 columns
	// they would be cut to their mins for it: `etl_loa…`), unless their texts are that short
	// anyway; the pane and `server:` have it. Its min holds `server1+2` and `(none)`; several
	// backends grow it while there is room.
	{key: 'server', title: 'Server', min: 9, max: 48, align: 'left', dropRank: 8, room: 8},
	{key: 'state', title: 'State', min: 8, max: 8, align: 'left', dropRank: 5},
	{key: 'age', title: 'Age', min: 6, max: 6, align: 'right', dropRank: 4},
	{key: 'idle', title: 'Idle', min: 6, max: 6, align: 'right', dropRank: 3},
	{key: 'memory', title: 'Memory', min: 6, max: 6, align: 'right', dropRank: 6},
	{key: 'io', title: 'I/O', min: 5, max: 5, align: 'right', dropRank: 7},
	{key: 'maxscale', title: 'MaxScale', min: 10, max: 22, align: 'left', dropRank: 2.5},
	// Shown only when chosen (column-choice.ts, S), so it outlasts all but who, from where, which
	// service and Idle (with `» `, how long a statement has run): State is counted in the header,
	// Age and the figures are in the pane. It takes what the others leave, up to its longest text
	// (statement-line.ts has cut that to a few hundred characters). Its min, twenty cells
	// (`SELECT * FROM orde…`), keeps it at 80 columns, flat too.
	{key: 'statement', title: 'Statement', min: 20, max: 512, align: 'left', dropRank: 3.5},
	// How long each running statement has run (blank for the rest), shown and hidden with
	// Statement (S); the first of the two to go, as `» ` in Statement still tells which run.
	{key: 'running', title: 'Running', min: 7, max: 7, align: 'right', dropRank: 3.6},
];

const growth: Array<[ColumnKey, number]> = [
	// A user name's usual length first (`etl_loader`, `checkout_svc`): flat, Service grew before
	// it and left `etl_loa…` at 100 columns beside a Service of 16 (QA).
	['user', 12],
	['client', 22],
	// Whole names of the usual length (`RW-Split-Router`, `Analytics-Service`); longer ones last.
	['service', 17],
	['maxscale', 22],
	['user', 16],
	['client', 26],
	['user', 20],
	['service', 22],
	['maxscale', 22],
];

/** growth's first steps, to the names' usual widths: before a Statement column takes its first room. */
const usualSteps = 3;
/** The cells a Statement column grows to before the names grow past their usual widths. */
const statementFirst = 60;

/** The widths User and Client grow to first (growth's first steps): what a column with `room` leaves them. */
const usualWidths: Array<[ColumnKey, number]> = [
	['client', 22],
	['user', 16],
];

/**
 * Past their usual widths, the names grow to their longest text while room is left: a wide
 * terminal should not cut `airflow_etl_batch_user_prod` beside thirty empty cells. Up to this
 * many cells: a name longer than that (or an IPv6 client) is still cut, and whole in the pane.
 */
const wideMax = 48;
/** With a Statement column, how far the names grow before it takes the rest: `airflow_etl_batch_user_prod` whole. */
const longName = 28;
// Several backends (`server1,server2,server3`) last: who and from where read first.
const wideGrowth: ColumnKey[] = ['user', 'service', 'maxscale', 'client', 'server'];

/** The drop rank of the column sorted by: just after Client's, which goes before it. */
const keptSorted = 2.05;
/**
 * Sorted by Running, Statement's: what runs is the other half of how long (QA: at 80 columns,
 * flat, Statement went for it, though Idle going would have left room for both).
 */
const keptWithRunning = 2.06;
/**
 * A column the filter names (`running>30s`, `server:db2`), just after the sorted one: the
 * figure a filter picks rows by reads as the reason they are listed (QA: under `running>=0`
 * with the pane open, Running went and Idle, 0s on every row, stayed).
 */
const keptFiltered = 2.07;

/** How far a column is kept for the sort and the filter (the lower, the later it goes), else Infinity. */
function keptRank(key: ColumnKey, sorted: ColumnKey | undefined, filtered: readonly ColumnKey[]): number {
	if (key === sorted) {
		return keptSorted;
	}

	if (key === 'statement' && (sorted === 'running' || filtered.includes('running'))) {
		return keptWithRunning;
	}

	return filtered.includes(key) ? keptFiltered : Number.POSITIVE_INFINITY;
}

/** The columns a filter names, for layoutColumns: `host:` is the Client column's. */
export function filteredColumns(filter: Pick<Filter, 'named'>): ColumnKey[] {
	return (filter.named ?? []).map((field) => (field === 'host' ? 'client' : field));
}

/** The cursor/marker gutter before the first column. */
export const gutter = 2;

function widthOf(chosen: readonly Spec[], pick: (spec: Spec) => number): number {
	return chosen.reduce((sum, spec) => sum + pick(spec), 0) + Math.max(0, chosen.length - 1) + gutter;
}

/**
 * Whether the list has a column at all, whatever its width: MaxScale only when several are
 * watched, unless grouped by MaxScale; Service unless grouped by service (then every session sits under a row naming it);
 * Server when a session of the list says its servers (`widest.server`: 2.3+ do), Memory and
 * I/O when a session of the list has them.
 */
export function hasColumn(key: ColumnKey, several: boolean, grouping: Grouping, widest?: Partial<Widest>): boolean {
	switch (key) {
		// Grouped by MaxScale, each session sits under a row naming it.
		case 'maxscale': {
			return several && grouping !== 'maxscale';
		}

		case 'service': {
			return grouping !== 'service-state' && grouping !== 'service';
		}

		case 'server': {
			return (widest?.server ?? 0) > 0;
		}

		// Not before 2.3.1, which says no statements; shown empty where none are retained.
		case 'running':
		case 'statement': {
			return (widest?.statement ?? 0) > 0;
		}

		// Left out when no session has the value (a MaxScale too old for it), as Server is.
		case 'memory':
		case 'io': {
			return (widest?.[key] ?? 1) > 0;
		}

		// A flag, not a width (summary.ts idleTimes): MaxScale 2.1 sends no idle time.
		case 'idle': {
			return (widest?.idleTimes ?? 1) > 0;
		}

		default: {
			return true;
		}
	}
}

/** The width past which the list has nothing more to show: the rest can go to the pane. */
export function naturalWidth(
	idWidth = 6,
	maxscaleWidth = 0,
	grouping: Grouping = 'service-state',
	widest?: Partial<Record<ColumnKey, number>>,
	choice?: readonly ColumnKey[],
): number {
	return layoutColumns(10_000, idWidth, maxscaleWidth, [], grouping, widest, choice).reduce((sum, column) => sum + column.width + 1, gutter - 1);
}

/**
 * The columns for a list `width` wide; `idWidth` is the longest id on screen, so
 * ids are never cut (a long-running MaxScale has seven-digit ids). `hosts`, the
 * MaxScales watched, are shortened apart when their column cannot hold them.
 * `grouping`: the list's (the Service column is flat view's). `widest`: the longest text of
 * a column over the list, past which it does not grow (0 or left out: no such limit).
 * `choice`: the columns the operator chose, in their order (column-choice.ts); left out, all.
 * `sorted`: the column the rows are sorted by, kept over all but who and from where (Id, User,
 * Client): a sort by a figure not on screen reads as no order at all (QA: `S` `<` `<` at 80
 * columns, flat, sorted by a Running it had dropped). `filtered`: the columns the filter names,
 * kept next.
 */
export function layoutColumns(
	width: number,
	idWidth = 6,
	maxscaleWidth = 0,
	hosts: readonly string[] = [],
	grouping: Grouping = 'service-state',
	widest?: Partial<Record<ColumnKey, number>>,
	choice?: readonly ColumnKey[],
	sorted?: ColumnKey,
	filtered: readonly ColumnKey[] = [],
): Column[] {
	// One cell more than the longest id: the row's marker (✕ ● +) never touches it (`✕3186291`).
	const idSize = Math.min(13, Math.max(4, idWidth + 1));
	// The MaxScale column only when several are watched (maxscaleWidth > 0), as wide as the longest name.
	// A column whose longest text is shorter than its usual minimum (clients without ports, on
	// 2.2) starts at that text, down to its title and the sort arrow: the room goes to the others.
	const floorOf = (spec: Spec) => {
		const longest = widest?.[spec.key] ?? 0;
		return longest > 0 ? Math.max(spec.title.length + 1, Math.min(spec.min, longest)) : spec.min;
	};

	const chosen = specs
		.filter((spec) => hasColumn(spec.key, maxscaleWidth > 0, grouping, widest) && chosenRank(spec.key, choice) !== undefined)
		.sort((a, b) => chosenRank(a.key, choice)! - chosenRank(b.key, choice)!)
		.map((spec) =>
			spec.key === 'id'
				? {...spec, min: idSize, max: idSize}
				: spec.key === 'maxscale'
					? {...spec, max: Math.max(spec.min, Math.min(wideMax, maxscaleWidth))}
					: {...spec, min: floorOf(spec)},
		);
	// What User and Client would still grow into: a column with `room` leaves them that much.
	const wanted = usualWidths.reduce((sum, [key, usual]) => {
		const spec = chosen.find((one) => one.key === key);
		const longest = widest?.[key] ?? 0;
		return spec === undefined ? sum : sum + Math.max(0, Math.min(usual, longest > 0 ? longest : usual) - spec.min);
	}, 0);
	for (;;) {
		const left = width - widthOf(chosen, (spec) => spec.min);
		const cramped = chosen.find((spec) => spec.key !== sorted && !filtered.includes(spec.key) && spec.room !== undefined && left < Math.min(spec.room, wanted));
		if (chosen.length <= 2 || (left >= 0 && cramped === undefined)) {
			break;
		}

		const rank = (spec: Spec) => Math.min(spec.dropRank, keptRank(spec.key, sorted, filtered));
		const drop = cramped ?? chosen.reduce((worst, spec) => (rank(spec) > rank(worst) ? spec : worst));
		chosen.splice(chosen.indexOf(drop), 1);
	}

	// Share the spare room in steps: User to a usual name, Client up to a full IPv4:port,
	// Service to the usual names, MaxScale, then User further, then each to its max.
	let spare = width - widthOf(chosen, (spec) => spec.min);
	const widths = new Map(chosen.map((spec) => [spec.key, spec.min]));
	/** A column shown widened towards `upTo` cells, as far as the spare room lets it. */
	const growTo = (key: ColumnKey, upTo: number) => {
		const current = widths.get(key);
		if (current !== undefined && upTo > current) {
			const grow = Math.min(spare, upTo - current);
			widths.set(key, current + grow);
			spare -= grow;
		}
	};

	const steps = (from: number, to?: number) => {
		for (const [key, step] of growth.slice(from, to)) {
			// No wider than its longest text (summary.ts): short clients leave the room to long users.
			const longest = widest?.[key] ?? 0;
			growTo(key, Math.min(step, chosen.find((spec) => spec.key === key)?.max ?? step, longest > 0 ? longest : step));
		}
	};

	// With a Statement column, the names grow to their usual widths only, then the statement to
	// a readable start of its text, then the names on to a long name's width (QA: `airflow_etl…`
	// beside 110 cells of statement), then the statement to its longest text, the column
	// pg_activity gives its queries (QA: cut at 60 cells at 200 columns, beside a User column
	// as wide as the list's one 36-character name), and the names to their longest with what
	// is left: a terminal wide enough cuts no name beside empty cells.
	const statement = widest?.statement ?? 0;
	steps(0, usualSteps);
	growTo('statement', Math.min(statementFirst, statement));
	steps(usualSteps);
	// Only to a text known to be there (widest): with no list yet, nothing grows this far.
	const wideTo = (upTo: number, keys = wideGrowth) => {
		for (const key of keys) {
			growTo(key, Math.min(upTo, key === 'maxscale' ? maxscaleWidth : (widest?.[key] ?? 0)));
		}
	};

	// Several backends wait for the statement: the pane and `server:` have them whole.
	wideTo(statement > 0 ? longName : wideMax, statement > 0 ? wideGrowth.filter((key) => key !== 'server') : wideGrowth);
	growTo('statement', statement);
	wideTo(wideMax);

	return chosen.map((spec) => {
		const column: Column = {key: spec.key, title: spec.title, width: widths.get(spec.key) ?? spec.min, align: spec.align};
		const labels = spec.key === 'maxscale' && column.width < maxscaleWidth ? hostLabels(hosts, column.width) : undefined;
		return labels === undefined ? column : {...column, labels};
	});
}
