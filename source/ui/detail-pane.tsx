import {Box, Text} from 'ink';
import {formatClock} from '../model/format.js';
import type {Pane} from '../model/monitor-state.js';
import {paneNotes} from '../model/pane.js';
import {fitTitle} from '../model/pane-title.js';
import type {Theme} from './theme.js';

/** `pausedAt`: the poll the paused list shows (p), when it is paused. */
type Props = {pane: Pane; width: number; height: number; focused: boolean; theme: Theme; pausedAt?: number};

/** What the title says of the document: ended, the last good one (MaxScale down), loading, fetched after a paused list, or how much changed. */
function statusOf(pane: Pane, pausedAt: number | undefined): {status: string; minor: boolean} {
	if (pane.ended) {
		return {status: ' · session ended', minor: false};
	}

	// Paused, the list is one moment and a document opened meanwhile is fetched now: said, so
	// that its idle of 115 s beside the list's 1m33s reads as later, not as a contradiction (QA).
	if (pausedAt !== undefined && pane.document !== undefined && pane.error === undefined && pane.loadedAt !== undefined && pane.loadedAt > pausedAt) {
		return {status: ` · fetched ${formatClock(pane.loadedAt)}`, minor: false};
	}

	if (pane.document === undefined) {
		return {status: pane.error === undefined ? ' · loading…' : '', minor: true};
	}

	if (pane.error !== undefined) {
		// Not "N changed": the highlights went with the failure, the document is the one from before it.
		return {status: pane.loadedAt === undefined ? ' · last good' : ` · last good at ${formatClock(pane.loadedAt)}`, minor: false};
	}

	return {status: pane.changed > 0 ? ` · ${pane.changed} changed` : '', minor: true};
}

/** The selected session's raw JSON:API document: coloured, scrolled, changes marked, dimmed once the session ended. */
export function DetailPane({pane, width, height, focused, theme, pausedAt}: Props) {
	// Inside the round border. The border takes two rows and the title one; a failed fetch's
	// or poll's sentence (over the last good document) or the note of a document never fetched
	// take as many more as they wrap to, or the box would overflow and push the title out.
	const inner = Math.max(1, width - 2);
	const notes = paneNotes(pane, inner, height - 3);
	const bodyHeight = Math.max(1, height - 3 - notes.length);
	const visible = pane.lines.slice(pane.scroll, pane.scroll + bodyHeight);
	const range = pane.lines.length > bodyHeight ? ` ${pane.scroll + 1}-${pane.scroll + visible.length}/${pane.lines.length}` : '';
	const title = fitTitle({label: pane.title, ...statusOf(pane, pausedAt), range}, inner);

	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={focused ? theme.accent : theme.muted}
			borderDimColor={!focused}
		>
			<Text wrap="truncate" bold>
				<Text color={pane.ended ? theme.warn : theme.accent} inverse={pane.ended && theme.warn === undefined}>
					{title.label}
					{title.status}
				</Text>
				<Text color={theme.muted}>{title.range}</Text>
			</Text>
			{notes.map((note, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines have no identity beyond their place
				<Text key={`note${index}`} wrap="truncate" color={pane.ended ? theme.muted : theme.error}>
					{note}
				</Text>
			))}
			{visible.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines have no identity beyond their place
				<Text key={index} wrap="truncate" dimColor={pane.ended}>
					{line.tokens.map((token, i) => (
						// eslint-disable-next-line react/no-array-index-key
						<Text
							key={i}
							color={pane.ended ? undefined : token.changed ? theme.fresh : theme.token[token.kind]}
							inverse={token.changed && !pane.ended}
							dimColor={token.kind === 'was'}
						>
							{token.text}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
