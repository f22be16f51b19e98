// The whole monitor as one pure reducer: polls, cursor, pane and focus. The UI
// dispatches; nothing here does I/O or knows about React, so every behaviour is
// tested without rendering.

import type {ApiError} from '../api/errors.js';
import type {ServerInfo} from '../api/server-info.js';
import {actionFor, type Command} from './commands.js';
import {jsonLines, wrapLines, type DisplayLine, type JsonLine} from './json-lines.js';
import {buildRows, type Grouping, type Row} from './rows.js';
import {indexOfId, moveBy, moveByRows, nearestSession, reselect, scrollTop, withHeaders} from './selection.js';
import type {Session} from './session.js';
import {defaultSort, type Sort} from './sort.js';

export type Pane = {
	open: boolean;
	/** The session the pane shows: follows the cursor, but stays on a session that ended. */
	id?: string;
	document?: unknown;
	/** The document as pretty-printed lines, and those wrapped to the pane's width. */
	source: JsonLine[];
	lines: DisplayLine[];
	ended: boolean;
	error?: string;
	scroll: number;
};

export type MonitorState = {
	sessions: Session[];
	rows: Row[];
	grouping: Grouping;
	sort: Sort;
	selectedId?: string;
	listTop: number;
	listHeight: number;
	paneHeight: number;
	paneWidth: number;
	focus: 'list' | 'pane';
	pane: Pane;
	server?: ServerInfo;
	/** The last successful poll. */
	lastPoll?: {at: number; latencyMs: number; bytes: number};
	/** The last failure, cleared by the next success. */
	error?: {message: string; at: number};
	polls: number;
};

export type Action =
	| {type: 'poll-ok'; sessions: Session[]; at: number; latencyMs: number; bytes: number}
	| {type: 'poll-failed'; error: ApiError; at: number}
	| {type: 'server-info'; info: ServerInfo}
	| {type: 'resize'; listHeight: number; paneHeight: number; paneWidth: number}
	| {type: 'move'; delta: number}
	| {type: 'page'; delta: number}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'open-pane'}
	| {type: 'close-pane'}
	| {type: 'toggle-focus'}
	| {type: 'pane-scroll'; delta: number}
	| {type: 'pane-home'}
	| {type: 'pane-end'}
	| {type: 'document-loaded'; id: string; document: unknown}
	| {type: 'document-failed'; id: string; message: string; gone: boolean}
	| {type: 'command'; command: Command};

const closedPane: Pane = {open: false, source: [], lines: [], ended: false, scroll: 0};

export function initialState(overrides: Partial<Pick<MonitorState, 'grouping' | 'sort'>> = {}): MonitorState {
	return {
		sessions: [],
		rows: [],
		grouping: overrides.grouping ?? 'service-state',
		sort: overrides.sort ?? defaultSort,
		listTop: 0,
		listHeight: 10,
		paneHeight: 10,
		paneWidth: 40,
		focus: 'list',
		pane: closedPane,
		polls: 0,
	};
}

/** Keep the cursor in view after anything that moves it or the rows. */
function withCursor(state: MonitorState, selectedId: string | undefined): MonitorState {
	const cursor = indexOfId(state.rows, selectedId);
	const listTop = scrollTop(state.listTop, cursor, state.listHeight, state.rows.length, withHeaders(state.rows, cursor));
	// While the pane is open it follows the cursor, unless the cursor did not move.
	let {pane} = state;
	if (pane.open && selectedId !== undefined && selectedId !== pane.id) {
		pane = {...closedPane, open: true, id: selectedId};
	}

	return {...state, selectedId, listTop, pane};
}

function maxPaneScroll(state: MonitorState): number {
	return Math.max(0, state.pane.lines.length - state.paneHeight);
}

function scrollPane(state: MonitorState, to: number): MonitorState {
	const scroll = Math.max(0, Math.min(to, maxPaneScroll(state)));
	return {...state, pane: {...state.pane, scroll}};
}

