// Wires the poll loop, the detail fetches and the effects to the pure reducer.
// The only React in the data path: what it dispatches is tested in the model.

import {useEffect, useReducer, useRef} from 'react';
import type {Client} from '../api/client.js';
import {Poller} from '../api/poller.js';
import {fetchSessionDocument} from '../api/sessions-api.js';
import {initialState, reducer, type Action, type MonitorState, type Options} from '../model/monitor-state.js';
import {osc52, runOperation, saveSnapshot} from './effects.js';

export type MonitorProps = {
	client: Client;
	options: Options;
	/** Where the clipboard sequence goes (the terminal). */
	writeTerminal: (text: string) => void;
	saveDirectory: string;
};

export function useMonitor({client, options, writeTerminal, saveDirectory}: MonitorProps): [MonitorState, (action: Action) => void] {
	const [state, dispatch] = useReducer(reducer, options, initialState);
	const poller = useRef<Poller | undefined>(undefined);
	const latest = useRef(state);
	latest.current = state;

	useEffect(() => {
		const instance = new Poller(client, latest.current.intervalMs, {
			onList(result) {
				const {sessions} = result.list;
				dispatch({type: 'poll-ok', sessions, at: result.polledAt, latencyMs: result.latencyMs, bytes: result.bytes});
			},
			onError(error, at) {
				dispatch({type: 'poll-failed', error, at});
			},
			onServerInfo(info) {
				dispatch({type: 'server-info', info});
			},
		});
		poller.current = instance;
		instance.start();
		return () => {
			instance.stop();
		};
	}, [client]);

	useEffect(() => {
		poller.current?.setInterval(state.intervalMs);
	}, [state.intervalMs]);

	useEffect(() => {
		poller.current?.setPaused(state.paused);
	}, [state.paused]);

	useEffect(() => {
		if (state.refreshes > 0) {
			poller.current?.refresh();
		}
	}, [state.refreshes]);

	// The full document only of the session in the pane, only while it is open:
	// fetched when the pane opens or moves, then again after every list poll.
	const {open, id, ended} = state.pane;
	useEffect(() => {
		if (!open || id === undefined || ended) {
			return;
		}

		const abort = new AbortController();
		void fetchSessionDocument(client, id, abort.signal).then((result) => {
			if (!abort.signal.aborted) {
				dispatch(
					result.ok
						? {type: 'document-loaded', id, document: result.document}
						: {type: 'document-failed', id, message: result.error.message, gone: result.gone},
				);
			}
		});
		return () => {
			abort.abort();
		};
	}, [client, open, id, ended, state.polls]);

	const {effect} = state;
	useEffect(() => {
		if (effect === undefined) {
			return;
		}

		dispatch({type: 'effect-done', seq: effect.seq});
		if (effect.kind === 'operation') {
			void runOperation(client, effect).then((outcomes) => {
				dispatch({type: 'operation-done', seq: effect.seq, operation: effect.operation, outcomes, gone: effect.gone, ttl: effect.ttl});
				poller.current?.refresh();
			});
		} else if (effect.kind === 'copy') {
			writeTerminal(osc52(effect.text));
			dispatch({type: 'message', message: {tone: 'ok', text: `Copied ${effect.what} to the clipboard (OSC 52).`}});
		} else {
			saveSnapshot(latest.current, client.target.label, saveDirectory).then(
				(file) => {
					dispatch({type: 'message', message: {tone: 'ok', text: `Saved the list and the open document to ${file}.`}});
				},
				(error: unknown) => {
					const code = (error as {code?: string}).code ?? 'error';
					dispatch({type: 'message', message: {tone: 'error', text: `Could not save the snapshot in ${saveDirectory} (${code}): check that the folder is writable.`}});
				},
			);
		}
	}, [client, effect, writeTerminal, saveDirectory]);

	return [state, dispatch];
}
