// How the snapshot is looked at: the view's reducer for sort, filter, grouping,
// collapsed groups, the cursor, help, pause and interval. The rows are rebuilt and the
// cursor kept in place by place-rows.ts; the tree's keys are tree-moves.ts's, the
// filter prompt's filter-prompt.ts's.

import {hasColumn} from './columns.js';
import {noFilter} from './filter.js';
import {stopped} from './filter-history.js';
import {filterKey} from './filter-prompt.js';
import type {Action, MonitorState} from './monitor-state.js';
import {applyView, moveCursor} from './place-rows.js';
import {groupings} from './groups.js';
import {indexOfKey, moveBy, moveByRows, nearestRow, pageTop} from './selection.js';
import {defaultColumns} from './column-choice.js';
import {type Sort, type SortKey} from './sort.js';
import {toggleStatement} from './statement-toggle.js';
import {pageRows, stickyLines} from './sticky-groups.js';
import {collapse, collapseAll, toGroup} from './tree-moves.js';

export type ViewAction =
	| {type: 'move'; delta: number}
	| {type: 'page'; delta: number}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'sort-step'; delta: number}
	| {type: 'sort-reverse'}
	| {type: 'sort-by'; key: SortKey; note?: string}
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
	| {type: 'interval-step'; delta: number}
	| {type: 'toggle-statement'};

export const intervalSteps = [500, 1000, 2000, 3000, 5000, 10_000, 15_000, 30_000, 60_000];

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
		case 'sort-by':
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

/** Times, memory and I/O read best largest first; names and ids A→Z. */
const readsDown = (key: SortKey) => key === 'age' || key === 'idle' || key === 'memory' || key === 'io' || key === 'running';

