// The cursor is a row key (a session id, or a group's key), never an index:
// polls re-sort and re-group the list, and the cursor must stay on the same
// session. Indexes are derived when needed. Ghost rows (ended sessions) are shown
// but cannot hold the cursor.

import {isGhostRow, isGroupRow, isSessionRow, rowKind, type Row} from './rows.js';
import {groupKeysOf} from './groups.js';

export const selectable = (row: Row | undefined): row is Row => row !== undefined && !isGhostRow(row);

// The last key found in each rows array (rows are never changed once built). A key press
// looks the cursor up several times (which row, move, scroll); at 100k rows each scan counts.
const lastFound = new WeakMap<readonly Row[], {key: string; index: number}>();

function remember(rows: readonly Row[], index: number): void {
	const row = rows[index];
	if (selectable(row)) {
		lastFound.set(rows, {key: row.key, index});
	}
}

export function indexOfKey(rows: readonly Row[], key: string | undefined): number {
	if (key === undefined) {
		return -1;
	}

	const memo = lastFound.get(rows);
	if (memo?.key === key) {
		return memo.index;
	}

	const index = rows.findIndex((row) => row.key === key && !isGhostRow(row));
	remember(rows, index);
	return index;
}

/** The selectable row nearest to `index`, looking forward first (or back first), or undefined. */
export function nearestRow(
	rows: readonly Row[],
	index: number,
	forward = true,
	accept: (row: Row) => boolean = selectable,
): string | undefined {
	const clamped = Math.min(Math.max(index, 0), rows.length - 1);
	for (const step of forward ? [1, -1] : [-1, 1]) {
		for (let i = clamped; i >= 0 && i < rows.length; i += step) {
			const row = rows[i];
			if (selectable(row) && accept(row)) {
				return row.key;
			}
		}
	}

	return undefined;
}

/** The first session row, or the first selectable row when there is no session on screen. */
export function firstRow(rows: readonly Row[]): string | undefined {
	return nearestRow(rows, 0, true, isSessionRow) ?? nearestRow(rows, 0);
}

/** Move the cursor by `delta` selectable rows. */
export function moveBy(rows: readonly Row[], key: string | undefined, delta: number): string | undefined {
	const index = indexOfKey(rows, key);
	if (index === -1) {
		return firstRow(rows);
	}

	let remaining = Math.abs(delta);
	const step = Math.sign(delta);
	let found = index;
	for (let i = index + step; remaining > 0 && i >= 0 && i < rows.length; i += step) {
		if (selectable(rows[i])) {
			found = i;
			remaining--;
		}
	}

	remember(rows, found);
	return rows[found]?.key;
}

/**
 * Move by a screenful of rows. Where that lands on a row the cursor cannot take (an ended
 * session), the nearest one short of it, on this side of the cursor, rather than past it:
 * a window scrolled to one past would start a row after the last one seen, which no page
 * would draw (QA: with churn's ended rows, PgDn never showed one live row every page or so).
 */
export function moveByRows(rows: readonly Row[], key: string | undefined, delta: number): string | undefined {
	const index = indexOfKey(rows, key);
	const from = index === -1 ? 0 : index;
	const target = Math.min(Math.max(from + delta, 0), rows.length - 1);
	const step = delta >= 0 ? -1 : 1;
	for (let i = target; i !== from && i >= 0 && i < rows.length; i += step) {
		if (selectable(rows[i])) {
			return rows[i]!.key;
		}
	}

	return nearestRow(rows, target, delta >= 0) ?? rows[index]?.key;
}

/**
 * After the rows changed: keep the same key when it is still there; when its
 * session ended, take the nearest surviving row of the same kind after where it
 * stood (its neighbour), else before it. Never the same id on another MaxScale,
 * which sorts right beside it: the cursor would seem to stay on the session that ended.
 */
export function reselect(previous: readonly Row[], next: readonly Row[], key: string | undefined): string | undefined {
	if (key !== undefined && indexOfKey(next, key) !== -1) {
		return key;
	}

	const oldIndex = indexOfKey(previous, key);
	if (oldIndex === -1) {
		return firstRow(next);
	}

	const hiddenIn = collapsedGroupOf(previous[oldIndex]!, next);
	if (hiddenIn !== undefined) {
		return hiddenIn;
	}

	const old = previous[oldIndex]!;
	const kind = rowKind(old);
	const twin = (row: Row) => isSessionRow(old) && isSessionRow(row) && row.id === old.id;
	// Only rows near the old place can be picked: look those up, not the whole list.
	const nearby = new Set<string>();
	for (let i = Math.max(0, oldIndex - 2000); i < Math.min(previous.length, oldIndex + 2000); i++) {
		nearby.add(previous[i]!.key);
	}

	const survivors = new Set<string>();
	for (const row of next) {
		if (selectable(row) && nearby.has(row.key)) {
			survivors.add(row.key);
		}
	}

	const pick = (sameKind: boolean): string | undefined => {
		const ok = (row: Row | undefined) => row !== undefined && survivors.has(row.key) && !twin(row) && (!sameKind || rowKind(row) === kind);
		for (let i = oldIndex + 1; i < Math.min(previous.length, oldIndex + 2000); i++) {
			if (ok(previous[i])) {
				return previous[i]!.key;
			}
		}

		for (let i = oldIndex - 1; i >= Math.max(0, oldIndex - 2000); i--) {
			if (ok(previous[i])) {
				return previous[i]!.key;
			}
		}

		return undefined;
	};

	return pick(true) ?? pick(false) ?? firstRow(next);
}

