import {initialState, reducer, type Action, type MonitorState, type Options} from '../../source/model/monitor-state.js';
import type {Session} from '../../source/model/session.js';
import {label} from './rows.js';

let clock = 0;

export function poll(state: MonitorState, sessions: Session[], at = (clock += 2000)): MonitorState {
	return reducer(state, {type: 'poll-ok', sessions, at, latencyMs: 3, bytes: 100});
}

export function run(state: MonitorState, ...actions: Action[]): MonitorState {
	return actions.reduce(reducer, state);
}

/** Type keys the way the terminal sends them: names for special keys, text otherwise. */
export function type(state: MonitorState, ...keys: string[]): MonitorState {
	const named = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'escape', 'tab', 'backspace', 'delete', 'space', 'f1', 'f3', 'f4', 'f5', 'f6', 'f9', 'f10', 'ctrl+c', 'ctrl+u', 'ctrl+w']);
	return keys.reduce(
		(current, key) => reducer(current, named.has(key) ? {type: 'key', input: key === 'space' ? ' ' : '', name: key} : {type: 'key', input: key}),
		state,
	);
}

export function start(sessions: Session[], options: Options = {}): MonitorState {
	return run(poll(initialState(options), sessions), {type: 'resize', listHeight: 20, paneHeight: 10, paneWidth: 60});
}

export const labels = (state: MonitorState) => state.rows.map(label);

/** A 300-session MaxScale 24.02 after two polls (one session new in the second), for screens at small sizes. */
export function twoPolls(services: readonly string[] = ['RW-Split-Router']): MonitorState {
	const sessions: Session[] = Array.from({length: 300}, (_, i) => ({key: String(i + 1), id: String(i + 1), host: '', service: services[i % services.length]!, state: 'Session started', user: 'app'}));
	const now = Date.now();
	return run(
		initialState(),
		{type: 'server-info', info: {version: '24.02.3', uptimeSeconds: 8 * 86_400, askedAt: now}},
		{type: 'poll-ok', sessions: sessions.slice(1), at: now - 2000, latencyMs: 18, bytes: 100},
		{type: 'poll-ok', sessions, at: now, latencyMs: 18, bytes: 100},
	);
}
