import {useApp} from 'ink';
import {useCallback, useEffect, useMemo, useRef} from 'react';
import type {Client} from '../api/client.js';
import type {ListThread} from '../api/list-thread.js';
import type {Recorder, Recording} from '../api/recording.js';
import type {RecorderHolder} from './record-toggle.js';
import type {Options} from '../model/monitor-state.js';
import {replayNotice} from '../model/replay.js';
import type {Notice} from '../model/status-line.js';
import {idWidthOf, layoutFor} from './layout.js';
import {helpMaxScroll} from './help.js';
import {Screen} from './screen.js';
import type {Theme} from './theme.js';
import {mouseReporting} from './full-screen.js';
import {mouseHit} from './mouse-hit.js';
import {useKeys, type MouseHit} from './use-keys.js';
import {useLetGo} from './use-let-go.js';
import {useMonitor} from './use-monitor.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	/** One client per MaxScale watched. */
	clients: Client[];
	options: Options;
	theme: Theme;
	/** A note for the status line at start (e.g. the demo's address), or a warning (TLS verification off). */
	notice?: Notice;
	onQuit?: () => void;
	/** Where OSC 52 (copy) goes; the terminal by default. */
	writeTerminal?: (text: string) => void;
	saveDirectory?: string;
	recorder?: Recorder;
	/** Where the recording is kept while W starts and stops it (run-monitor.tsx flushes it at exit). */
	recorders?: RecorderHolder;
	recording?: Recording;
	/** Fetch and parse lists in a worker thread (the default); false keeps them on this thread. */
	listWorker?: boolean;
	/** The list threads the CLI started while the screen loaded (use-monitor.ts). */
	listThreads?: ListThread[];
};

const toStdout = (text: string) => {
	process.stdout.write(text);
};

export function App({clients, options, theme, notice, onQuit, writeTerminal = toStdout, saveDirectory = process.cwd(), recorder, recorders, recording, listWorker = true, listThreads}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const [state, dispatch] = useMonitor({clients, options, writeTerminal, saveDirectory, recorder, recorders, recording, listWorker, listThreads});
	const layout = layoutFor(state, size, idWidthOf(state), notice);
	const {listHeight, paneBodyHeight, paneWidth} = layout;
	// Laid out only while the help is open (it wraps every description): not in every frame of the list.
	const helpMax = state.mode === 'help' ? helpMaxScroll(state.readonly, state.replay !== undefined, layout.columns, layout.bodyHeight) : undefined;

	useEffect(() => {
		dispatch({type: 'resize', listHeight, paneHeight: paneBodyHeight, paneWidth: Math.max(8, paneWidth - 2), helpMax});
	}, [dispatch, listHeight, paneBodyHeight, paneWidth, helpMax]);

	// A pane too short to draw (layout.ts) cannot hold the keys: they go back to the list; a
	// zoomed one takes them again when it shows (model/pane.ts pane-shown).
	const paneHidden = state.focus === 'pane' && !layout.paneShown;
	const zoomBack = (state.zoomed || state.hiddenPane !== undefined) && layout.paneShown && state.focus === 'list';
	useEffect(() => {
		if (paneHidden || zoomBack) {
			dispatch({type: 'pane-shown', shown: zoomBack});
		}
	}, [dispatch, paneHidden, zoomBack]);

	// Read as each key arrives: set as this size is drawn, before any effect (a key typed right
	// after a shrink must find it so).
	const fits = useRef(layout.fits);
	fits.current = layout.fits;
	// So is where a click falls: on the screen as drawn.
	const mode = state.mode;
	const hit = useRef<MouseHit>(() => undefined);
	hit.current = (report) => mouseHit(report, layout, {mode});
	useKeys(dispatch, fits, hit);
	// A prompt or a question takes keys only: the terminal has the mouse meanwhile (its paste).
	const clicks = mode !== 'filter' && mode !== 'search' && mode !== 'confirm';
	useEffect(() => {
		mouseReporting(clicks);
	}, [clicks]);
	useLetGo(state.sessions, state.rows);
	const quit = useCallback(() => {
		onQuit?.();
		exit();
	}, [onQuit, exit]);
	useEffect(() => {
		if (state.quitting) {
			quit();
		}
	}, [state.quitting, quit]);

	const hostCount = state.hostOrder.length;
	const hostLabel = hostCount === 1 ? (clients[0]?.target.label ?? recording?.hosts[0] ?? '') : `${hostCount} MaxScales`;
	// A replay's note is written here, in the screen's 24-hour times, whatever the caller wrote
	// (the CLI's used the locale's dates: 11/28/2026, 11:45:31 PM); a warning the caller has
	// (a config file others can read) comes first, read whole.
	const note = useMemo((): Notice | undefined => {
		if (recording === undefined) {
			return notice;
		}

		const replay = replayNotice(recording);
		return notice?.tone === 'warn' ? {tone: 'warn', text: notice.text, more: replay} : {tone: 'info', text: replay};
	}, [recording, notice]);
	return <Screen state={state} layout={layout} theme={theme} hostLabel={hostLabel} notice={note} />;
}
