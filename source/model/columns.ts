// Which columns fit, and how wide. Columns leave in a fixed order as the terminal
// narrows (the least telling first), and User and Client share what is left over.

import {hostLabels} from './host-labels.js';
import {compactCount, formatBytes, formatClient, formatCount, formatDuration, shortState} from './format.js';
import {head, headCells, tailCells, units, type Measure} from './sanitize.js';
import type {Session} from './session.js';
import type {Sort, SortKey} from './sort.js';

export type ColumnKey = SortKey;

export type Column = {
	key: ColumnKey;
	title: string;
	width: number;
	align: 'left' | 'right';
	/** The MaxScale column narrower than the names: what each is shown as (host-labels.ts). */
	labels?: ReadonlyMap<string, string>;
};

type Spec = {key: ColumnKey; title: string; min: number; max: number; align: 'left' | 'right'; dropRank: number};

// dropRank: the higher, the sooner it goes when space runs out.
const specs: Spec[] = [
	{key: 'id', title: 'Id', min: 6, max: 8, align: 'right', dropRank: 0},
	{key: 'user', title: 'User', min: 8, max: 20, align: 'left', dropRank: 1},
	{key: 'client', title: 'Client', min: 15, max: 26, align: 'left', dropRank: 2},
	{key: 'state', title: 'State', min: 8, max: 8, align: 'left', dropRank: 5},
	{key: 'age', title: 'Age', min: 6, max: 6, align: 'right', dropRank: 4},
	{key: 'idle', title: 'Idle', min: 6, max: 6, align: 'right', dropRank: 3},
	{key: 'memory', title: 'Memory', min: 6, max: 6, align: 'right', dropRank: 6},
	{key: 'io', title: 'I/O', min: 5, max: 5, align: 'right', dropRank: 7},
	{key: 'maxscale', title: 'MaxScale', min: 10, max: 22, align: 'left', dropRank: 2.5},
];

const growth: Array<[ColumnKey, number]> = [
	['client', 22],
	['maxscale', 22],
	['user', 16],
	['client', 26],
	['user', 20],
	['maxscale', 22],
];

/** The cursor/marker gutter before the first column. */
export const gutter = 2;

function widthOf(chosen: readonly Spec[], pick: (spec: Spec) => number): number {
	return chosen.reduce((sum, spec) => sum + pick(spec), 0) + Math.max(0, chosen.length - 1) + gutter;
}

/** The width past which the list has nothing more to show: the rest can go to the pane. */
export function naturalWidth(idWidth = 6, maxscaleWidth = 0): number {
	return layoutColumns(10_000, idWidth, maxscaleWidth).reduce((sum, column) => sum + column.width + 1, gutter - 1);
}

/**
 * The columns for a list `width` wide; `idWidth` is the longest id on screen, so
 * ids are never cut (a long-running MaxScale has seven-digit ids). `hosts`, the
 * MaxScales watched, are shortened apart when their column cannot hold them.
 */
export function layoutColumns(width: number, idWidth = 6, maxscaleWidth = 0, hosts: readonly string[] = []): Column[] {
	const idSize = Math.min(12, Math.max(4, idWidth));
	// The MaxScale column only when several are watched (maxscaleWidth > 0), as wide as the longest name.
	const chosen = specs
		.filter((spec) => spec.key !== 'maxscale' || maxscaleWidth > 0)
		.map((spec) =>
			spec.key === 'id'
				? {...spec, min: idSize, max: idSize}
				: spec.key === 'maxscale'
					? {...spec, max: Math.max(spec.min, Math.min(spec.max, maxscaleWidth))}
					: spec,
		);
	while (chosen.length > 2 && widthOf(chosen, (spec) => spec.min) > width) {
		const drop = chosen.reduce((worst, spec) => (spec.dropRank > worst.dropRank ? spec : worst));
		chosen.splice(chosen.indexOf(drop), 1);
	}

	// Share the spare room in steps: the id first, then Client up to a full
	// IPv4:port, then User, then both to their max.
	let spare = width - widthOf(chosen, (spec) => spec.min);
	const widths = new Map(chosen.map((spec) => [spec.key, spec.min]));
	for (const [key, step] of growth) {
		const current = widths.get(key);
		const upTo = Math.min(step, chosen.find((spec) => spec.key === key)?.max ?? step);
		if (current !== undefined && upTo > current) {
			const grow = Math.min(spare, upTo - current);
			widths.set(key, current + grow);
			spare -= grow;
		}
	}

	return chosen.map((spec) => {
		const column: Column = {key: spec.key, title: spec.title, width: widths.get(spec.key) ?? spec.min, align: spec.align};
		const labels = spec.key === 'maxscale' && column.width < maxscaleWidth ? hostLabels(hosts, column.width) : undefined;
		return labels === undefined ? column : {...column, labels};
	});
}

/** A session's cell in a column, before it is fitted. */
export function columnText(session: Session, column: Column): string {
	return column.labels?.get(session.host) ?? cellText(session, column.key);
}

