// How the snapshot is looked at: sort, filter, grouping, collapsed groups, the
// cursor and the window over the rows, pause and interval.

import {hasColumn} from './columns.js';
import {parseFilter, noFilter} from './filter.js';
import {editLine} from './line-edit.js';
import type {Action, MonitorState} from './monitor-state.js';
import {paneFor} from './pane.js';
import {buildRowsSteps, groupings, isGroupRow, serviceKey, type Row} from './rows.js';
import {firstRow, indexOfKey, moveBy, moveByRows, nearestRow, reselect, resizedTop, withHeaders} from './selection.js';
import {sortKeys, type Sort, type SortKey} from './sort.js';
import {finish, type Steps} from './steps.js';

export type ViewAction =
	| {type: 'move'; delta: number}
	| {type: 'page'; delta: number}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'sort-step'; delta: number}
	| {type: 'sort-reverse'}
	| {type: 'set-sort'; sort: Sort}
	| {type: 'grouping-next'}
	| {type: 'collapse'; collapse: boolean | 'toggle'}
	| {type: 'collapse-all'}
	| {type: 'to-group'}
	| {type: 'filter-start'}
	| {type: 'filter-key'; input: string; name?: string}
	| {type: 'filter-clear'}
	| {type: 'help'; open: boolean}
	| {type: 'help-scroll'; delta: number}
	| {type: 'pause'}
	| {type: 'interval-step'; delta: number};

/** Far more than any filter typed, and bounds what a paste (20,000 characters of a log) costs every poll. */
export const maxFilterLength = 1000;

/** c or C with nothing grouped: said, rather than folding services out of sight for later. */
const flatNote = {tone: 'info', text: 'Nothing to collapse in flat view: t groups the list by service.'} as const;

export const intervalSteps = [500, 1000, 2000, 3000, 5000, 10_000, 15_000, 30_000, 60_000];

/**
 * Put the cursor on `key`, keep it in view, and let an open pane follow it to a session.
 * `heightBefore`: the list's height before a resize (see resizedTop).
 */
export function moveCursor(state: MonitorState, key: string | undefined, {followPane = true, heightBefore = state.listHeight} = {}): MonitorState {
	const cursor = indexOfKey(state.rows, key);
	const listTop = resizedTop(state.listTop, cursor, heightBefore, state.listHeight, state.rows.length, withHeaders(state.rows, cursor));
	const {pane} = state;
	const follow = followPane && pane.open && key !== undefined && key !== pane.id && state.byId.has(key);
	return {...state, selectedId: key, listTop, pane: follow ? paneFor(state, key) : pane};
}

/** The rows of the state's sessions as its view (grouping, sort, filter, collapsed groups) shows them. */
export function viewRowsSteps(state: Pick<MonitorState, 'sessions' | 'grouping' | 'sort' | 'collapsed' | 'changes' | 'filter'>): Steps<Row[]> {
	return buildRowsSteps(state.sessions, {
		grouping: state.grouping,
		sort: state.sort,
		collapsed: state.collapsed,
		ghosts: state.changes.ghosts.map((ghost) => ghost.session),
		filter: state.filter.test,
	});
}

/**
 * Actions by which the operator takes the cursor (MonitorState.autoCursor): those that move
 * it or act on its row, and those that re-sort, re-group or filter the list under it, after
 * which it keeps to its session as it always did. Pausing, the interval, the help, copying
 * and saving leave it where the list puts it.
 */
export function takesCursor(action: Action): boolean {
	switch (action.type) {
		case 'move':
		case 'page':
		case 'home':
		case 'end':
		case 'to-group':
		case 'collapse':
		case 'collapse-all':
		case 'open-pane':
		case 'mark':
		case 'ask':
		case 'sort-step':
		case 'sort-reverse':
		case 'set-sort':
		case 'grouping-next':
		case 'filter-key':
		case 'filter-clear': {
			return true;
		}

		default: {
			return false;
		}
	}
}

