// Wires the poll loop and the effects to the pure reducer (the pane's document: use-pane-document.ts).
// The only React in the data path: what it dispatches is tested in the model.

import {setImmediate as nextTurn} from 'node:timers/promises';
import {useEffect, useReducer, useRef} from 'react';
import type {Client} from '../api/client.js';
import {listThreadsFor, type ListThread} from '../api/list-thread.js';
import {Poller} from '../api/poller.js';
import {initialState, reducer, type Action, type MonitorState, type Options} from '../model/monitor-state.js';
import {savedMessage} from '../model/copy-save.js';
import type {Effect} from '../model/operations.js';
import {preparePoll} from '../model/poll.js';
import {showsStatement} from '../model/column-choice.js';
import type {Recorder, Recording} from '../api/recording.js';
import type {ServerInfo} from '../api/server-info.js';
import {copiedMessage, osc52, runOperation, saveSnapshot} from './effects.js';
import {finishInSlices} from './finish-in-slices.js';
import {hostRecorder, toggleRecording, watchProblems, type RecorderHolder} from './record-toggle.js';
import {usePaneDocument} from './use-pane-document.js';

export type MonitorProps = {
	/** One client per MaxScale, in the order of --hosts. */
	clients: Client[];
	options: Options;
	/** Where the clipboard sequence goes (the terminal). */
	writeTerminal: (text: string) => void;
	saveDirectory: string;
	/** --record: every poll is appended here. */
	recorder?: Recorder;
	/** Where the recording is kept while W may start or stop it (run-monitor.tsx flushes it at exit); made here when absent. */
	recorders?: RecorderHolder;
	/** --replay: play these frames instead of polling (clients is then empty). */
	recording?: Recording;
	/** Lists fetched and parsed in a worker thread (false: on this thread, e.g. for a test that hooks dns). */
	listWorker?: boolean;
	/** The clients' list threads, already started by the CLI (one per client); made here when absent. */
	listThreads?: ListThread[];
};

