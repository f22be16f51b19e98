// The list's sticky group rows. QA: at 80×24, after PgDn or End the rows on screen had no
// group row above them, and grouped by service the Service column is hidden: nothing said
// which service (or state) the sessions in view were of. So, as htop's tree and k9s do,
// when the first row in view is inside a group whose own row scrolled off above, the list's
// first lines draw that group's row again, as it is (`▾ Analytics-Service  40  (started 40)`,
// then its state's `▾ Session started  40`): the same row, drawn by the same code, so it looks
// as the real one does, marks and dimming included, and in ASCII (LANG=C) it reads `v` as the
// real one does (ui/ascii-frame.ts stands in for the glyphs of every frame).
//
// The lines take the place of rows: a list `height` lines tall draws the sticky rows, then
// the rows from `top` on, `height` lines in all, never more. `top` stays the first row drawn
// as itself (the cursor's window, selection.ts scrollTop, counts the sticky lines out of it),
// so the cursor, always on a row in the window, never sits under a sticky line: ↑ from the
// first row under them goes to the row above `top`, which the window then scrolls to.
//
// Pure, and one place: the window the model keeps the cursor in (place-rows.ts) and the rows
// the screen draws (ui/session-table.tsx) are worked out from the same function.

import type {Grouping} from './groups.js';
import {groupRowPositions, isGroupRow, type GroupRow, type Row} from './rows.js';

/**
 * The lines the sticky rows may take in a list `height` lines tall. Service › state takes
 * both rows, the service's first, when that leaves four rows or more; on a shorter list
 * only the service's: each row's State column still says its state, and grouped by service
 * nothing else says the service. A list of one line keeps it for the cursor's row.
 */
export function stickyRoom(height: number): number {
	return height >= 6 ? 2 : height >= 2 ? 1 : 0;
}

/** The lines a page moves (PgDn, PgUp): the rows a window shows under the most sticky lines it can have. */
export function pageRows(height: number, grouping: Grouping): number {
	const depth = grouping === 'flat' ? 0 : grouping === 'service-state' ? 2 : 1;
	// Not a full `height`: from the last line the cursor would move `height` rows on, and the
	// window that ends on it shows `height` less its sticky lines, so the rows right after the
	// last window's would never be drawn (two a page at 80×24, grouped by service › state). A
	// page from the top, where no row sticks, ends short of the last line instead; no row is skipped.
	return Math.max(1, height - Math.min(stickyRoom(height), depth));
}

// The places of the group rows: noted by buildRows as it built them; for rows made another
// way (a test's), found once per array (rows are never changed once built).
const found = new WeakMap<readonly Row[], readonly number[]>();

function groupRowsOf(rows: readonly Row[]): readonly number[] {
	let positions = groupRowPositions(rows) ?? found.get(rows);
	if (positions === undefined) {
		const scan: number[] = [];
		for (let i = 0; i < rows.length; i++) {
			if (isGroupRow(rows[i])) {
				scan.push(i);
			}
		}

		positions = scan;
		found.set(rows, positions);
	}

	return positions;
}

/** The place in `positions` (ascending) of the last one before `index`, or -1. */
function lastBefore(positions: readonly number[], index: number): number {
	let low = 0;
	let high = positions.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (positions[middle]! < index) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low - 1;
}

/**
 * The group rows to draw over `rows[top]`, outermost first: the groups it is in whose own
 * rows are above `top` (a state's row first in view under its service's: the service's
 * alone), as many as stickyRoom leaves, the outer ones kept. None when the first row in view
 * is an outer group's (it says itself), for a list not grouped (`none`: no group rows; a
 * grouped list always starts with an outer group's row), or at the top. A group with rows in
 * view is expanded, so a sticky row always reads `▾`: a collapsed one has no rows under it to
 * be first in view, and is its own row. Under a filter the rows and their group rows'
 * counts are the filter's, so the sticky rows say what the real ones say.
 */
export function stickyRows(rows: readonly Row[], top: number, height: number): GroupRow[] {
	const room = stickyRoom(height);
	const first = rows[top];
	if (room === 0 || top <= 0 || first === undefined || !isGroupRow(rows[0]) || (isGroupRow(first) && first.kind === 'service')) {
		return [];
	}

	const positions = groupRowsOf(rows);
	let at = lastBefore(positions, top);
	const nearest = rows[positions[at]!];
	// A session's (or ended session's) own group: the nearest group row above it. Above a
	// state's row, the nearest is its service's or a sibling state's: not its own.
	const inner = !isGroupRow(first) && isGroupRow(nearest) && nearest.kind === 'state' ? nearest : undefined;
	let outer: GroupRow | undefined;
	for (; at >= 0 && outer === undefined; at--) {
		const row = rows[positions[at]!];
		if (isGroupRow(row) && row.kind === 'service') {
			outer = row;
		}
	}

	const sticky = [outer, inner].filter((row) => row !== undefined);
	return sticky.slice(0, room);
}

/**
 * The rows a window from `top` draws as themselves, 1-based and inclusive, for the header's
 * `rows A-B/N`: the sticky lines take the place of its last rows (QA: `rows 35-67` over a
 * window showing 35 to 65 under two sticky lines).
 */
export function shownRows(rows: readonly Row[], top: number, height: number): {first: number; last: number} {
	const lines = stickyRows(rows, top, height).length;
	return {first: top + 1, last: Math.min(rows.length, top + Math.max(1, height - lines))};
}

/** How many lines the sticky rows take at `top` in a list `height` lines tall (selection.ts scrollTop). */
export const stickyLines = (rows: readonly Row[]) => (top: number, height: number) => stickyRows(rows, top, height).length;
