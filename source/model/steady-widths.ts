// The User, Client and Service columns are as wide as their longest text over the list
// (summary.ts), so one long name connecting or leaving moved every column right of it: QA
// counted six layouts in 90 s on a small, churning MaxScale, and reading Age or Idle down a
// column got hard exactly there. A column now widens at once, as a longer text comes, but
// narrows only once its text has been shorter for a while, as pg_activity's and htop's
// columns stay put.

import type {Widest} from './summary.js';

/** How long a column keeps a width its texts no longer need before it gives the room back. */
export const narrowAfterMs = 30_000;

const keys = ['user', 'client', 'service', 'server', 'memory', 'io', 'statement'] as const;
/**
 * Columns whose 0 says the MaxScale does not send the value at all (an older version, or one
 * replaced by an older one): they go at once, not after narrowAfterMs of a column of `?` (QA).
 */
const optional = new Set<(typeof keys)[number]>(['server', 'memory', 'io', 'statement']);

/** Each column's width, and when its texts last needed it (epoch ms). */
export type SteadyWidest = {widest: Widest; neededAt: Widest};

export function steadyWidths(before: SteadyWidest | undefined, widest: Widest, at: number): SteadyWidest {
	if (before === undefined) {
		return {widest, neededAt: {user: at, client: at, service: at, server: at, memory: at, io: at, statement: at}};
	}

	const next = {...before.widest};
	const neededAt = {...before.neededAt};
	let changed = false;
	for (const key of keys) {
		if (widest[key] >= next[key] || at - neededAt[key] >= narrowAfterMs || (widest[key] === 0 && optional.has(key))) {
			changed ||= widest[key] !== next[key] || neededAt[key] !== at;
			next[key] = widest[key];
			neededAt[key] = at;
		}
	}

	// Whether any session has an idle time (none before 2.2): a flag, not a width, taken as it comes.
	if (widest.idleTimes !== next.idleTimes) {
		next.idleTimes = widest.idleTimes;
		changed = true;
	}

	return changed ? {widest: next, neededAt} : before;
}
