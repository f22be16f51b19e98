// `sessiontop --once` on a terminal: the table no wider than the terminal, so that no row
// wraps onto two lines (QA: at 80 columns, a User of 37 cells and a Client of 32 did). When
// the whole table fits it is printed as a pipe gets it; otherwise the screen's own rules lay
// it out (model/columns.ts: which columns leave first as it narrows, how User and Client
// share what is left) and cut its texts (model/cells.ts: `…`, a client keeping its port, an
// id its end), in the table's own order and spacing. A terminal too narrow to show even who
// and where from (Id, User, Client) gets the whole rows: wrapped, but every character there.
// Loaded for a terminal only: a pipe's --once does not pay for it.

import {fitCell} from '../model/cells.js';
import {gutter, layoutColumns, type Column as Laid, type ColumnKey} from '../model/columns.js';
import type {Session} from '../model/session.js';
import {formatCells, tableCells, tableChoice, width, type Cells} from './table.js';

/** Two cells between columns, as the whole table has them (the screen has one, after its gutter). */
const between = 2;

/**
 * The screen's layout for a table `columns` wide whose columns are `between` cells apart.
 * layoutColumns counts one cell between columns and a gutter the table has not: guessing
 * `assumed` columns, the second cell of each of their separators is taken off first. The
 * fewer it keeps, the more room each gets: the fewest guessed that it keeps no more of is
 * the widest layout that still fits (fewer columns kept than guessed only leaves cells over).
 */
function layoutFor(columns: number, count: number, widest: Partial<Record<ColumnKey, number>>, hosts: readonly string[], choice?: readonly ColumnKey[], sorted?: ColumnKey): Laid[] | undefined {
	let best: Laid[] | undefined;
	for (let assumed = count; assumed >= 1; assumed--) {
		const layout = layoutColumns(columns + gutter - ((between - 1) * (assumed - 1)), widest.id, widest.maxscale ?? 0, hosts, 'flat', widest, choice, sorted);
		if (layout.length > assumed) {
			break;
		}

		best = layout;
	}

	return best;
}

/** What the screen measures (model/summary.ts): the longest id, and the texts that set their columns' widths. */
const measured: ReadonlySet<ColumnKey> = new Set(['id', 'maxscale', 'user', 'client', 'service', 'server', 'statement']);

/**
 * The longest text of each measured column, in cells: none grows past it, and a short one gives
 * its room to the others. Memory, I/O and Idle, when the table has none (a MaxScale too old for
 * them), are none in the layout either (QA: on 2.2 they took the room of Client, so nothing
 * could be fitted and every row wrapped at 80 columns).
 */
function widestOf({chosen, cells}: Cells): Partial<Record<ColumnKey | 'idleTimes', number>> {
	const has = (key: ColumnKey) => chosen.some((column) => column.key === key);
	const widest: Partial<Record<ColumnKey | 'idleTimes', number>> = {
		...(has('memory') ? {} : {memory: 0}),
		...(has('io') ? {} : {io: 0}),
		...(has('idle') ? {} : {idleTimes: 0}),
	};
	for (const [index, column] of chosen.entries()) {
		if (measured.has(column.key)) {
			// A loop, not Math.max(...texts): 100,000 arguments would overflow the stack.
			let longest = 0;
			for (const row of cells) {
				longest = Math.max(longest, width(row[index] ?? ''));
			}

			// A Statement column whose sessions retained none still shows, empty (model/summary.ts).
			widest[column.key] = column.key === 'statement' ? Math.max(1, longest) : longest;
		} else if (column.key === 'running') {
			// Running shows where statements are known (hasColumn), which its being in the table says.
			widest.statement = Math.max(1, widest.statement ?? 0);
		}
	}

	return widest;
}

/** The table's lines fitted to `columns` cells, header first; undefined when Id, User and Client cannot all be shown. */
function fitCells(table: Cells, columns: number, choice?: readonly ColumnKey[], sorted?: ColumnKey): string[] | undefined {
	const {chosen, cells} = table;
	const hostIndex = chosen.findIndex((column) => column.key === 'maxscale');
	const hosts = hostIndex === -1 ? [] : [...new Set(cells.map((row) => row[hostIndex] ?? ''))];
	const layout = layoutFor(columns, chosen.length, widestOf(table), hosts, choice, sorted);
	// Kept in the table's order (the screen's differs): the same table, narrower.
	const shown = chosen.flatMap((column, index) => {
		const laid = layout?.find((one) => one.key === column.key);
		return laid === undefined ? [] : [{index, laid}];
	});
	const total = shown.reduce((sum, {laid}) => sum + laid.width, between * (shown.length - 1));
	// Who and from where, or as much of it as was chosen (--columns without Client).
	const needed = chosen.some((column) => column.key === 'client');
	if ((needed && !shown.some(({laid}) => laid.key === 'client')) || total > columns) {
		return undefined;
	}

	const line = (texts: ReadonlyArray<string | undefined>) =>
		shown
			.map(({index, laid}) => {
				const text = texts[index] ?? '';
				// A MaxScale's name as the screen shortens it when the column cannot hold them all (model/host-labels.ts).
				return fitCell(laid.labels?.get(text) ?? text, laid, width);
			})
			.join(' '.repeat(between))
			.trimEnd();
	return [line(chosen.map((column) => column.title)), ...cells.map((row) => line(row))];
}

/** The --once table for a terminal `columns` wide: whole when it fits (or nothing narrower would do), else fitted. */
/** `sorted`: the column the table is sorted by, kept as the screen keeps it (model/columns.ts). */
export function fitTable(sessions: readonly Session[], several: boolean, columns: number, choice?: readonly ColumnKey[], sorted?: ColumnKey): string {
	const table = tableCells(sessions, several, choice);
	const whole = formatCells(table);
	if (whole.split('\n').every((line) => width(line) <= columns)) {
		return whole;
	}

	return fitCells(table, columns, tableChoice(several, choice), sorted)?.map((line) => `${line}\n`).join('') ?? whole;
}