/**
 * New rows in place. The operator's cursor stays on its row (or moves to its neighbour when
 * that row went); one they have not taken yet goes to the first row, so that another host's
 * sessions, sorting in above, do not leave it mid-list.
 */
export function placeRows(state: MonitorState, rows: Row[], previousRows: readonly Row[]): MonitorState {
	const selectedId = state.autoCursor ? firstRow(rows) : reselect(previousRows, rows, state.selectedId);
	// The pane stays on its session while that is listed (an ended one keeps its last document
	// until the cursor moves). Still live but no longer shown (the filter, a collapsed group), it
	// follows the cursor: else y would copy one session's document while K killed another.
	const {pane} = state;
	const hidden = pane.open && pane.id !== undefined && state.byId.has(pane.id) && indexOfKey(rows, pane.id) === -1;
	return moveCursor({...state, rows}, selectedId, {followPane: hidden});
}

/** Rebuild the rows after the data or the view changed, keeping the cursor on its row. */
export function applyView(state: MonitorState, previousRows: readonly Row[] = state.rows): MonitorState {
	return placeRows(state, finish(viewRowsSteps(state)), previousRows);
}

/** The group row a key belongs to: itself for a group, its innermost group for a session. */
function groupOf(state: MonitorState, key: string | undefined): string | undefined {
	const index = indexOfKey(state.rows, key);
	for (let i = index; i >= 0; i--) {
		const row = state.rows[i];
		if (isGroupRow(row)) {
			return row.key;
		}
	}

	return undefined;
}

function setCollapsed(state: MonitorState, key: string, collapse: boolean): MonitorState {
	const collapsed = new Set(state.collapsed);
	if (collapse) {
		collapsed.add(key);
	} else {
		collapsed.delete(key);
	}

	// Collapsing hides the cursor's session: the cursor goes to the group row.
	return applyView({...state, collapsed, selectedId: collapse ? key : state.selectedId});
}

function collapseAll(state: MonitorState): MonitorState {
	if (state.collapsed.size > 0) {
		return applyView({...state, collapsed: new Set()});
	}

	const services = new Set(state.sessions.map((s) => serviceKey(s.service || '(no service)')));
	const group = groupOf(state, state.selectedId);
	const service = state.rows.find((row) => row.key === group);
	const cursor = isGroupRow(service) ? serviceKey(service.service) : undefined;
	return applyView({...state, collapsed: services, selectedId: cursor ?? state.selectedId});
}

function filterKey(state: MonitorState, input: string, name: string | undefined): MonitorState {
	if (name === 'return' || name === 'tab') {
		// Not with a term it cannot use: the list would go back unfiltered under a header
		// that names the filter, and the sentence saying why would be gone with the prompt.
		return state.filter.error === undefined ? {...state, mode: 'list'} : state;
	}

	if (name === 'escape') {
		return applyView({...state, mode: 'list', filter: noFilter, filterCursor: 0});
	}

	if (name === 'up' || name === 'down') {
		return moveCursor(state, moveBy(state.rows, state.selectedId, name === 'up' ? -1 : 1));
	}

	// Line editing, as in a shell (line-edit.ts); a key that does not edit does nothing here.
	const line = editLine({text: state.filter.text, cursor: state.filterCursor}, input, name, maxFilterLength);
	if (line === undefined) {
		return state;
	}

	const message = line.cut ? {tone: 'error' as const, text: `A filter holds at most ${maxFilterLength.toLocaleString('en')} characters: the rest was left out.`} : state.message;
	if (line.text === state.filter.text) {
		return line.cursor === state.filterCursor && message === state.message ? state : {...state, filterCursor: line.cursor, message};
	}

	// Incremental: every keystroke re-filters (a paste, whole, once: monitor-state.ts's `keys`).
	return applyView({...state, filter: parseFilter(line.text), filterCursor: line.cursor, message});
}

