// The cursor is a session id, never an index: polls re-sort and re-group the list,
// and the cursor must stay on the same session. Indexes are derived when needed.

import type {Row} from './rows.js';

export function indexOfId(rows: readonly Row[], id: string | undefined): number {
	if (id === undefined) {
		return -1;
	}

	return rows.findIndex((row) => row.kind === 'session' && row.key === id);
}

/** The session row nearest to `index`, looking forward first (then back), or undefined. */
export function nearestSession(rows: readonly Row[], index: number, forward = true): string | undefined {
	const clamped = Math.min(Math.max(index, 0), rows.length - 1);
	const order = forward ? [1, -1] : [-1, 1];
	for (const step of order) {
		for (let i = clamped; i >= 0 && i < rows.length; i += step) {
			const row = rows[i];
			if (row?.kind === 'session') {
				return row.key;
			}
		}
	}

	return undefined;
}

/** Move the cursor by `delta` session rows (group rows are skipped). */
export function moveBy(rows: readonly Row[], id: string | undefined, delta: number): string | undefined {
	const index = indexOfId(rows, id);
	if (index === -1) {
		return nearestSession(rows, 0);
	}

	let remaining = Math.abs(delta);
	const step = Math.sign(delta);
	let found = index;
	for (let i = index + step; remaining > 0 && i >= 0 && i < rows.length; i += step) {
		if (rows[i]?.kind === 'session') {
			found = i;
			remaining--;
		}
	}

	return rows[found]?.key;
}

/** Move by a screenful of rows (group rows count: that is what the eye sees). */
export function moveByRows(rows: readonly Row[], id: string | undefined, delta: number): string | undefined {
	const index = indexOfId(rows, id);
	const target = (index === -1 ? 0 : index) + delta;
	return nearestSession(rows, target, delta < 0 ? false : true) ?? rows[index]?.key;
}

/**
 * After a poll: keep the same id when it is still listed; when it ended, take the
 * session that now stands where it stood (its neighbour), or the one before.
 */
export function reselect(previous: readonly Row[], next: readonly Row[], id: string | undefined): string | undefined {
	if (id !== undefined && indexOfId(next, id) !== -1) {
		return id;
	}

	const oldIndex = indexOfId(previous, id);
	if (oldIndex === -1) {
		return nearestSession(next, 0);
	}

	// The first surviving session after the old position, else the nearest before it.
	const survivors = new Set<string>();
	for (const row of next) {
		if (row.kind === 'session') {
			survivors.add(row.key);
		}
	}

	for (let i = oldIndex + 1; i < previous.length; i++) {
		const row = previous[i];
		if (row?.kind === 'session' && survivors.has(row.key)) {
			return row.key;
		}
	}

	for (let i = oldIndex - 1; i >= 0; i--) {
		const row = previous[i];
		if (row?.kind === 'session' && survivors.has(row.key)) {
			return row.key;
		}
	}

	return nearestSession(next, 0);
}

/** The group rows right above a session belong with it: scrolling up shows them too. */
export function withHeaders(rows: readonly Row[], cursor: number): number {
	let start = cursor;
	while (start > 0 && rows[start - 1]?.kind !== 'session') {
		start--;
	}

	return start;
}

/**
 * The first row to draw so that the cursor stays in view, moving the window as
 * little as possible; `upTo` is where to stop when scrolling up (see withHeaders).
 */
export function scrollTop(top: number, cursor: number, height: number, total: number, upTo = cursor): number {
	if (height <= 0) {
		return 0;
	}

	let next = top;
	if (cursor !== -1 && cursor < next) {
		next = cursor - upTo > height - 1 ? cursor : upTo;
	}

	if (cursor !== -1 && cursor >= next + height) {
		next = cursor - height + 1;
	}

	return Math.max(0, Math.min(next, Math.max(0, total - height)));
}