export function useMonitor(props: MonitorProps): [MonitorState, (action: Action) => void] {
	const {clients, options, writeTerminal, saveDirectory, recorder, recording, listWorker = true, listThreads} = props;
	// The recording polls go to: --record's from the start, W's from when it is pressed.
	const recorders = useRef<RecorderHolder>(props.recorders ?? {current: recorder}).current;
	const hosts = recording?.hosts ?? clients.map((c) => c.target.label);
	const multi = hosts.length > 1;
	const [state, dispatch] = useReducer(reducer, {...options, hosts: multi ? hosts : undefined}, initialState);
	const pollers = useRef<Poller[]>([]);
	// Requests about a session go to its own MaxScale.
	const clientFor = (host: string) => clients.find((client) => client.target.label === host) ?? clients[0]!;
	const latest = useRef(state);
	latest.current = state;

	// One poll loop per MaxScale, each on its own schedule: a slow or dead one never holds up the others.
	useEffect(() => {
		// Each MaxScale's list is fetched and parsed in a worker thread, so a big list never freezes the keys.
		const threads = listThreads ?? (listWorker ? listThreadsFor(clients) : []);
		// Each answer's whole-list work (index, changes, grouping, sorting) runs a slice per turn
		// of the event loop, one answer at a time in the order they came, then lands in one dispatch.
		let landing = Promise.resolve();
		let stopped = false;
		const land = (action: Extract<Action, {type: 'poll-ok'}>) => {
			landing = landing.then(async () => {
				if (stopped) {
					return;
				}

				const prepared = await finishInSlices(preparePoll(latest.current, action));
				if (!stopped) {
					dispatch({...action, prepared});
					// Let React render it, so that the next answer is prepared on the state this one made.
					await nextTurn();
				}
			});
		};

		// The Statement column (S, --columns) asks each list for statements from the next poll on.
		const statements = () => showsStatement(latest.current.columns);
		const instances = clients.map((client, index) => {
			const label = client.target.label;
			const thread = threads[index];
			const fetchList = thread === undefined ? undefined : async (signal: AbortSignal) => {
				thread.statements = statements();
				return thread.fetch(signal);
			};
			const host = multi ? label : undefined;
			let server: ServerInfo | undefined; // Recorded with the next poll.
			const {record, known} = hostRecorder(recorders);

			return new Poller(client, latest.current.intervalMs, {
				// The pause before the next poll (the second argument) is not kept: the header works
				// out when the next is due from the last poll and the interval (model/schedule.ts).
				onList(result, _waitMs, manual) {
					const {sessions, index, summary, services} = result.list;
					const mono = performance.now();
					land({type: 'poll-ok', host, sessions, ...(index === undefined ? {} : {index}), ...(summary === undefined ? {} : {summary}), ...(services === undefined ? {} : {services}), at: result.polledAt, latencyMs: result.latencyMs, bytes: result.bytes, manual, repeated: result.list.duplicates, skipped: result.list.skipped, aheadMs: result.list.aheadMs, mono});
					record({t: result.polledAt, host: label, ok: true, latencyMs: result.latencyMs, bytes: result.bytes, sessions, server, mono});
					server = undefined;
				},
				onError(error, at, retryAt) {
					dispatch({type: 'poll-failed', host, error, at, retryAt});
					record({t: at, host: label, ok: false, error: error.message});
				},
				onServerInfo(info) {
					dispatch({type: 'server-info', host, info});
					server = info;
					known(info);
				},
			}, {keyed: multi, fetchList, statements});
		});
		pollers.current = instances;
		const fromStart = recorders.current;
		if (fromStart !== undefined) {
			watchProblems(fromStart, dispatch);
			dispatch({type: 'recording', file: fromStart.file});
		}

		// From now the first answers are awaited: one that never comes is said late (header.tsx).
		if (instances.length > 0) {
			dispatch({type: 'polling-started', at: Date.now(), mono: performance.now()});
		}

		for (const instance of instances) {
			instance.start();
		}

		return () => {
			stopped = true;
			recorders.current?.onProblem(undefined);
			for (const instance of instances) {
				instance.stop();
			}

			for (const thread of threads) {
				void thread?.close();
			}
		};
	}, [clients, multi, recorders, listWorker, listThreads]);

	// Replay: the first frame at once, then each after the time it took when recorded.
	useEffect(() => {
		if (recording !== undefined) {
			dispatch({type: 'replay-load', frames: recording.frames});
		}
	}, [recording]);

	const replayIndex = state.replay?.index;
	useEffect(() => {
		if (recording === undefined || replayIndex === undefined || state.paused) {
			return;
		}

		const here = recording.frames[replayIndex]?.t ?? 0;
		const next = recording.frames[replayIndex + 1]?.t ?? here;
		const timer = setTimeout(() => {
			dispatch({type: 'replay-step', delta: 1});
		}, Math.max(50, Math.min(5000, next - here)));
		return () => {
			clearTimeout(timer);
		};
	}, [recording, replayIndex, state.paused]);

	useEffect(() => {
		for (const instance of pollers.current) {
			instance.setInterval(state.intervalMs);
		}
	}, [state.intervalMs]);

	useEffect(() => {
		for (const instance of pollers.current) {
			instance.setPaused(state.paused);
		}
	}, [state.paused]);

	// A MaxScale its lists show restarted: its version is asked again with its next poll.
	const restarts = state.hostOrder.map((host) => state.hosts[host]?.restarts ?? 0).join(',');
	const restartsSeen = useRef(restarts);
	useEffect(() => {
		const before = restartsSeen.current.split(',');
		restartsSeen.current = restarts;
		for (const [index, count] of restarts.split(',').entries()) {
			if (count !== before[index]) {
				pollers.current[index]?.relearn();
			}
		}
	}, [restarts]);

	useEffect(() => {
		if (state.refreshes > 0) {
			for (const instance of pollers.current) {
				instance.refresh();
			}
		}
	}, [state.refreshes]);

	usePaneDocument(state, latest, dispatch, clientFor, clients, recording);

	const {effects} = state;
	/** Effects already started: effect-done takes them off the queue a render later. */
	const started = useRef(new Set<number>());
	useEffect(() => {
		for (const effect of effects) {
			if (started.current.has(effect.seq)) {
				continue;
			}

			started.current.add(effect.seq);
			dispatch({type: 'effect-done', seq: effect.seq});
			runEffect(effect);
		}

		// Forget what the queue no longer holds, so the set stays as small as the queue.
		for (const seq of started.current) {
			if (!effects.some((effect) => effect.seq === seq)) {
				started.current.delete(seq);
			}
		}

		function runEffect(effect: Effect): void {
			if (effect.kind === 'operation') {
				void runOperation(clientFor, effect).then((outcomes) => {
					dispatch({type: 'operation-done', seq: effect.seq, operation: effect.operation, outcomes, gone: effect.gone, ttl: effect.ttl, unable: effect.unable, at: Date.now(), logOn: effect.logOn});
					for (const instance of pollers.current) {
						instance.refresh();
					}
				});
			} else if (effect.kind === 'record') {
				void toggleRecording(recorders, effect.stop, hosts, saveDirectory, dispatch);
			} else if (effect.kind === 'copy') {
				writeTerminal(osc52(effect.text));
				dispatch({type: 'message', message: {tone: 'ok', text: copiedMessage(effect.what)}});
			} else {
				// The sentence says what was written: the state it was written from, not a later one.
				const saved = latest.current;
				saveSnapshot(saved, hosts.join(','), saveDirectory).then(
					(file) => {
						dispatch({type: 'message', message: {tone: 'ok', text: savedMessage(saved, file)}});
					},
					(error: unknown) => {
						const code = (error as {code?: string}).code ?? 'error';
						dispatch({type: 'message', message: {tone: 'error', text: `Could not save the snapshot in ${saveDirectory} (${code}): check that the folder is writable.`}});
					},
				);
			}
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [clients, effects, writeTerminal, saveDirectory]);

	return [state, dispatch];
}