function pollOk(state: MonitorState, action: Extract<Action, {type: 'poll-ok'}>): MonitorState {
	const rows = buildRows(action.sessions, {grouping: state.grouping, sort: state.sort});
	const selectedId = reselect(state.rows, rows, state.selectedId);
	const paneEnded =
		state.pane.id !== undefined && !action.sessions.some((session) => session.id === state.pane.id);
	const next: MonitorState = {
		...state,
		sessions: action.sessions,
		rows,
		lastPoll: {at: action.at, latencyMs: action.latencyMs, bytes: action.bytes},
		error: undefined,
		polls: state.polls + 1,
		// An ended session keeps its last document on screen, marked ended, until the cursor moves.
		pane: paneEnded ? {...state.pane, ended: true} : state.pane,
	};
	const cursor = indexOfId(rows, selectedId);
	const listTop = scrollTop(state.listTop, cursor, state.listHeight, rows.length, withHeaders(rows, cursor));
	return {...next, selectedId, listTop};
}

export function reducer(state: MonitorState, action: Action): MonitorState {
	switch (action.type) {
		case 'poll-ok': {
			return pollOk(state, action);
		}

		case 'poll-failed': {
			// The last good data stays; only the error and its time are new.
			return {...state, error: {message: action.error.message, at: action.at}};
		}

		case 'server-info': {
			return {...state, server: action.info};
		}

		case 'resize': {
			const listHeight = Math.max(1, action.listHeight);
			const paneWidth = Math.max(8, action.paneWidth);
			const cursor = indexOfId(state.rows, state.selectedId);
			const next: MonitorState = {
				...state,
				listHeight,
				paneHeight: Math.max(1, action.paneHeight),
				paneWidth,
				listTop: scrollTop(state.listTop, cursor, listHeight, state.rows.length),
				pane: paneWidth === state.paneWidth ? state.pane : {...state.pane, lines: wrapLines(state.pane.source, paneWidth)},
			};
			return scrollPane(next, state.pane.scroll);
		}

		case 'move': {
			return withCursor(state, moveBy(state.rows, state.selectedId, action.delta));
		}

		case 'page': {
			return withCursor(state, moveByRows(state.rows, state.selectedId, action.delta * state.listHeight));
		}

		case 'home': {
			return withCursor(state, nearestSession(state.rows, 0, true));
		}

		case 'end': {
			return withCursor(state, nearestSession(state.rows, state.rows.length - 1, false));
		}

		case 'open-pane': {
			if (state.selectedId === undefined) {
				return state;
			}

			const same = state.pane.id === state.selectedId && !state.pane.ended;
			return {...state, pane: same ? {...state.pane, open: true} : {...closedPane, open: true, id: state.selectedId}};
		}

		case 'close-pane': {
			return {...state, focus: 'list', pane: closedPane};
		}

		case 'toggle-focus': {
			return state.pane.open ? {...state, focus: state.focus === 'list' ? 'pane' : 'list'} : state;
		}

		case 'pane-scroll': {
			return scrollPane(state, state.pane.scroll + action.delta);
		}

		case 'pane-home': {
			return scrollPane(state, 0);
		}

		case 'pane-end': {
			return scrollPane(state, Number.MAX_SAFE_INTEGER);
		}

		case 'document-loaded': {
			if (state.pane.id !== action.id) {
				return state; // An answer for a session the pane has since left.
			}

			const source = jsonLines(action.document);
			const lines = wrapLines(source, state.paneWidth);
			const pane = {...state.pane, document: action.document, source, lines, error: undefined};
			return scrollPane({...state, pane}, pane.scroll);
		}

		case 'command': {
			const resolved = actionFor(action.command, state);
			return resolved === undefined ? state : reducer(state, resolved);
		}

		case 'document-failed': {
			if (state.pane.id !== action.id) {
				return state;
			}

			return {...state, pane: {...state.pane, ended: state.pane.ended || action.gone, error: action.message}};
		}
	}
}
