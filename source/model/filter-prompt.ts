// The filter prompt (/): each key edits the line as a shell would, and the list is
// filtered again at every keystroke. Enter and Tab keep the filter and leave the prompt;
// Esc drops it; ↑ and ↓ still move the cursor; Ctrl-P and Ctrl-N go through the filters kept
// this run (filter-history.ts).

import {parseFilter, noFilter} from './filter.js';
import {editLine} from './line-edit.js';
import {recalled, remembered, stopped} from './filter-history.js';
import type {MonitorState} from './monitor-state.js';
import {applyView, moveCursor} from './place-rows.js';
import {moveBy} from './selection.js';

/** Far more than any filter typed, and bounds what a paste (20,000 characters of a log) costs every poll. */
export const maxFilterLength = 1000;

export function filterKey(state: MonitorState, input: string, name: string | undefined): MonitorState {
	if (name === 'return' || name === 'tab') {
		// Not with a term it cannot use: the list would go back unfiltered under a header
		// that names the filter, and the sentence saying why would be gone with the prompt.
		return state.filter.error === undefined ? {...state, mode: 'list', filterHistory: remembered(state.filterHistory, state.filter.text)} : state;
	}

	if (name === 'escape') {
		return applyView({...state, mode: 'list', filter: noFilter, filterCursor: 0, filterHistory: stopped(state.filterHistory)});
	}

	if (name === 'ctrl+p' || name === 'ctrl+n') {
		const recall = recalled(state.filterHistory, state.filter.text, name === 'ctrl+p' ? -1 : 1);
		return recall === undefined ? state : applyView({...state, filter: parseFilter(recall.text), filterCursor: recall.text.length, filterHistory: recall.history});
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
	// Edited, the line is the operator's own: the next Ctrl-P starts again from the newest filter kept.
	return applyView({...state, filter: parseFilter(line.text), filterCursor: line.cursor, message, filterHistory: stopped(state.filterHistory)});
}
