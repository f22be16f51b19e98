// What `s` saves: the list in the order the screen shows it (grouping, then sort),
// as filtered, with the pane's document when it is open. Pure; ui/effects.ts only
// writes it to a file.

import type {MonitorState} from './monitor-state.js';
import {buildRows, isSessionRow} from './rows.js';
import type {Session} from './session.js';

/**
 * The sessions as the screen orders them, as filtered. Built afresh rather than read off
 * the screen's rows: those leave out the sessions of collapsed groups, which are still
 * sessions, and hold the ended ones (ghosts), which are not any more.
 */
export function savedSessions(state: Pick<MonitorState, 'sessions' | 'grouping' | 'sort' | 'filter'>): Session[] {
	return buildRows(state.sessions, {grouping: state.grouping, sort: state.sort, filter: state.filter.test}).filter((row) => isSessionRow(row));
}

/** The file's content; `host` names the MaxScales watched. */
export function snapshotOf(state: MonitorState, host: string, now: Date) {
	const several = state.hostOrder.length > 1;
	return {
		savedAt: now.toISOString(),
		host,
		maxscaleVersion: several ? undefined : state.server?.version,
		// Several MaxScales may run different versions: each one's, by name as given.
		maxscaleVersions: several ? Object.fromEntries(state.hostOrder.map((name) => [name, state.hosts[name]?.server?.version])) : undefined,
		polledAt: state.lastPoll === undefined ? undefined : new Date(state.lastPoll.at).toISOString(),
		filter: state.filter.text || undefined,
		sort: state.sort,
		grouping: state.grouping,
		total: state.sessions.length,
		sessions: savedSessions(state),
		pane: state.pane.open ? {session: state.pane.title, ended: state.pane.ended, document: state.pane.document} : undefined,
	};
}
