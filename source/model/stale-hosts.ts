// The MaxScales whose last poll failed, when several are watched: their sessions stay on
// screen as last seen, and the list draws them dimmed, so that rows that are no longer news
// do not read as live beside the others (with one MaxScale the header's STALE says it).

import type {MonitorState} from './monitor-state.js';

const none: ReadonlySet<string> = new Set();

/** The `host` of the sessions whose MaxScale is failing now. */
export function staleHosts(state: Pick<MonitorState, 'hosts' | 'hostOrder'>): ReadonlySet<string> {
	if (state.hostOrder.length < 2) {
		return none;
	}

	const failing = state.hostOrder.filter((host) => state.hosts[host]?.error !== undefined);
	return failing.length === 0 ? none : new Set(failing);
}

/** How many of the list's rows are those MaxScales' last good lists: the header says it beside the count. */
export function staleRows(state: Pick<MonitorState, 'hosts' | 'hostOrder'>): number {
	let rows = 0;
	for (const host of staleHosts(state)) {
		rows += state.hosts[host]?.sessions.length ?? 0;
	}

	return rows;
}