export function viewReducer(state: MonitorState, action: Action): MonitorState | undefined {
	switch (action.type) {
		case 'move': {
			return moveCursor(state, moveBy(state.rows, state.selectedId, action.delta));
		}

		case 'page': {
			return moveCursor(state, moveByRows(state.rows, state.selectedId, action.delta * state.listHeight));
		}

		case 'home': {
			return moveCursor(state, nearestRow(state.rows, 0, true));
		}

		case 'end': {
			return moveCursor(state, nearestRow(state.rows, state.rows.length - 1, false));
		}

		case 'sort-step': {
			// Only through the columns the list shows: MaxScale when several are watched, Service
			// in flat view (grouped, each group is one service). From a sort whose column is not
			// shown (by service, then t), the next shown one in its direction.
			const shown = (key: SortKey) => hasColumn(key, state.hostOrder.length > 1, state.grouping);
			const at = sortKeys.indexOf(state.sort.key);
			let index = at;
			do {
				index = (index + action.delta + sortKeys.length) % sortKeys.length;
			} while (!shown(sortKeys[index]!) && index !== at);
			const key = sortKeys[index] ?? 'id';
			// Times, memory and I/O read best largest first; names and ids A→Z.
			const descending = key === 'age' || key === 'idle' || key === 'memory' || key === 'io';
			return applyView({...state, sort: {key, descending}});
		}

		case 'sort-reverse': {
			return applyView({...state, sort: {...state.sort, descending: !state.sort.descending}});
		}

		case 'set-sort': {
			return applyView({...state, sort: action.sort});
		}

		case 'grouping-next': {
			const grouping = groupings[(groupings.indexOf(state.grouping) + 1) % groupings.length] ?? 'service-state';
			return applyView({...state, grouping});
		}

		case 'collapse': {
			const group = groupOf(state, state.selectedId);
			if (group === undefined) {
				return state.grouping === 'flat' ? {...state, message: flatNote} : state;
			}

			const collapse = action.collapse === 'toggle' ? !state.collapsed.has(group) : action.collapse;
			return setCollapsed(state, group, collapse);
		}

		case 'collapse-all': {
			return state.grouping === 'flat' ? {...state, message: flatNote} : collapseAll(state);
		}

		case 'to-group': {
			// From a session, its group; from a state group, its service's.
			const row = state.rows[indexOfKey(state.rows, state.selectedId)];
			const group = isGroupRow(row) ? (row.kind === 'state' ? serviceKey(row.service) : undefined) : groupOf(state, state.selectedId);
			return group === undefined ? state : moveCursor(state, group);
		}

		case 'filter-start': {
			// Opened again, the prompt takes up the filter kept, the cursor after its end.
			return {...state, mode: 'filter', filterCursor: state.filter.text.length};
		}

		case 'filter-key': {
			return filterKey(state, action.input, action.name);
		}

		case 'filter-clear': {
			return applyView({...state, filter: noFilter, filterCursor: 0});
		}

		case 'help': {
			return {...state, mode: action.open ? 'help' : 'list', helpScroll: 0};
		}

		case 'help-scroll': {
			return {...state, helpScroll: Math.max(0, state.helpScroll + action.delta)};
		}

		case 'pause': {
			return {...state, paused: !state.paused};
		}

		case 'interval-step': {
			if (state.replay !== undefined) {
				// The header's interval is the recording's pace, which the replay keeps: nothing to change.
				return {...state, message: {tone: 'info', text: "A replay plays at its recorded pace: + and - set a live monitor's interval."}};
			}

			const index = intervalSteps.findIndex((step) => step >= state.intervalMs);
			const at = index === -1 ? intervalSteps.length - 1 : index;
			const next = intervalSteps[Math.max(0, Math.min(intervalSteps.length - 1, at + action.delta))];
			return next === undefined ? state : {...state, intervalMs: next};
		}

		default: {
			return undefined;
		}
	}
}

