// The full document of the session in the pane, and only of it, only while the pane is
// open: fetched when the pane opens or moves, then again after every list poll of its own
// MaxScale (another's says nothing new of it: with three, three times the requests). A
// replay shows the recorded list's fields instead.

import {useEffect, useRef, type RefObject} from 'react';
import type {Client} from '../api/client.js';
import type {Recording} from '../api/recording.js';
import {fetchSessionDocument} from '../api/sessions-api.js';
import {hostKey, type Action, type MonitorState} from '../model/monitor-state.js';
import {replayDocument} from '../model/replay-document.js';

/** `latest`: the state as of the last render, for the replay's document; `clientFor`: a MaxScale's client by its label. */
export function usePaneDocument(
	state: MonitorState,
	latest: RefObject<MonitorState>,
	dispatch: (action: Action) => void,
	clientFor: (host: string) => Client,
	clients: readonly Client[],
	recording: Recording | undefined,
): void {
	const {open, id, ended} = state.pane;
	const paneSession = id === undefined ? undefined : state.byId.get(id);
	const paneHost = paneSession?.host;
	const paneSessionId = paneSession?.id;
	const panePolled = state.hosts[hostKey(state, paneHost)]?.lastPoll?.at;
	/** The document being fetched, and for which pane: a poll does not cancel it (see below). */
	const documentFetch = useRef<{key: string; abort: AbortController} | undefined>(undefined);
	useEffect(() => {
		const key = !open || id === undefined || paneSessionId === undefined || ended ? undefined : `${paneHost ?? ''}\n${paneSessionId}\n${id}`;
		if (documentFetch.current !== undefined && documentFetch.current.key !== key) {
			// The pane moved, closed or its session ended: that answer is not wanted any more.
			documentFetch.current.abort.abort();
			documentFetch.current = undefined;
		}

		if (key === undefined || id === undefined || paneSessionId === undefined) {
			return;
		}

		if (recording !== undefined) {
			// A recording holds the list's fields, not the full document: show those.
			const document = replayDocument(latest.current, id);
			if (document !== undefined) {
				dispatch(document);
			}

			return;
		}

		// Still on its way: a document slower than the interval (a long queries or log array over
		// an SSH tunnel) was cancelled by each poll and asked for again, and never came (QA). It
		// comes, or fails with its timeout's sentence; the poll after that asks again.
		if (documentFetch.current !== undefined) {
			return;
		}

		const fetching = {key, abort: new AbortController()};
		documentFetch.current = fetching;
		void fetchSessionDocument(clientFor(paneHost ?? ''), paneSessionId, fetching.abort.signal).then((result) => {
			if (documentFetch.current === fetching) {
				documentFetch.current = undefined;
			}

			if (!fetching.abort.signal.aborted) {
				dispatch(
					result.ok
						? {type: 'document-loaded', id, document: result.document, at: Date.now()}
						: {type: 'document-failed', id, message: result.error.message, gone: result.gone},
				);
			}
		});
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [clients, open, id, paneHost, paneSessionId, ended, panePolled]);
	useEffect(
		() => () => {
			documentFetch.current?.abort.abort();
		},
		[],
	);
}
