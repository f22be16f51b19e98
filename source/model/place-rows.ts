// Rows in place: the view's rows rebuilt from the sessions, and the cursor, the window
// over the rows and an open pane kept on what the operator was looking at.

import {listedTest} from './held-row.js';
import type {MonitorState} from './monitor-state.js';
import {paneFor} from './pane.js';
import {buildRowsSteps, type Row} from './rows.js';
import {firstRow, indexOfKey, reselect, resizedTop, withHeaders} from './selection.js';
import {finish, type Steps} from './steps.js';
import {stickyLines} from './sticky-groups.js';

/**
 * Put the cursor on `key`, keep it in view, and let an open pane follow it to a session.
 * `heightBefore`: the list's height before a resize (see resizedTop).
 */
export function moveCursor(state: MonitorState, key: string | undefined, {followPane = true, heightBefore = state.listHeight} = {}): MonitorState {
	const cursor = indexOfKey(state.rows, key);
	// The sticky group rows take lines of the window: the cursor is kept in the rows under them.
	const listTop = resizedTop(state.listTop, cursor, heightBefore, state.listHeight, state.rows.length, withHeaders(state.rows, cursor), stickyLines(state.rows));
	const {pane} = state;
	const follow = followPane && pane.open && key !== undefined && key !== pane.id && state.byId.has(key);
	return {...state, selectedId: key, listTop, pane: follow ? paneFor(state, key) : pane};
}

/**
 * The rows of the state's sessions as its view (grouping, sort, filter, collapsed groups) shows
 * them, the held session among them (held-row.ts); `filter`: another test (a poll's, keptTest).
 */
export function viewRowsSteps(state: Pick<MonitorState, 'sessions' | 'grouping' | 'sort' | 'collapsed' | 'changes' | 'filter' | 'hostOrder' | 'held'>, filter = listedTest(state)): Steps<Row[]> {
	return buildRowsSteps(state.sessions, {
		grouping: state.grouping,
		sort: state.sort,
		collapsed: state.collapsed,
		ghosts: state.changes.ghosts.map((ghost) => ghost.session),
		filter,
		hosts: state.hostOrder,
	});
}

/**
 * New rows in place. The operator's cursor stays on its row (or moves to its neighbour when
 * that row went); one they have not taken yet goes to the first row, so that another host's
 * sessions, sorting in above, do not leave it mid-list.
 */
export function placeRows(state: MonitorState, rows: Row[], previousRows: readonly Row[]): MonitorState {
	const selectedId = state.autoCursor ? firstRow(rows) : reselect(previousRows, rows, state.selectedId);
	// The pane stays on its session while that is listed (an ended one keeps its last document
	// until the cursor moves). Still live but no longer shown (a new filter, a collapsed group), it
	// follows the cursor: else y would copy one session's document while K killed another. (One
	// that a poll finds no longer matching stays listed instead: held-row.ts.)
	const {pane} = state;
	const hidden = pane.open && pane.id !== undefined && state.byId.has(pane.id) && indexOfKey(rows, pane.id) === -1;
	return moveCursor({...state, rows}, selectedId, {followPane: hidden});
}

/** Rebuild the rows after the data or the view changed, keeping the cursor on its row. */
export function applyView(state: MonitorState, previousRows: readonly Row[] = state.rows): MonitorState {
	return placeRows(state, finish(viewRowsSteps(state)), previousRows);
}
