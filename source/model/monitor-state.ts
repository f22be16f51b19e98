// The whole monitor as one pure reducer: polls, view (sort, filter, grouping),
// cursor, pane, marks and the kill/restart confirmation. The UI dispatches and
// performs the effects the state asks for; nothing here does I/O or knows about
// React, so every behaviour is tested without rendering.

import type {ApiError} from '../api/errors.js';
import type {ServerInfo} from '../api/server-info.js';
import {noChanges, trackChanges, type Changes} from './changes.js';
import {actionFor, keyAction, type Command} from './commands.js';
import {noFilter, type Filter} from './filter.js';
import {operationDone, operationReducer, type Confirm, type Effect, type OperationAction} from './operations.js';
import {paneReducer, type Pane, type PaneAction, closedPane} from './pane.js';
import {replayReducer, type Replay, type ReplayAction} from './replay.js';
import type {Grouping, Row} from './rows.js';
import {firstRow} from './selection.js';
import type {Session} from './session.js';
import {defaultSort, type Sort} from './sort.js';
import {applyView, moveCursor, viewReducer, type ViewAction} from './view.js';

export type Mode = 'list' | 'filter' | 'confirm' | 'help';
/** One sentence for the status line; it fades after a few polls (`poll` is when it was said). */
export type Message = {text: string; tone: 'info' | 'error' | 'ok'; poll?: number};
export const messagePolls = 3;
export type {Pane} from './pane.js';

/** What one watched MaxScale last said. */
export type HostStatus = {
	sessions: Session[];
	lastPoll?: {at: number; latencyMs: number; bytes: number};
	error?: {message: string; at: number; retryAt?: number};
	server?: ServerInfo;
};

export type MonitorState = {
	/** The MaxScales watched, in the order given; '' stands for the only one. */
	hostOrder: string[];
	hosts: Record<string, HostStatus>;
	/** Every host's sessions, merged. */
	sessions: Session[];
	/** Sessions by key (see Session.key). */
	byId: Map<string, Session>;
	changes: Changes;
	rows: Row[];
	grouping: Grouping;
	sort: Sort;
	filter: Filter;
	collapsed: Set<string>;
	/** The key of the row under the cursor: a session id or a group key. */
	selectedId?: string;
	listTop: number;
	listHeight: number;
	paneHeight: number;
	paneWidth: number;
	focus: 'list' | 'pane';
	pane: Pane;
	marked: Set<string>;
	mode: Mode;
	/** First line of the help shown (the help view clamps it). */
	helpScroll: number;
	confirm?: Confirm;
	/** Work for the UI to do (send a kill, copy, save); `seq` tells a new one from the last. */
	effect?: Effect;
	seq: number;
	message?: Message;
	paused: boolean;
	intervalMs: number;
	readonly: boolean;
	/** Bumped by `r`: the poll loop polls now. */
	refreshes: number;
	quitting: boolean;
	server?: ServerInfo;
	/** The last successful poll; `waitMs` is the pause before the next when slow polls stretched it. */
	lastPoll?: {at: number; latencyMs: number; bytes: number; waitMs?: number};
	/** The last failure, cleared by the next success; `retryAt` is when the next attempt comes. */
	error?: {message: string; at: number; retryAt?: number};
	polls: number;
	/** Polls tried, answered or not: messages fade by these, so they fade while MaxScale is down too. */
	attempts: number;
	/** Set when replaying a recording instead of polling. */
	replay?: Replay;
};

export type Action =
	| {type: 'poll-ok'; host?: string; sessions: Session[]; at: number; latencyMs: number; bytes: number; waitMs?: number}
	| {type: 'poll-failed'; host?: string; error: ApiError; at: number; retryAt?: number}
	| {type: 'server-info'; host?: string; info: ServerInfo}
	| {type: 'resize'; listHeight: number; paneHeight: number; paneWidth: number}
	| {type: 'command'; command: Command}
	| {type: 'key'; input: string; name?: string}
	| {type: 'refresh'}
	| {type: 'quit'}
	| {type: 'message'; message: Message | undefined}
	| ViewAction
	| PaneAction
	| OperationAction
	| ReplayAction;

export type Options = {grouping?: Grouping; sort?: Sort; intervalMs?: number; readonly?: boolean; hosts?: string[]};

