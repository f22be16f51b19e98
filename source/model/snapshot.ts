// What `s` saves: the list in the order the screen shows it (grouping, then sort),
// as filtered, with the pane's document when it is open. Pure; ui/effects.ts only
// writes it to a file.

import {listedTest} from './held-row.js';
import type {MonitorState} from './monitor-state.js';
import {buildRows, isSessionRow} from './rows.js';
import type {Session} from './session.js';

/**
 * The sessions as the screen orders them, as filtered. Built afresh rather than read off
 * the screen's rows: those leave out the sessions of collapsed groups, which are still
 * sessions, and hold the ended ones (ghosts), which are not any more.
 */
export function savedSessions(state: Pick<MonitorState, 'sessions' | 'grouping' | 'sort' | 'filter' | 'held'>): Session[] {
	// The session kept listed for the pane (held-row.ts) too, as the screen shows it.
	return buildRows(state.sessions, {grouping: state.grouping, sort: state.sort, filter: listedTest(state)}).filter((row) => isSessionRow(row));
}

/** Levels of a saved document kept: far more than any MaxScale's, few enough for JSON.stringify's stack. */
export const savedDepth = 1000;

/**
 * `value` with what is nested deeper than `depth` levels left out, said in its place: a
 * hostile server's document nested 20,000 deep would make JSON.stringify overflow its
 * stack, and the file would not be written at all (copying it says to save it instead).
 */
export function cutDeep(value: unknown, depth = savedDepth): unknown {
	if (typeof value !== 'object' || value === null) {
		return value;
	}

	if (depth <= 0) {
		return `(nested deeper than ${savedDepth} levels: left out)`;
	}

	if (Array.isArray(value)) {
		return value.map((item) => cutDeep(item, depth - 1));
	}

	return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cutDeep(item, depth - 1)]));
}

/** The file's content; `host` names the MaxScales watched. */
export function snapshotOf(state: MonitorState, host: string, now: Date) {
	const several = state.hostOrder.length > 1;
	return {
		savedAt: now.toISOString(),
		host,
		// Saved while replaying: the list is a recording's, at the poll the replay shows.
		replayed: state.replay === undefined ? undefined : true,
		maxscaleVersion: several ? undefined : state.server?.version,
		// Several MaxScales may run different versions: each one's, by name as given.
		maxscaleVersions: several ? Object.fromEntries(state.hostOrder.map((name) => [name, state.hosts[name]?.server?.version])) : undefined,
		polledAt: state.lastPoll === undefined ? undefined : new Date(state.lastPoll.at).toISOString(),
		// Each MaxScale as it stood: its sessions here are those of its last good poll, and one
		// failing when saved says so, so that a post-mortem does not take frozen rows for live ones.
		maxscales: state.hostOrder.map((name) => {
			const status = state.hosts[name];
			const at = (time: number | undefined) => (time === undefined ? undefined : new Date(time).toISOString());
			return {
				// The only MaxScale is '' in the state: by its name, as its sessions' host says it.
				host: several ? name : host,
				version: status?.server?.version,
				polledAt: at(status?.lastPoll?.at),
				failing: status?.error === undefined ? undefined : {at: at(status.error.at), error: status.error.message},
			};
		}),
		filter: state.filter.text || undefined,
		sort: state.sort,
		grouping: state.grouping,
		total: state.sessions.length,
		sessions: savedSessions(state),
		pane: state.pane.open ? {session: state.pane.title, ended: state.pane.ended, document: cutDeep(state.pane.document)} : undefined,
	};
}
