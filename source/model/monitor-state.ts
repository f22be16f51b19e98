// The whole monitor as one pure reducer: polls, view (sort, filter, grouping),
// cursor, pane, marks and the kill/restart confirmation. The UI dispatches and
// performs the effects the state asks for; nothing here does I/O or knows about
// React, so every behaviour is tested without rendering. The state and the actions
// are described in monitor-types.ts.

import {noChanges} from './changes.js';
import {actionFor, keyAction} from './commands.js';
import {noFilter} from './filter.js';
import {readKeys} from './key-reads.js';
import {operationReducer, refreshConfirm} from './operations.js';
import {operationDone} from './outcome.js';
import {paneAfterPollFailed, paneReducer, closedPane} from './pane.js';
import {noSearch, searchReducer} from './pane-search.js';
import {pollOk, withHost, withServerInfo} from './poll.js';
import {withAheadNote} from './ahead-note.js';
import {withRepeatedNote, withSkippedNote} from './repeated-ids.js';
import {replayReducer} from './replay.js';
import {defaultSort} from './sort.js';
import {noFilterHistory} from './filter-history.js';
import {emptySummary} from './summary.js';
import {fadeMessage} from './message-fade.js';
import {moveCursor} from './place-rows.js';
import {mouseReducer} from './mouse.js';
import {takesCursor, viewReducer} from './view.js';
import type {Action, MonitorState, Options} from './monitor-types.js';
import {defaultColumns, withSortedStatement} from './column-choice.js';
import {statementsAfterVersion} from './statement-toggle.js';

export type {Action, HostStatus, Mode, MonitorState, Options} from './monitor-types.js';
export {messageMs, messagePolls, type Message} from './message-fade.js';
export type {Pane} from './pane.js';
export {hostKey} from './poll.js';

/** The columns chosen, with Running and Statement when the sort is by either (column-choice.ts). */
function withStatementSorted(options: Options): {columns?: Options['columns']} {
	const columns = withSortedStatement(options.columns, options.sort?.key, defaultColumns);
	return columns === undefined ? {} : {columns};
}

export function initialState(options: Options = {}): MonitorState {
	const hostOrder = options.hosts !== undefined && options.hosts.length > 0 ? options.hosts : [''];
	return {
		hostOrder,
		hosts: Object.fromEntries(hostOrder.map((host) => [host, {sessions: []}])),
		sessions: [],
		byId: new Map(),
		changes: noChanges,
		summary: emptySummary,
		rows: [],
		grouping: options.grouping ?? 'service-state',
		sort: options.sort ?? defaultSort,
		...withStatementSorted(options),
		filter: noFilter,
		filterCursor: 0,
		filterHistory: noFilterHistory,
		collapsed: new Set(),
		autoCursor: true,
		effects: [],
		listTop: 0,
		listHeight: 10,
		paneHeight: 10,
		paneWidth: 40,
		focus: 'list',
		zoomed: false,
		search: noSearch,
		pane: closedPane,
		documents: new Map(),
		marked: new Set(),
		closing: new Map(),
		mode: 'list',
		helpScroll: 0,
		helpMax: Number.MAX_SAFE_INTEGER,
		seq: 0,
		paused: false,
		intervalMs: options.intervalMs ?? 2000,
		readonly: options.readonly ?? false,
		refreshes: 0,
		quitting: false,
		polls: 0,
		attempts: 0,
	};
}

export function reducer(state: MonitorState, action: Action): MonitorState {
	// Before the action, so that the rows it rebuilds keep the cursor on the operator's row.
	let next = reduce(state.autoCursor && takesCursor(action) ? {...state, autoCursor: false} : state, action);
	if (next.hosts !== state.hosts) {
		next = refreshConfirm(next);
	}

	// A new message stamped with the poll attempt it was said at, an old one gone once read.
	return fadeMessage(state, next);
}

function reduce(state: MonitorState, action: Action): MonitorState {
	switch (action.type) {
		case 'poll-ok': {
			return withAheadNote(state, withSkippedNote(state, withRepeatedNote(state, pollOk(state, action), action), action), action);
		}

		case 'poll-failed': {
			// The last good data stays; only the error and its time are new.
			const error = {message: action.error.message, at: action.at, retryAt: action.retryAt};
			const hosts = withHost(state, action.host, (status) => ({...status, error}));
			// An open pane on that MaxScale says so over its last good document (pane.ts).
			return paneAfterPollFailed({...state, hosts, error, attempts: state.attempts + 1}, action.host, action.error.message);
		}

		case 'server-info': {
			return statementsAfterVersion(state, withServerInfo(state, action.host, action.info));
		}

		case 'polling-started': {
			return {...state, pollingSince: {at: action.at, ...(action.mono === undefined ? {} : {mono: action.mono})}};
		}

		case 'resize': {
			const helpMax = action.helpMax ?? state.helpMax;
			const resized = {...state, listHeight: Math.max(1, action.listHeight), helpMax, helpScroll: Math.min(state.helpScroll, helpMax)};
			const next = moveCursor(resized, state.selectedId, {followPane: false, heightBefore: state.listHeight});
			return paneReducer(next, {type: 'pane-resize', height: action.paneHeight, width: action.paneWidth}) ?? next;
		}

		case 'command': {
			const resolved = actionFor(action.command, state);
			return resolved === undefined ? state : reducer(state, resolved);
		}

		case 'key': {
			const resolved = keyAction(state, action.input, action.name);
			return resolved === undefined ? state : reducer(state, resolved);
		}

		case 'keys': {
			if (action.tooSmall === true) {
				// Nothing on screen to act on: only leaving works (q even in the filter prompt, unseen).
				return action.keys.some((key) => key.name === 'ctrl+c' || (key.name === undefined && key.input === 'q')) ? reducer(state, {type: 'quit'}) : state;
			}

			return readKeys(state, action.keys, reducer);
		}

		case 'refresh': {
			if (state.replay !== undefined) {
				// Nothing to poll: the recording is all there is. Say what moves it instead.
				return {...state, message: {tone: 'info', text: 'A replay does not poll: ] steps to the next recorded poll, [ back.', answer: true}};
			}

			return {...state, refreshes: state.refreshes + 1, message: {tone: 'info', text: 'Polling now…', untilPoll: true}};
		}

		case 'quit': {
			return {...state, quitting: true};
		}

		case 'message': {
			return {...state, message: action.message};
		}

		case 'operation-done': {
			return operationDone(state, action);
		}

		default: {
			// Each part of the state has its own reducer; the first that knows the action takes it.
			return (
				paneReducer(state, action) ??
				searchReducer(state, action) ??
				operationReducer(state, action) ??
				viewReducer(state, action) ??
				mouseReducer(state, action, reducer) ??
				replayReducer(state, action, reduce) ??
				state
			);
		}
	}
}