export function initialState(options: Options = {}): MonitorState {
	const hostOrder = options.hosts !== undefined && options.hosts.length > 0 ? options.hosts : [''];
	return {
		hostOrder,
		hosts: Object.fromEntries(hostOrder.map((host) => [host, {sessions: []}])),
		sessions: [],
		byId: new Map(),
		changes: noChanges,
		rows: [],
		grouping: options.grouping ?? 'service-state',
		sort: options.sort ?? defaultSort,
		filter: noFilter,
		collapsed: new Set(),
		listTop: 0,
		listHeight: 10,
		paneHeight: 10,
		paneWidth: 40,
		focus: 'list',
		pane: closedPane,
		marked: new Set(),
		mode: 'list',
		helpScroll: 0,
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

/** The most recent failure among the hosts that are failing now. */
function currentError(hosts: Record<string, HostStatus>): MonitorState['error'] {
	let latest: MonitorState['error'];
	for (const status of Object.values(hosts)) {
		if (status.error !== undefined && (latest === undefined || status.error.at > latest.at)) {
			latest = status.error;
		}
	}

	return latest;
}

/** The key of a host in `hosts`: actions and sessions name it only when several are watched. */
export function hostKey(state: Pick<MonitorState, 'hostOrder'>, host: string | undefined): string {
	return (state.hostOrder.length > 1 ? host : undefined) ?? state.hostOrder[0] ?? '';
}

function withHost(state: MonitorState, host: string | undefined, change: (status: HostStatus) => HostStatus): Record<string, HostStatus> {
	const name = hostKey(state, host);
	return {...state.hosts, [name]: change(state.hosts[name] ?? {sessions: []})};
}

function pollOk(state: MonitorState, action: Extract<Action, {type: 'poll-ok'}>): MonitorState {
	const lastPoll = {at: action.at, latencyMs: action.latencyMs, bytes: action.bytes, waitMs: action.waitMs};
	const hosts = withHost(state, action.host, (status) => ({...status, sessions: action.sessions, lastPoll, error: undefined}));
	// One host's poll replaces its own sessions; the others keep their last good ones.
	const sessions = state.hostOrder.length === 1 ? action.sessions : state.hostOrder.flatMap((host) => hosts[host]?.sessions ?? []);
	const byId = new Map<string, Session>();
	for (const session of sessions) {
		byId.set(session.key, session);
	}

	const polls = state.polls + 1;
	const seconds = state.lastPoll === undefined ? undefined : Math.max(0.001, (action.at - state.lastPoll.at) / 1000);
	// A MaxScale's first answer is where its sessions were all along, not sessions that just opened.
	const firstAnswer = state.hosts[hostKey(state, action.host)]?.lastPoll === undefined;
	const known = firstAnswer ? new Set(action.sessions.map((session) => session.key)) : undefined;
	const changes = trackChanges(state.changes, {previous: state.byId, next: sessions, nextById: byId, poll: polls, seconds, known});
	// Marks on sessions that ended go with them.
	const marked = new Set([...state.marked].filter((id) => byId.has(id)));
	const paneEnded = state.pane.id !== undefined && !byId.has(state.pane.id);
	const next: MonitorState = {
		...state,
		hosts,
		sessions,
		byId,
		changes,
		marked: marked.size === state.marked.size ? state.marked : marked,
		lastPoll,
		error: currentError(hosts),
		polls,
		attempts: state.attempts + 1,
		// An ended session keeps its last document on screen, marked ended, until the cursor moves.
		pane: paneEnded ? {...state.pane, ended: true} : state.pane,
	};
	const view = applyView(next, state.rows);
	return view.selectedId === undefined && view.rows.length > 0 ? {...view, selectedId: firstRow(view.rows)} : view;
}

export function reducer(state: MonitorState, action: Action): MonitorState {
	const next = reduce(state, action);
	// Stamp a new message with the poll attempt it was said at, so it can fade.
	if (next.message !== state.message && next.message !== undefined && next.message.poll === undefined) {
		return {...next, message: {...next.message, poll: next.attempts}};
	}

	if (next.message?.poll !== undefined && next.attempts - next.message.poll >= messagePolls) {
		return {...next, message: undefined};
	}

	return next;
}

function reduce(state: MonitorState, action: Action): MonitorState {
	switch (action.type) {
		case 'poll-ok': {
			return pollOk(state, action);
		}

		case 'poll-failed': {
			// The last good data stays; only the error and its time are new.
			const error = {message: action.error.message, at: action.at, retryAt: action.retryAt};
			const hosts = withHost(state, action.host, (status) => ({...status, error}));
			return {...state, hosts, error, attempts: state.attempts + 1};
		}

		case 'server-info': {
			const hosts = withHost(state, action.host, (status) => ({...status, server: action.info}));
			return {...state, hosts, server: state.hostOrder.length === 1 ? action.info : state.server ?? action.info};
		}

		case 'resize': {
			const resized = {...state, listHeight: Math.max(1, action.listHeight)};
			const next = moveCursor(resized, state.selectedId, {followPane: false});
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

		case 'refresh': {
			return {...state, refreshes: state.refreshes + 1, message: {tone: 'info', text: 'Polling now…'}};
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
				operationReducer(state, action) ??
				viewReducer(state, action) ??
				replayReducer(state, action, reduce) ??
				state
			);
		}
	}
}
