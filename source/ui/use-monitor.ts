// Wires the poll loop and the detail fetches to the pure reducer. The only React
// in the data path: everything it dispatches is tested in the model on its own.

import {useEffect, useReducer, useRef} from 'react';
import type {Client} from '../api/client.js';
import {Poller} from '../api/poller.js';
import {fetchSessionDocument} from '../api/sessions-api.js';
import {initialState, reducer, type Action, type MonitorState} from '../model/monitor-state.js';

export function useMonitor(client: Client, intervalMs: number): [MonitorState, (action: Action) => void] {
	const [state, dispatch] = useReducer(reducer, undefined, () => initialState());
	const poller = useRef<Poller | undefined>(undefined);

	useEffect(() => {
		const instance = new Poller(client, intervalMs, {
			onList(result) {
				dispatch({
					type: 'poll-ok',
					sessions: result.list.sessions,
					at: result.polledAt,
					latencyMs: result.latencyMs,
					bytes: result.bytes,
				});
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
	}, [client, intervalMs]);

	// The full document only of the session in the pane, only while it is open:
	// fetched when the pane opens or moves, then again after every list poll.
	const {open, id, ended} = state.pane;
	useEffect(() => {
		if (!open || id === undefined || ended) {
			return;
		}

		const abort = new AbortController();
		void fetchSessionDocument(client, id, abort.signal).then((result) => {
			if (abort.signal.aborted) {
				return;
			}

			dispatch(
				result.ok
					? {type: 'document-loaded', id, document: result.document}
					: {type: 'document-failed', id, message: result.error.message, gone: result.gone},
			);
		});
		return () => {
			abort.abort();
		};
	}, [client, open, id, ended, state.polls]);

	return [state, dispatch];
}
