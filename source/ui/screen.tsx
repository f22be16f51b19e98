import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {MonitorState} from '../model/monitor-state.js';
import {unreportedField} from '../model/filter.js';
import {markedInGroups} from '../model/marks.js';
import {heldKey} from '../model/held-row.js';
import {sessionCount} from '../model/rows.js';
import {staleHosts} from '../model/stale-hosts.js';
import {showsStatement} from '../model/column-choice.js';
import {withoutStatements} from '../model/statement-toggle.js';
import type {Notice} from '../model/status-line.js';
import {DetailPane} from './detail-pane.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {Help, helpScrolls} from './help.js';
import {minColumns, type Layout} from './layout.js';
import {SessionTable} from './session-table.js';
import type {Theme} from './theme.js';

export type ScreenProps = {state: MonitorState; layout: Layout; theme: Theme; hostLabel: string; notice?: Notice};

/** One frame of the monitor, from the state alone: no hooks that fetch or listen. */
export function Screen({state, layout, theme, hostLabel, notice}: ScreenProps) {
	// Sessions the filter matches, in collapsed groups too: the header says so only under a
	// filter, and counting walks every row (each poll, thousands), so only then.
	const filtered = state.filter.test !== undefined;
	const shown = useMemo(() => (filtered ? sessionCount(state.rows) : state.sessions.length), [filtered, state.rows, state.sessions]);
	const stale = useMemo(() => staleHosts(state), [state.hosts, state.hostOrder]); // eslint-disable-line react-hooks/exhaustive-deps
	// Walks the marks (none: nothing), again only when they, the list, the filter or the grouping change.
	const markedIn = useMemo(() => markedInGroups(state), [state.marked, state.byId, state.filter, state.grouping, state.held]); // eslint-disable-line react-hooks/exhaustive-deps
	let empty = 'No sessions.';
	if (state.lastPoll === undefined) {
		// A replay cannot retry: r there only says what steps it.
		const retry = state.replay === undefined ? ' (r retries now)' : '';
		empty = state.error === undefined ? 'Waiting for the first answer…' : `No list yet: the line below says why${retry}.`;
	} else if (filtered) {
		// QA: `host:` a MaxScale's name, as the host line shows it, matched nothing, unexplained.
		empty = /(?:^|\s)!?host:/i.test(state.filter.text)
			? 'No session matches the filter: host: is the client\'s address, maxscale: the MaxScale (Esc clears it).'
			: 'No session matches the filter (Esc clears it).';
	}

	// Only when the filter leaves nothing: a field this MaxScale does not report matches nothing.
	const unreported = useMemo(() => (filtered && state.rows.length === 0 ? unreportedField(state.filter, state.sessions) : undefined), [filtered, state.rows, state.filter, state.sessions]);
	// Every MaxScale watched too old for statements (2.3.1): a filter on them cannot be helped by S.
	const old = withoutStatements(state).length === state.hostOrder.length;
	if (unreported !== undefined) {
		const {field, hosts} = unreported;
		const which =
			state.hostOrder.length === 1
				? 'this MaxScale reports'
				: hosts.length === state.hostOrder.length
					? 'these MaxScales report'
					: `${hosts.join(', ')} ${hosts.length === 1 ? 'reports' : 'report'}`;
		empty = `No session matches: ${which} no ${field} (Esc clears the filter).`;
	} else if (filtered && state.rows.length === 0 && state.filter.statement === true) {
		// A MaxScale too old for statements is said as one too old for io is; else, hidden, how to show them.
		const which = state.hostOrder.length === 1 ? 'this MaxScale reports' : 'these MaxScales report';
		empty = old ? `No session matches: ${which} no statements (2.3.1+; Esc clears the filter).` : showsStatement(state.columns) ? empty : 'No session matches: statements are off, S shows them (Esc clears the filter).';
	} else if (filtered && state.rows.length === 0 && state.filter.plain === true && !showsStatement(state.columns) && !old) {
		// Text looks in the statements too, but only in those a poll asked for (QA: `TRUNCATE` found nothing, unexplained).
		empty = 'No session matches the filter (statements are off: S searches them too; Esc clears it).';
	}

	if (!layout.fits) {
		// As htop and k9s do: one line that says what is wrong, rather than a screen cut to pieces;
		// shorter on a narrow terminal, so that the size it needs still shows.
		const size = `${layout.columns}×${layout.rows}`;
		const least = `${minColumns}×${layout.minRows}`;
		const sayings = [`Terminal too small (${size}): make it at least ${least}.`, `Too small (${size}): at least ${least}.`, `Too small: at least ${least}.`, `Need ${least}`];
		// The terminal's width, not the layout's: Ink draws the old tree once at the new size
		// before this one, and a line wider than the terminal would wrap and stay behind.
		return (
			<Box width="100%" height={1}>
				<Text wrap="truncate" color={theme.warn}>
					{sayings.find((text) => text.length <= layout.columns) ?? least}
				</Text>
			</Box>
		);
	}

	// Each part is drawn exactly as tall as the layout says (the header without its sparkline
	// when there is no room for it) and may not shrink: the frame is never taller than the
	// terminal, which is what lets Ink erase it (layout.ts). Not overflow="hidden": Ink's
	// clipping re-slices every line of the frame, ~3 ms a frame at 160×48.
	return (
		<Box flexDirection="column" width={layout.columns} height={layout.rows - 1}>
			<Box flexDirection="column" height={layout.headerHeight} flexShrink={0}>
				<Header state={state} host={hostLabel} theme={theme} width={layout.columns} shown={shown} sparkline={layout.sparkline} sortShown={layout.sortShown} />
			</Box>
			{state.mode === 'help' ? (
				<Box height={layout.bodyHeight} flexShrink={0}>
					<Help readonly={state.readonly} replay={state.replay !== undefined} width={layout.columns} height={layout.bodyHeight} scroll={state.helpScroll} theme={theme} />
				</Box>
			) : (
				<Box flexDirection="row" height={layout.bodyHeight} flexShrink={0}>
					{!layout.zoomed && (
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
							markedIn={markedIn}
							closing={state.closing}
							born={state.changes.born}
							stale={stale}
							empty={empty}
							titles={layout.titles}
						/>
					)}
					{layout.paneShown && (
						<DetailPane pane={state.pane} width={layout.paneWidth} height={layout.bodyHeight} focused={state.focus === 'pane'} theme={theme} pausedAt={state.paused && state.replay === undefined ? state.lastPoll?.at : undefined} search={state.search.text === '' ? state.search.previous : state.search.text} held={state.pane.id !== undefined && heldKey(state) === state.pane.id} />
					)}
				</Box>
			)}
			<Box flexDirection="column" height={layout.footerHeight} flexShrink={0}>
				<Footer state={state} notice={notice} theme={theme} width={layout.columns} height={layout.footerHeight} helpScrolls={state.mode !== 'help' || helpScrolls(state.readonly, state.replay !== undefined, layout.columns, layout.bodyHeight)} />
			</Box>
		</Box>
	);
}
