// The session the pane is open on, kept listed after a poll found it no longer matching the
// filter (its statement ended, under running>=0: the pane jumped to a neighbour every few polls,
// QA). To the list and to everything that counts what the list shows (marks, `*`, a kill
// question's "hidden by the filter", a saved list) it is shown, as it is on screen, until the
// next poll lets it go (the pane closed or moved, or the filter changed).

import type {MonitorState} from './monitor-state.js';
import {indexOfKey} from './selection.js';
import type {Session} from './session.js';

/** The session listed against the filter (MonitorState.held), under that very filter; else undefined. */
export function heldKey(state: Pick<MonitorState, 'held' | 'filter'>): string | undefined {
	const {held} = state;
	return held !== undefined && held.filter === state.filter ? held.key : undefined;
}

/** The filter's test as the list applies it, the held session let through; undefined with no filter. */
export function listedTest(state: Pick<MonitorState, 'held' | 'filter'>): ((session: Session) => boolean) | undefined {
	const {test} = state.filter;
	const held = heldKey(state);
	return test === undefined || held === undefined ? test : (session) => session.key === held || test(session);
}

/**
 * At a poll: the session whose rows the next list keeps whatever the filter says of it, the
 * pane's, under the cursor and listed now. Undefined with no filter or no such session.
 */
export function keptAtPoll(state: Pick<MonitorState, 'pane' | 'selectedId' | 'filter' | 'rows'>): string | undefined {
	const key = state.pane.id;
	return state.filter.test !== undefined && state.pane.open && key !== undefined && state.selectedId === key && indexOfKey(state.rows, key) !== -1 ? key : undefined;
}

/**
 * The filter a poll's rows are built with: `kept` let through, unless it is another session
 * under its id (MaxScale restarted) or it matches no more only because its statement is not
 * known now (S off under a statement filter: the view changed, not the session).
 */
export function keptTest(filter: MonitorState['filter'], kept: string | undefined, replaced: ReadonlySet<string>): ((session: Session) => boolean) | undefined {
	const {test} = filter;
	if (test === undefined || kept === undefined || replaced.has(kept)) {
		return test;
	}

	const statements = filter.statement === true;
	return (session) => test(session) || (session.key === kept && !(statements && session.statement === undefined));
}