export function cellText(session: Session, key: ColumnKey): string {
	switch (key) {
		case 'id': {
			return session.id;
		}

		case 'user': {
			return session.user ?? '?';
		}

		case 'client': {
			return formatClient(session.remote, session.port);
		}

		case 'state': {
			return session.state === '' ? '?' : shortState(session.state);
		}

		case 'age': {
			return formatDuration(session.ageSeconds);
		}

		case 'idle': {
			return formatDuration(session.idleSeconds);
		}

		case 'memory': {
			return formatBytes(session.memoryBytes);
		}

		case 'io': {
			return formatCount(session.ioActivity);
		}

		case 'maxscale': {
			return session.host;
		}
	}
}

// An address and its port, the way formatClient writes them: IPv4, or IPv6 in brackets.
const addressAndPort = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[\da-f:.]+\])(:\d{1,5})$/i;

/**
 * A client too long for its column, cut at the front so that the port and the end of
 * the address stay (`…168.40.17:60464`, `…370:7334]:34567`): the network part is
 * what clients tend to share. Whole groups only: `…2.168.40.17` would read as another
 * address. Undefined when that cannot be done (not an address, or no room).
 */
function cutAddress(text: string, width: number): string | undefined {
	const match = addressAndPort.exec(text);
	const address = match?.[1];
	const port = match?.[2];
	if (address === undefined || port === undefined) {
		return undefined;
	}

	let start = address.length - (width - 1 - port.length);
	while (start < address.length && !'.:['.includes(address.charAt(start - 1))) {
		start++;
	}

	return start < address.length ? `…${address.slice(start)}${port}` : undefined;
}

/** `text` made `cells` wide with spaces, on the side its alignment says. */
function padCells(text: string, cells: number, align: Column['align'], measure: Measure): string {
	const gap = ' '.repeat(Math.max(0, cells - measure(text)));
	return align === 'right' ? gap + text : text + gap;
}

/** Pad or cut a cell to its column, keeping the end of a cut id and the port of a cut client visible. */
export function fitCell(text: string, column: Column, measure: Measure = units): string {
	if (measure(text) > column.width) {
		if (column.key === 'id') {
			return padCells(`…${tailCells(text, column.width - 1, measure)}`, column.width, 'right', measure);
		}

		// A count cut mid-digits (1234…) would read as a smaller one: say it in units.
		if (column.key === 'io' && /^\d+$/.test(text) && compactCount(Number(text)).length <= column.width) {
			return compactCount(Number(text)).padStart(column.width);
		}

		const client = column.key === 'client' ? cutAddress(text, column.width) : undefined;
		return padCells(client ?? `${headCells(text, column.width - 1, measure)}…`, column.width, 'left', measure);
	}

	return padCells(text, column.width, column.align, measure);
}

/**
 * The title row, gutter included, aligned with the cells below. The sorted column's
 * title carries an arrow, before a right-aligned title and after a left-aligned one.
 * When the title fills its column (Memory), the arrow goes in the space beside it
 * (`Idle▼Memory`) rather than cutting the title to `▼Memo…`; only a title that does
 * not fit even so is shortened, keeping its arrow. `width`: the row's, which a last
 * left-aligned column's arrow may reach into.
 */
export function titleRow(columns: readonly Column[], sort: Sort, width = Number.POSITIVE_INFINITY): string {
	const cells = columns.map((column) => fitCell(column.title, column));
	const gaps = columns.map((_, index) => ' '.repeat(index === 0 ? gutter : 1));
	const at = columns.findIndex((column) => column.key === sort.key);
	const sorted = columns[at];
	if (sorted === undefined) {
		return cells.map((cell, index) => `${gaps[index]}${cell}`).join('');
	}

	const arrow = sort.descending ? '▼' : '▲';
	const {title} = sorted;
	const right = sorted.align === 'right';
	const full = gaps.reduce((sum, gap) => sum + gap.length, 0) + cells.reduce((sum, cell) => sum + cell.length, 0);
	if (title.length + 1 <= sorted.width) {
		cells[at] = fitCell(right ? `${arrow}${title}` : `${title}${arrow}`, sorted);
	} else if (title.length <= sorted.width && right) {
		gaps[at] = `${gaps[at]!.slice(0, -1)}${arrow}`;
	} else if (title.length <= sorted.width && at + 1 < columns.length) {
		gaps[at + 1] = `${arrow}${gaps[at + 1]!.slice(1)}`;
	} else if (title.length <= sorted.width && full + 1 <= width) {
		cells[at] = `${cells[at]!}${arrow}`;
	} else if (sorted.width >= 2) {
		const shortened = head(title, sorted.width - 2);
		cells[at] = right ? `${arrow}${shortened}…`.padStart(sorted.width) : `${shortened}…${arrow}`.padEnd(sorted.width);
	}

	return cells.map((cell, index) => `${gaps[index]}${cell}`).join('');
}