export function viewReducer(state: MonitorState, action: Action): MonitorState | undefined {
	switch (action.type) {
		case 'move': {
			return moveCursor(state, moveBy(state.rows, state.selectedId, action.delta));
		}

		case 'page': {
			// A screenful: the rows a window shows under its sticky group rows (sticky-groups.ts).
			// The window moves as far as the cursor did, as in htop, so the cursor keeps its line on
			// the screen (QA: the first PgDn from the top only took the cursor to the bottom line
			// and showed one new row); at either end the window stops and the cursor goes on, and
			// its line there is the one the next page keeps.
			const {rows, listHeight: height} = state;
			const key = moveByRows(rows, state.selectedId, action.delta * pageRows(height, state.grouping));
			const over = stickyLines(rows);
			const lineAt = (index: number, top: number) => index - top + over(top, height);
			const from = indexOfKey(rows, state.selectedId);
			const {paged} = state;
			const line = paged !== undefined && paged.key === state.selectedId ? paged.line : lineAt(from, state.listTop);
			const to = indexOfKey(rows, key);
			const moved = moveCursor({...state, listTop: pageTop(state.listTop, from, to, height, over, line)}, key);
			const top = moved.listTop;
			const atEnd = top === 0 || top + height - over(top, height) >= rows.length;
			return {...moved, paged: key === undefined ? undefined : {key, line: atEnd ? lineAt(to, top) : line}};
		}

		case 'home': {
			return moveCursor(state, nearestRow(state.rows, 0, true));
		}

		case 'end': {
			return moveCursor(state, nearestRow(state.rows, state.rows.length - 1, false));
		}

		case 'sort-step': {
			// Only through the columns the list shows: MaxScale when several are watched, Service
			// in flat view (grouped, each group is one service), Server when the list says it. From a sort whose column is not
			// shown (by service, then t), the next shown one in its direction.
			// In the columns' order, the operator's when chosen (--columns), and only through those.
			const shown = (key: SortKey) => hasColumn(key, state.hostOrder.length > 1, state.grouping, state.summary.widest);
			const order: readonly SortKey[] = ['id', ...(state.columns ?? defaultColumns)];
			// A sort by a column not chosen (--sort memory with no Memory) steps from Id.
			const at = Math.max(0, order.indexOf(state.sort.key));
			let index = at;
			do {
				index = (index + action.delta + order.length) % order.length;
			} while (!shown(order[index]!) && index !== at);
			const key = order[index] ?? 'id';
			return applyView({...state, sort: {key, descending: readsDown(key)}});
		}

		case 'sort-by': {
			// As htop's M, T and N: that column, its natural way; pressed again, the other way.
			const {key} = action;
			if (!hasColumn(key, state.hostOrder.length > 1, state.grouping, state.summary.widest)) {
				// M on a MaxScale that sends no memory: a sort by nothing would look like a broken one.
				return {...state, message: {tone: 'error', text: `No session of the list has a ${key} figure (MaxScale sends it from ${key === 'memory' ? '22.08' : 'a later version'}): the sort stays by ${state.sort.key}.`}};
			}

			const sorted = applyView({...state, sort: {key, descending: state.sort.key === key ? !state.sort.descending : readsDown(key)}});
			return action.note === undefined ? sorted : {...sorted, message: {tone: 'info', text: action.note, answer: true}};
		}

		case 'sort-reverse': {
			return applyView({...state, sort: {...state.sort, descending: !state.sort.descending}});
		}

		case 'set-sort': {
			return applyView({...state, sort: action.sort});
		}

		case 'grouping-next': {
			// By MaxScale only when several are watched: with one, it is one group of everything.
			// Asked for with one MaxScale (--grouping maxscale), the next after it all the same: none.
			const several = state.hostOrder.length > 1;
			let at = groupings.indexOf(state.grouping);
			do {
				at = (at + 1) % groupings.length;
			} while (groupings[at] === 'maxscale' && !several);
			const grouping = groupings[at] ?? 'service-state';
			return applyView({...state, grouping});
		}

		case 'collapse': {
			return collapse(state, action.collapse);
		}

		case 'collapse-all': {
			return collapseAll(state);
		}

		case 'to-group': {
			return toGroup(state);
		}

		case 'filter-start': {
			// Opened again, the prompt takes up the filter kept, the cursor after its end.
			return {...state, mode: 'filter', filterCursor: state.filter.text.length, filterHistory: stopped(state.filterHistory)};
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
			// Within its end, so that ↑ after End (or after ↓ held past it) moves at once.
			return {...state, helpScroll: Math.min(state.helpMax, Math.max(0, state.helpScroll + action.delta))};
		}

		case 'pause': {
			// Resumed, the sentence on the status line (a kill's outcome said while paused) lasts its
			// rounds from now: the poll a kill shows while paused counted as one of them (QA).
			const {message} = state;
			const resumed = state.paused && message?.poll !== undefined && message.untilPoll !== true;
			return {...state, paused: !state.paused, ...(resumed ? {message: {...message, poll: state.attempts}} : {})};
		}

		case 'interval-step': {
			if (state.replay !== undefined) {
				// The header's interval is the recording's pace, which the replay keeps: nothing to change.
				return {...state, message: {tone: 'info', text: "A replay plays at its recorded pace: + and - set a live monitor's interval."}};
			}

			const index = intervalSteps.findIndex((step) => step >= state.intervalMs);
			const at = index === -1 ? intervalSteps.length - 1 : index;
			const next = intervalSteps[Math.max(0, Math.min(intervalSteps.length - 1, at + action.delta))];
			if (next === state.intervalMs) {
				// At the end of the steps: said, not a key that silently did nothing (QA).
				const text = action.delta < 0 ? 'Every 0.5 s is as often as sessiontop polls: - goes no faster.' : 'Every 60 s is as seldom as sessiontop polls: + goes no slower.';
				return {...state, message: {tone: 'info', text, answer: true}};
			}

			// Said as every other key's outcome is, not only in the header's `every` (QA).
			return next === undefined ? state : {...state, intervalMs: next, message: {tone: 'info', text: `Polling every ${next / 1000} s now.`, answer: true}};
		}

		case 'toggle-statement': {
			return toggleStatement(state);
		}

		default: {
			return undefined;
		}
	}
}

