// The mouse, as htop takes it: the wheel scrolls what is under the pointer, a click on a row
// puts the cursor on it (on the row already under the cursor: Enter, so a second click opens
// the document or folds the group), a click on a column's title sorts by it (again: the other
// way), a click in the pane gives it the keys. Only over the list and the pane: a question, a
// prompt or the help is answered with keys, never by a click beside it.
// Where the pointer is (a line of the list, a column's title) the screen says (ui/mouse-hit.ts).

import {actionFor} from './commands.js';
import type {Action, MonitorState} from './monitor-state.js';
import {moveCursor} from './place-rows.js';
import {isGhostRow} from './rows.js';
import type {SortKey} from './sort.js';
import {stickyRows} from './sticky-groups.js';

export type MouseAction =
	| {type: 'mouse-wheel'; area: 'list' | 'pane' | 'help'; delta: number}
	/** `line`: of the list's rows on screen, from 0 under the titles. */
	| {type: 'mouse-row'; line: number}
	| {type: 'mouse-title'; key: SortKey}
	| {type: 'mouse-pane'};

/** The row drawn on `line` of the list: a sticky group row over the window, else the window's. */
export function rowOnLine(state: Pick<MonitorState, 'rows' | 'listTop' | 'listHeight'>, line: number) {
	const sticky = stickyRows(state.rows, state.listTop, state.listHeight);
	if (line < 0 || line >= state.listHeight) {
		return undefined;
	}

	return line < sticky.length ? sticky[line] : state.rows[state.listTop + line - sticky.length];
}

export function mouseReducer(state: MonitorState, action: Action, reduce: (state: MonitorState, action: Action) => MonitorState): MonitorState | undefined {
	switch (action.type) {
		case 'mouse-wheel': {
			if (state.mode === 'help') {
				return action.area === 'help' ? reduce(state, {type: 'help-scroll', delta: action.delta}) : state;
			}

			if (state.mode !== 'list') {
				return state;
			}

			if (action.area === 'pane') {
				return state.pane.open ? reduce(state, {type: 'pane-scroll', delta: action.delta}) : state;
			}

			return action.area === 'list' && !state.zoomed ? reduce(state, {type: 'move', delta: action.delta}) : state;
		}

		case 'mouse-row': {
			if (state.mode !== 'list' || state.zoomed) {
				return state;
			}

			// The list has the keys again, as a click gives them in any other program, wherever in it.
			const listed = state.focus === 'pane' ? {...state, focus: 'list' as const} : state;
			const row = rowOnLine(state, action.line);
			if (row === undefined || isGhostRow(row)) {
				return listed;
			}

			// The operator takes the cursor (MonitorState.autoCursor), as a key that moves it does.
			if (row.key !== state.selectedId) {
				return moveCursor({...listed, autoCursor: false}, row.key);
			}

			const open = actionFor('open', listed);
			return open === undefined ? listed : reduce(listed, open);
		}

		case 'mouse-title': {
			return state.mode === 'list' && !state.zoomed ? reduce(state, {type: 'sort-by', key: action.key}) : state;
		}

		case 'mouse-pane': {
			return state.mode === 'list' && state.pane.open && state.focus === 'list' ? reduce(state, {type: 'toggle-focus'}) : state;
		}

		default: {
			return undefined;
		}
	}
}
