import {Box} from 'ink';
import {useMemo} from 'react';
import type {MonitorState} from '../model/monitor-state.js';
import {sessionCount} from '../model/rows.js';
import type {Notice} from '../model/status-line.js';
import {DetailPane} from './detail-pane.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {Help} from './help.js';
import type {Layout} from './layout.js';
import {SessionTable} from './session-table.js';
import type {Theme} from './theme.js';

export type ScreenProps = {state: MonitorState; layout: Layout; theme: Theme; hostLabel: string; notice?: Notice};

/** One frame of the monitor, from the state alone: no hooks that fetch or listen. */
export function Screen({state, layout, theme, hostLabel, notice}: ScreenProps) {
	// Sessions the filter matches, in collapsed groups too: the header says so only under a
	// filter, and counting walks every row (each poll, thousands), so only then.
	const filtered = state.filter.test !== undefined;
	const shown = useMemo(() => (filtered ? sessionCount(state.rows) : state.sessions.length), [filtered, state.rows, state.sessions]);
	let empty = 'No sessions.';
	if (state.lastPoll === undefined) {
		empty = state.error === undefined ? 'Waiting for the first answer…' : 'No answer yet: the line below says why (r retries now).';
	} else if (filtered) {
		empty = 'No session matches the filter (Esc clears it).';
	}

	return (
		<Box flexDirection="column" width={layout.columns} height={layout.rows - 1}>
			<Header state={state} host={hostLabel} theme={theme} width={layout.columns} shown={shown} />
			{state.mode === 'help' ? (
				<Help readonly={state.readonly} width={layout.columns} height={layout.bodyHeight} scroll={state.helpScroll} theme={theme} />
			) : (
				<Box flexDirection="row" height={layout.bodyHeight}>
					<SessionTable
						rows={state.rows}
						top={state.listTop}
						height={layout.listHeight}
						columns={layout.tableColumns}
						width={layout.listWidth}
						selectedId={state.selectedId}
						focused={state.focus === 'list'}
						theme={theme}
						sort={state.sort}
						marked={state.marked}
						born={state.changes.born}
						empty={empty}
					/>
					{state.pane.open && (
						<DetailPane pane={state.pane} width={layout.paneWidth} height={layout.bodyHeight} focused={state.focus === 'pane'} theme={theme} />
					)}
				</Box>
			)}
			<Footer state={state} notice={notice} theme={theme} width={layout.columns} />
		</Box>
	);
}
