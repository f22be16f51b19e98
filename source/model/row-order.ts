// The order of session rows, fast enough for 100k at every poll. It is exactly
// sort.ts's comparator(sort), but each session's id and sort value are read once
// per poll into its entry, instead of twice per comparison (an id parsed with
// Number() on every tie cost more than the rest of the sort).

import {compareIds, type Session} from './session.js';
import {compareNumbers, compareTexts, sortValues, type Sort} from './sort.js';

/** A session on its way to a row: `id` is its numeric id (NaN when it has none), `value` what it sorts by. */
export type Entry = {session: Session; ghost: boolean; id: number; value: string | number | undefined};

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

/** Ids in order: numbers compared directly, compareIds for anything odd. */
const idOrder = (a: Entry, b: Entry) => (Number.isNaN(a.id) || Number.isNaN(b.id) ? compareIds(a.session.id, b.session.id) : a.id - b.id);

/** Makes the entries for `sort`. */
export function entryMaker(sort: Sort): (session: Session, ghost: boolean) => Entry {
	if (sort.key === 'id') {
		return (session, ghost) => ({session, ghost, id: numericId(session.id), value: undefined});
	}

	const values = sortValues[sort.key];
	const pick: (session: Session) => string | number | undefined = 'text' in values ? values.text : values.number;
	return (session, ghost) => ({session, ghost, id: numericId(session.id), value: pick(session)});
}

/** The comparator for entries made by entryMaker(sort): sort.ts's order, on the values read into them. */
export function entryComparator(sort: Sort): (a: Entry, b: Entry) => number {
	const {descending} = sort;
	if (sort.key === 'id') {
		return descending ? (a, b) => idOrder(b, a) : idOrder;
	}

	if ('number' in sortValues[sort.key]) {
		return (a, b) => compareNumbers(a.value as number | undefined, b.value as number | undefined, descending) || idOrder(a, b);
	}

	return (a, b) => compareTexts(a.value as string | undefined, b.value as string | undefined, descending) || idOrder(a, b);
}
