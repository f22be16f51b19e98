import {Text} from 'ink';
import {lineWindow} from '../model/line-window.js';
import type {MonitorState} from '../model/monitor-state.js';
import {sanitize} from '../model/sanitize.js';
import {cellWidth} from './cell-width.js';
import type {Theme} from './theme.js';

/**
 * `/`, the filter's text with the cursor (inverse) where the operator edits it, and the
 * reason a term cannot be used. A text too long for the line scrolls to keep the cursor in
 * view (model/line-window.ts), with `…` where it goes on; beside an error it keeps at least
 * half the line, and the error what is left.
 */
export function FilterPrompt({state, theme, width}: {state: MonitorState; theme: Theme; width: number}) {
	const {error} = state.filter;
	const reason = error === undefined ? '' : `  ${sanitize(error)}`;
	const room = width - 1 - Math.min(cellWidth(reason), Math.floor((width - 1) / 2));
	// sanitize keeps the text's length (one character for one), so the cursor's offset holds.
	const view = lineWindow({text: sanitize(state.filter.text), cursor: state.filterCursor}, Math.max(1, room), cellWidth);
	return (
		<Text wrap="truncate">
			<Text bold color={theme.accent}>
				/
			</Text>
			{view.clippedStart && <Text color={theme.muted}>…</Text>}
			{view.before}
			<Text inverse>{view.under}</Text>
			{view.after}
			{view.clippedEnd && <Text color={theme.muted}>…</Text>}
			{reason !== '' && <Text color={theme.error}>{reason}</Text>}
		</Text>
	);
}
