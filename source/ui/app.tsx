import {Box, useApp} from 'ink';
import {useEffect, useMemo} from 'react';
import type {Client} from '../api/client.js';
import {layoutColumns} from '../model/columns.js';
import {DetailPane} from './detail-pane.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {SessionTable} from './session-table.js';
import type {Theme} from './theme.js';
import {useKeys} from './use-keys.js';
import {useMonitor} from './use-monitor.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	client: Client;
	intervalMs: number;
	theme: Theme;
	/** A note for the status line at start (e.g. a flag that was ignored). */
	notice?: string;
	onQuit?: () => void;
};

// Header and footer take two rows each; Ink redraws the whole screen (and
// flickers) when its output is as tall as the terminal, so one row stays free.
const chromeRows = 5;

export function App({client, intervalMs, theme, notice, onQuit}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const [state, dispatch] = useMonitor(client, intervalMs);

	const bodyHeight = Math.max(3, size.rows - chromeRows);
	const paneWidth = state.pane.open ? Math.max(30, Math.floor(size.columns * (size.columns >= 120 ? 0.45 : 0.5))) : 0;
	const listWidth = size.columns - paneWidth;
	const listHeight = bodyHeight - 1;
	const idWidth = useMemo(() => state.sessions.reduce((max, session) => Math.max(max, session.id.length), 2), [state.sessions]);
	const columns = useMemo(() => layoutColumns(listWidth, idWidth), [listWidth, idWidth]);

	useEffect(() => {
		dispatch({type: 'resize', listHeight, paneHeight: Math.max(1, bodyHeight - 3), paneWidth: Math.max(8, paneWidth - 2)});
	}, [dispatch, listHeight, bodyHeight, paneWidth]);

	useKeys(dispatch, () => {
		onQuit?.();
		exit();
	});

	let message: {text: string; tone: 'error' | 'info'} | undefined;
	if (state.error !== undefined) {
		message = {text: state.error.message, tone: 'error'};
	} else if (notice !== undefined) {
		message = {text: notice, tone: 'info'};
	}

	const empty = state.lastPoll === undefined ? 'Waiting for the first answer…' : 'No sessions.';
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			<Header state={state} host={client.target.label} intervalMs={intervalMs} theme={theme} width={size.columns} />
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
					empty={empty}
				/>
				{state.pane.open && (
					<DetailPane pane={state.pane} width={paneWidth} height={bodyHeight} focused={state.focus === 'pane'} theme={theme} />
				)}
			</Box>
			<Footer message={message} paneOpen={state.pane.open} theme={theme} width={size.columns} />
		</Box>
	);
}
