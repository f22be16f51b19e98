// A key means different things in different situations: ↓ moves the cursor in
// the list and scrolls the pane when the pane has the focus; in the filter it is
// typed text. Resolved inside the reducer, so keys typed faster than frames
// render still act on the current state.

import {bindingFor, type Command} from './keymap.js';
import {isGroupRow} from './rows.js';
import {indexOfKey} from './selection.js';
import type {Action, MonitorState} from './monitor-state.js';

export type {Command} from './keymap.js';

/** n with the list focused: the pane's search is the pane's; what is left to do for it. */
function nextOutsidePane(state: MonitorState): Action {
	const todo = state.pane.open ? (state.search.text === '' ? 'Tab to it, then / to search' : 'Tab to it first') : 'open a document, Tab to it, then / to search';
	return {type: 'message', message: {tone: 'info', text: `n steps through the pane's search: ${todo}.`, answer: true}};
}

const idSortNote = 'N sorted by id: no search in the pane to step back through (/ searches it).';

export function actionFor(command: Command, state: MonitorState): Action | undefined {
	const inPane = state.pane.open && state.focus === 'pane';
	const page = Math.max(1, state.paneHeight - 1);
	const selected = state.rows[indexOfKey(state.rows, state.selectedId)];
	const onGroup = isGroupRow(selected);
	const table: Record<Command, Action | undefined> = {
		down: inPane ? {type: 'pane-scroll', delta: 1} : {type: 'move', delta: 1},
		up: inPane ? {type: 'pane-scroll', delta: -1} : {type: 'move', delta: -1},
		'page-down': inPane ? {type: 'pane-scroll', delta: page} : {type: 'page', delta: 1},
		'page-up': inPane ? {type: 'pane-scroll', delta: -page} : {type: 'page', delta: -1},
		home: inPane ? {type: 'pane-home'} : {type: 'home'},
		end: inPane ? {type: 'pane-end'} : {type: 'end'},
		open: inPane ? undefined : onGroup ? {type: 'collapse', collapse: 'toggle'} : {type: 'open-pane'},
		expand: inPane ? undefined : onGroup ? {type: 'collapse', collapse: false} : {type: 'open-pane'},
		// As in a tree view: ← collapses a group, and on one already collapsed goes up to its parent.
		back: state.pane.open ? {type: 'close-pane'} : onGroup && !selected.collapsed ? {type: 'collapse', collapse: true} : {type: 'to-group'},
		close: state.pane.open
			? {type: 'close-pane'}
			: state.filter.text === ''
				? state.marked.size > 0
					? {type: 'unmark-all'}
					: undefined
				: {type: 'filter-clear'},
		focus: {type: 'toggle-focus'},
		zoom: {type: 'pane-zoom'},
		// As in less and k9s's describe view: with the pane focused, / searches it.
		filter: inPane ? {type: 'search-start'} : {type: 'filter-start'},
		'search-next': inPane ? {type: 'search-step', delta: 1} : nextOutsidePane(state),
		'sort-next': {type: 'sort-step', delta: 1},
		'sort-prev': {type: 'sort-step', delta: -1},
		'sort-reverse': {type: 'sort-reverse'},
		'sort-memory': {type: 'sort-by', key: 'memory'},
		'sort-age': {type: 'sort-by', key: 'age'},
		// Idle is the column a session list is read by (QA: only < and > reached it).
		'sort-idle': {type: 'sort-by', key: 'idle'},
		// In the pane N is the match before, as in less; with no search it sorts by id, as in the list,
		// and says so (QA: the header's sort changed with no word of why).
		'sort-id': inPane ? (state.search.text === '' ? {type: 'sort-by', key: 'id', note: idSortNote} : {type: 'search-step', delta: -1}) : {type: 'sort-by', key: 'id'},
		grouping: {type: 'grouping-next'},
		collapse: {type: 'collapse', collapse: 'toggle'},
		'collapse-all': {type: 'collapse-all'},
		statements: {type: 'toggle-statement'},
		pause: {type: 'pause'},
		'step-back': {type: 'replay-step', delta: -1},
		'step-forward': {type: 'replay-step', delta: 1},
		refresh: {type: 'refresh'},
		slower: {type: 'interval-step', delta: 1},
		faster: {type: 'interval-step', delta: -1},
		// In the pane, as in less: a screen down (QA: it marked the hidden list's row, and the pane left for the next session).
		mark: inPane ? {type: 'pane-scroll', delta: page} : {type: 'mark'},
		'mark-shown': {type: 'mark-shown'},
		'unmark-all': {type: 'unmark-all'},
		kill: {type: 'ask', operation: 'kill'},
		restart: {type: 'ask', operation: 'restart'},
		log: {type: 'ask', operation: 'log'},
		copy: {type: 'copy'},
		save: {type: 'save'},
		record: {type: 'record'},
		help: {type: 'help', open: true},
		// The terminal's, not the state's: ui/use-keys.ts suspends or redraws before any key reaches here.
		suspend: undefined,
		redraw: undefined,
		quit: {type: 'quit'},
	};
	return table[command];
}

/** One key press (its name, or the text typed) in whatever mode the monitor is in. */
export function keyAction(state: MonitorState, input: string, name: string | undefined): Action | undefined {
	// F10 as htop has it, from anywhere as Ctrl-C: a prompt, a question or the help took it as
	// any other key (QA: the readme said anywhere).
	if (name === 'ctrl+c' || name === 'f10') {
		return {type: 'quit'};
	}

	// A paste is text for the filter prompt, and nothing anywhere else: never a key that acts.
	if (name === 'paste' && state.mode !== 'filter' && state.mode !== 'search') {
		return undefined;
	}

	switch (state.mode) {
		case 'filter': {
			return {type: 'filter-key', input, name};
		}

		case 'search': {
			return {type: 'search-key', input, name};
		}

		case 'confirm': {
			return {type: 'confirm-key', input, name};
		}

		case 'help': {
			// Arrows scroll the help; any other key closes it, and never acts behind it.
			// Home and End too, as in the pane and the list (QA: they closed it); the reducer keeps the scroll in range.
			const scroll: Record<string, number> = {down: 1, j: 1, up: -1, k: -1, pagedown: 10, pageup: -10, home: -1e6, g: -1e6, end: 1e6, G: 1e6};
			const key = name ?? input;
			const delta = Object.hasOwn(scroll, key) ? scroll[key] : undefined;
			return delta === undefined ? {type: 'help', open: false} : {type: 'help-scroll', delta};
		}

		case 'list': {
			// q closes the pane first, as less and htop's side screens do: a quit loses the filter and the marks.
			if (name === undefined && input === 'q' && state.pane.open) {
				return {type: 'close-pane'};
			}

			const binding = bindingFor(name ?? (input.length === 1 ? input : undefined));
			return binding === undefined ? undefined : actionFor(binding.command, state);
		}
	}
}
