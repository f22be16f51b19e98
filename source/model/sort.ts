// Sort orders for the session list. Every comparison ends on the id, so equal
// keys keep a stable, predictable order from poll to poll.

import {compareIds, type Session} from './session.js';

export const sortKeys = ['id', 'user', 'client', 'state', 'age', 'idle', 'memory', 'io', 'maxscale'] as const;
export type SortKey = (typeof sortKeys)[number];
export type Sort = {key: SortKey; descending: boolean};

export const defaultSort: Sort = {key: 'id', descending: false};

type Compare = (a: Session, b: Session) => number;

// Unknown values always sort last, whichever the direction.
function byNumber(pick: (s: Session) => number | undefined): (descending: boolean) => Compare {
	return (descending) => (a, b) => {
		const x = pick(a);
		const y = pick(b);
		if (x === undefined || y === undefined) {
			return x === y ? 0 : x === undefined ? 1 : -1;
		}

		return descending ? y - x : x - y;
	};
}

function byText(pick: (s: Session) => string | undefined): (descending: boolean) => Compare {
	return (descending) => (a, b) => {
		const x = pick(a);
		const y = pick(b);
		if (x === undefined || y === undefined) {
			return x === y ? 0 : x === undefined ? 1 : -1;
		}

		const order = x < y ? -1 : x > y ? 1 : 0;
		return descending ? -order : order;
	};
}

const comparators: Record<SortKey, (descending: boolean) => Compare> = {
	id: (descending) => (a, b) => (descending ? compareIds(b.id, a.id) : compareIds(a.id, b.id)),
	user: byText((s) => s.user),
	client: byText((s) => s.remote),
	state: byText((s) => s.state),
	age: byNumber((s) => s.ageSeconds),
	idle: byNumber((s) => s.idleSeconds),
	memory: byNumber((s) => s.memoryBytes),
	io: byNumber((s) => s.ioActivity),
	maxscale: byText((s) => s.host),
};

export function comparator(sort: Sort): Compare {
	const primary = comparators[sort.key](sort.descending);
	if (sort.key === 'id') {
		return primary;
	}

	return (a, b) => primary(a, b) || compareIds(a.id, b.id);
}

/** The order of the sort's own key alone, without the id that ends every comparison; undefined for the id. */
export function keyComparator(sort: Sort): Compare | undefined {
	return sort.key === 'id' ? undefined : comparators[sort.key](sort.descending);
}