/**
 * The collapsed group row of `next` that hides a session, innermost first: a session
 * regrouped into a collapsed group is still there, and its group is where it went (its
 * neighbours are hidden with it, and the first row would be another service altogether).
 */
function collapsedGroupOf(row: Row, next: readonly Row[]): string | undefined {
	if (!isSessionRow(row)) {
		return undefined;
	}

	for (const key of groupKeysOf(row)) {
		const group = next[indexOfKey(next, key)];
		if (isGroupRow(group) && group.collapsed) {
			return key;
		}
	}

	return undefined;
}

/** The group rows right above a session belong with it: scrolling up shows them too. */
export function withHeaders(rows: readonly Row[], cursor: number): number {
	let start = cursor;
	while (start > 0 && isGroupRow(rows[start - 1])) {
		start--;
	}

	return start;
}

/**
 * Lines drawn over the first row of a window from `top` in a list `height` lines tall, which
 * it gives up for them: the sticky group rows (sticky-groups.ts). None by default.
 */
export type LinesOver = (top: number, height: number) => number;
const noLines: LinesOver = () => 0;

/**
 * The first row to draw after the window changed height from `before` to `after` rows.
 * Shrinking keeps the top (scrollTop moves it only to keep the cursor in view), which
 * leaves the cursor on the last row when it had to move; growing from there gives back
 * the rows above first, so a shrink and a regrow do not leave the list's first rows
 * scrolled off with room to spare. Otherwise growing shows more rows below, as htop does.
 */
export function resizedTop(top: number, cursor: number, before: number, after: number, total: number, upTo = cursor, over: LinesOver = noLines): number {
	const pushed = cursor !== -1 && cursor >= top + before - over(top, before) - 1;
	const next = after > before && pushed ? Math.max(0, top - (after - before)) : top;
	return scrollTop(next, cursor, after, total, upTo, over);
}

/**
 * The first row to draw so that the cursor stays in view, moving the window as
 * little as possible; `upTo` is where to stop when scrolling up (see withHeaders).
 * A window from `top` shows `height - over(top, height)` rows: the lines over it take the
 * place of its last rows, so a cursor below them moves the window down until it shows
 * (sticky lines come and go with the top, hence a step at a time: at most as many as they
 * can be), and never up. `over` leaves a line for the cursor's row (stickyRoom).
 */
export function scrollTop(top: number, cursor: number, height: number, total: number, upTo = cursor, over: LinesOver = noLines): number {
	if (height <= 0) {
		return 0;
	}

	const shows = (from: number) => height - over(from, height);
	let next = top;
	if (cursor !== -1 && cursor < next) {
		next = cursor - upTo > height - 1 ? cursor : upTo;
	}

	if (cursor !== -1 && cursor >= next + shows(next)) {
		next = Math.max(next, cursor - height + 1);
		while (cursor >= next + shows(next)) {
			next++;
		}
	}

	// No rows hidden above while there is room below: the lowest top is the first that shows the last row.
	let lowest = Math.max(0, total - height);
	while (lowest < total - 1 && lowest + shows(lowest) < total) {
		lowest++;
	}

	return Math.max(0, Math.min(next, lowest));
}

/**
 * The first row to draw after a page (PgDn, PgUp) took the cursor from row `from` to row `to`
 * under a window from `top`, `height` lines tall: the window moves with the cursor, as htop's
 * does, so that the cursor keeps its line on the screen (the sticky lines `over` draws at the
 * new top counted: they take lines above it), but never so far that a row between the old
 * window and the new one goes undrawn (QA: a PgUp whose new top had no sticky row above it
 * left out the old window's row before its first). scrollTop then keeps the cursor in view.
 * `line`: the line to keep (the cursor's own, or the one earlier pages kept: MonitorState.paged).
 */
export function pageTop(top: number, from: number, to: number, height: number, over: LinesOver, line: number): number {
	if (from === -1 || to === -1 || height <= 0) {
		return top;
	}

	// The top that puts the cursor on the same line: over() depends on the top, so each of the few it can be is tried.
	let next = Math.max(0, to - line);
	for (let extra = 0; extra <= 2; extra++) {
		const candidate = Math.max(0, to - line + extra);
		if (to - candidate + over(candidate, height) === line) {
			next = candidate;
			break;
		}
	}

	if (to > from) {
		// Down: the new window starts no later than the row after the old one's last.
		next = Math.min(next, top + height - over(top, height));
	} else {
		// Up: the new window ends no earlier than the row before the old one's first.
		while (next > 0 && next + height - over(next, height) < top) {
			next++;
		}
	}

	return next;
}
