import {Box, useApp} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import type {Client} from '../api/client.js';
import type {Recorder, Recording} from '../api/recording.js';
import {layoutColumns, naturalWidth} from '../model/columns.js';
import type {Options} from '../model/monitor-state.js';
import {DetailPane} from './detail-pane.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {Help} from './help.js';
import {SessionTable} from './session-table.js';
import type {Theme} from './theme.js';
import {useKeys} from './use-keys.js';
import {useMonitor} from './use-monitor.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	/** One client per MaxScale watched. */
	clients: Client[];
	options: Options;
	theme: Theme;
	/** A note for the status line at start (e.g. the demo's address). */
	notice?: string;
	onQuit?: () => void;
	/** Where OSC 52 (copy) goes; the terminal by default. */
	writeTerminal?: (text: string) => void;
	saveDirectory?: string;
	recorder?: Recorder;
	recording?: Recording;
};

// Header three rows, footer two; Ink redraws the whole screen (and flickers)
// when its output is as tall as the terminal, so one row stays free.
const chromeRows = 6;

const toStdout = (text: string) => {
	process.stdout.write(text);
};

export function App({clients, options, theme, notice, onQuit, writeTerminal = toStdout, saveDirectory = process.cwd(), recorder, recording}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const [state, dispatch] = useMonitor({clients, options, writeTerminal, saveDirectory, recorder, recording});
	const hostCount = state.hostOrder.length;

	// Several MaxScales take one more header row for their statuses.
	const bodyHeight = Math.max(3, size.rows - chromeRows - (hostCount > 1 ? 1 : 0));
	const idWidth = useMemo(() => state.sessions.reduce((max, session) => Math.max(max, session.id.length), 2), [state.sessions]);
	const maxscaleWidth = hostCount > 1 ? Math.max(...state.hostOrder.map((host) => host.length)) : 0;
	// The pane takes half the screen (45 % when wide), and whatever the list cannot use.
	const share = Math.floor(size.columns * (size.columns >= 120 ? 0.45 : 0.5));
	const paneWidth = state.pane.open ? Math.max(30, share, size.columns - naturalWidth(idWidth, maxscaleWidth)) : 0;
	const listWidth = size.columns - paneWidth;
	const listHeight = bodyHeight - 1;
	const columns = useMemo(() => layoutColumns(listWidth, idWidth, maxscaleWidth), [listWidth, idWidth, maxscaleWidth]);
	const shown = useMemo(() => state.rows.reduce((n, row) => n + (row.kind === 'session' ? 1 : 0), 0), [state.rows]);

	useEffect(() => {
		dispatch({type: 'resize', listHeight, paneHeight: Math.max(1, bodyHeight - 3), paneWidth: Math.max(8, paneWidth - 2)});
	}, [dispatch, listHeight, bodyHeight, paneWidth]);

	useKeys(dispatch);
	const quit = useCallback(() => {
		onQuit?.();
		exit();
	}, [onQuit, exit]);
	useEffect(() => {
		if (state.quitting) {
			quit();
		}
	}, [state.quitting, quit]);

	const empty =
		state.lastPoll === undefined ? 'Waiting for the first answer…' : state.filter.test === undefined ? 'No sessions.' : 'No session matches the filter (Esc clears it).';
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Header state={state} host={hostCount === 1 ? (clients[0]?.target.label ?? recording?.hosts[0] ?? '') : `${hostCount} MaxScales`} theme={theme} width={size.columns} shown={shown} />
			{state.mode === 'help' ? (
				<Help readonly={state.readonly} width={size.columns} height={bodyHeight} scroll={state.helpScroll} theme={theme} />
			) : (
				<Box flexDirection="row" height={bodyHeight}>
					<SessionTable
						rows={state.rows}
						top={state.listTop}
						height={listHeight}
						columns={columns}
						width={listWidth}
						selectedId={state.selectedId}
						focused={state.focus === 'list'}
						theme={theme}
						sort={state.sort}
						marked={state.marked}
						born={state.changes.born}
						empty={empty}
					/>
					{state.pane.open && (
						<DetailPane pane={state.pane} width={paneWidth} height={bodyHeight} focused={state.focus === 'pane'} theme={theme} />
					)}
				</Box>
			)}
			<Footer state={state} notice={notice} theme={theme} width={size.columns} />
		</Box>
	);
}
