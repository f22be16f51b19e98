// The list's column titles, one line aligned with the cells, the sorted one marked.

import {fitCell} from './cells.js';
import {gutter, type Column} from './columns.js';
import {head} from './sanitize.js';
import type {Sort} from './sort.js';

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

/**
 * Where the sorted column's cell lies in `line`, titleRow's ([start, end) in characters: every
 * title is one cell a character), its arrow with it, for the screen to set it apart from the others (QA: an arrow squeezed
 * between two titles, `I/O▼Running`, was all that told it, and nothing at all without colour).
 */
export function sortedSpan(columns: readonly Column[], sort: Sort, line: string): [number, number] | undefined {
	const at = columns.findIndex((column) => column.key === sort.key);
	if (at === -1) {
		return undefined;
	}

	const start = columns.slice(0, at).reduce((sum, column) => sum + column.width + 1, gutter);
	const end = start + columns[at]!.width;
	// A title that fills its column has its arrow in the space beside it (`Idle▲Running`): with it (QA).
	const arrow = (index: number) => line[index] === '▲' || line[index] === '▼';
	return [arrow(start - 1) ? start - 1 : start, arrow(end) ? end + 1 : end];
}
