import {Box, Text} from 'ink';
import type {Pane} from '../model/monitor-state.js';
import {truncate} from '../model/sanitize.js';
import type {Theme} from './theme.js';

type Props = {pane: Pane; width: number; height: number; focused: boolean; theme: Theme};

/** The selected session's raw JSON:API document: coloured, scrolled, changes marked, dimmed once the session ended. */
export function DetailPane({pane, width, height, focused, theme}: Props) {
	// The border takes two rows and the title one; a failed fetch's sentence (over the last
	// good document) or the note of a document never fetched one more, or the box would
	// overflow and push the title out.
	const error = pane.ended ? undefined : pane.error;
	const neverFetched = pane.ended && pane.document === undefined;
	const bodyHeight = Math.max(1, height - 3 - (error !== undefined || neverFetched ? 1 : 0));
	const visible = pane.lines.slice(pane.scroll, pane.scroll + bodyHeight);
	const range = pane.lines.length > bodyHeight ? ` ${pane.scroll + 1}-${pane.scroll + visible.length}/${pane.lines.length}` : '';
	let status = '';
	if (pane.ended) {
		status = ' · session ended';
	} else if (pane.document === undefined && pane.error === undefined) {
		status = ' · loading…';
	} else if (pane.changed > 0) {
		status = ` · ${pane.changed} changed`;
	}

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
					{truncate(pane.title, width)}
					{status}
				</Text>
				<Text color={theme.muted}>{range}</Text>
			</Text>
			{error !== undefined && (
				<Text wrap="truncate" color={theme.error}>
					{truncate(error, width)}
				</Text>
			)}
			{neverFetched && (
				// Never fetched (MaxScale was down from the start): say so rather than draw an empty box.
				<Text wrap="truncate" color={theme.muted}>
					{truncate('It ended before its document could be fetched.', width)}
				</Text>
			)}
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
