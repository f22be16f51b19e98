// The order of session rows, fast enough for 100k at every poll. It is exactly
// sort.ts's comparator(sort), but over positions in a poll's list instead of the
// sessions: each session's id and sort value are read once per poll into typed
// columns, and the comparator reads those.
//
// Why not an object per session holding its values: at 100k sessions those were
// ~6 MB a poll to allocate, and a comparator returning `x - y` on fractional values
// (idle, age) hands back a fresh heap number for every one of ~1.7M comparisons
// (~15 MB a poll, measured). Positions are small integers, the columns live off the
// heap, and every comparison answers -1, 0 or 1.

import {compareIds, type Session} from './session.js';
import {compareHosts, compareTexts, sortValues, type Sort} from './sort.js';

/** The id as a number when it is all digits (MaxScale's are), else NaN; a loop, not a regex: it runs per session per poll. */
export function numericId(id: string): number {
	if (id.length === 0 || id.length > 15) {
		return /^\d+$/.test(id) ? Number(id) : Number.NaN;
	}

	let value = 0;
	for (let i = 0; i < id.length; i++) {
		const digit = id.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) {
			return Number.NaN;
		}

		value = (value * 10) + digit;
	}

	return value;
}

/** -1, 0 or 1: a small integer, never a heap number. */
const order = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Sort keys of a list of sessions, by position: `read(i)` once per position that will be
 * compared (before any comparison of it), then `compare` on positions. sort.ts's order:
 * the sort value (unknown last in either direction), then the id, then the MaxScale.
 */
export type RowOrder = {read(position: number): void; compare(a: number, b: number): number};

export function rowOrder(sort: Sort, sessionAt: (position: number) => Session, size: number): RowOrder {
	// NaN where an id is not all digits: those compare as text (compareIds).
	const ids = new Float64Array(size);
	const byId = (a: number, b: number) => {
		const x = ids[a]!;
		const y = ids[b]!;
		return Number.isNaN(x) || Number.isNaN(y) ? compareIds(sessionAt(a).id, sessionAt(b).id) : order(x, y);
	};

	// The same id on two MaxScales (sort.ts compareHosts): read only on such a tie, which is rare.
	const byHost = (a: number, b: number) => compareHosts(sessionAt(a), sessionAt(b));
	const idOrder = (a: number, b: number) => byId(a, b) || byHost(a, b);
	const {descending} = sort;
	if (sort.key === 'id') {
		return {
			read(position) {
				ids[position] = numericId(sessionAt(position).id);
			},
			compare: descending ? (a, b) => byId(b, a) || byHost(a, b) : idOrder,
		};
	}

	const values = sortValues[sort.key];
	if ('number' in values) {
		const pick = values.number;
		// NaN stands for unknown: no number a session holds is NaN (JSON has none).
		const numbers = new Float64Array(size);
		return {
			read(position) {
				const session = sessionAt(position);
				ids[position] = numericId(session.id);
				numbers[position] = pick(session) ?? Number.NaN;
			},
			compare(a, b) {
				const x = numbers[a]!;
				const y = numbers[b]!;
				if (Number.isNaN(x) || Number.isNaN(y)) {
					return Number.isNaN(x) === Number.isNaN(y) ? idOrder(a, b) : Number.isNaN(x) ? 1 : -1;
				}

				return (descending ? order(y, x) : order(x, y)) || idOrder(a, b);
			},
		};
	}

	const pick = values.text;
	// Read (set) before any comparison. Not Array.from({length}): ~10 ms at 100k.
	// eslint-disable-next-line unicorn/no-new-array
	const texts = new Array<string | undefined>(size);
	return {
		read(position) {
			const session = sessionAt(position);
			ids[position] = numericId(session.id);
			texts[position] = pick(session);
		},
		compare: (a, b) => compareTexts(texts[a], texts[b], descending) || idOrder(a, b),
	};
}
