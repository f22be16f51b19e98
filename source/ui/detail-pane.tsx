import {Box, Text} from 'ink';
import {formatClock} from '../model/format.js';
import type {Pane} from '../model/monitor-state.js';
import type {DisplayLine} from '../model/json-wrap.js';
import {paneNotes} from '../model/pane.js';
import {matchesIn, piecesOf, searchPattern, sourceText} from '../model/pane-search.js';
import {fitTitle} from '../model/pane-title.js';
import type {Theme} from './theme.js';

/**
 * `pausedAt`: the poll the paused list shows (p), when it is paused. `search`: the pane's search,
 * its matches highlighted. `held`: its session is listed only because the pane is on it (held-row.ts).
 */
type Props = {pane: Pane; width: number; height: number; focused: boolean; theme: Theme; pausedAt?: number; search?: string; held?: boolean};

/** Each token of a pane line in pieces, those in a match of its document line marked (pane-search.ts). */
function searchPieces(line: DisplayLine, matches: ReadonlyArray<[number, number]>): Array<Array<{text: string; match: boolean}>> | undefined {
	if (matches.length === 0) {
		return undefined;
	}

	// The first token is the indent wrapping adds: no part of the document's text.
	let at = line.at;
	return line.tokens.map((token, index) => {
		if (index === 0) {
			return [{text: token.text, match: false}];
		}

		const pieces = piecesOf(token.text, at, matches);
		at += token.text.length;
		return pieces;
	});
}

/** What the title says of the document: ended, the last good one (MaxScale down), loading, fetched after a paused list, or how much changed. */
function statusOf(pane: Pane, pausedAt: number | undefined, held: boolean): {status: string; minor: boolean} {
	if (pane.ended) {
		return {status: ' · session ended', minor: false};
	}

	// Paused, the list is one moment and a document opened meanwhile is fetched now: said, so
	// that its idle of 115 s beside the list's 1m33s reads as later, not as a contradiction (QA).
	if (pausedAt !== undefined && pane.document !== undefined && pane.error === undefined && pane.loadedAt !== undefined && pane.loadedAt > pausedAt) {
		return {status: ` · fetched ${formatClock(pane.loadedAt)}`, minor: false};
	}

	// The status line's sentence fades; the title says it for as long as it holds, or the row
	// would read as matching the filter (review).
	const outside = {status: ' · outside the filter', minor: false};
	if (pane.document === undefined) {
		return held ? outside : {status: pane.error === undefined ? ' · loading…' : '', minor: true};
	}

	if (pane.error !== undefined) {
		// Not "N changed": the highlights went with the failure, the document is the one from before it.
		return {status: pane.loadedAt === undefined ? ' · last good' : ` · last good at ${formatClock(pane.loadedAt)}`, minor: false};
	}

	if (held) {
		return outside;
	}

	return {status: pane.changed > 0 ? ` · ${pane.changed} changed` : '', minor: true};
}

/** The selected session's raw JSON:API document: coloured, scrolled, changes marked, dimmed once the session ended. */
export function DetailPane({pane, width, height, focused, theme, pausedAt, search, held = false}: Props) {
	// Inside the round border. The border takes two rows and the title one; a failed fetch's
	// or poll's sentence (over the last good document) or the note of a document never fetched
	// take as many more as they wrap to, or the box would overflow and push the title out.
	const inner = Math.max(1, width - 2);
	const notes = paneNotes(pane, inner, height - 3);
	const bodyHeight = Math.max(1, height - 3 - notes.length);
	const visible = pane.lines.slice(pane.scroll, pane.scroll + bodyHeight);
	const range = pane.lines.length > bodyHeight ? ` ${pane.scroll + 1}-${pane.scroll + visible.length}/${pane.lines.length}` : '';
	const title = fitTitle({label: pane.title, ...statusOf(pane, pausedAt, held), range}, inner);
	const pattern = search === undefined || search === '' ? undefined : searchPattern(search);
	/** The matches of each document line shown, found once for all its pane lines. */
	const matchesOf = new Map<number, Array<[number, number]>>();
	const matchesFor = (source: number) => {
		let found = matchesOf.get(source);
		if (found === undefined) {
			const line = pane.source[source];
			found = pattern === undefined || line === undefined ? [] : matchesIn(sourceText(line), pattern);
			matchesOf.set(source, found);
		}

		return found;
	};

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
			{visible.map((line, index) => {
				const pieces = pattern === undefined ? undefined : searchPieces(line, matchesFor(line.source));
				return (
					// eslint-disable-next-line react/no-array-index-key -- lines have no identity beyond their place
					<Text key={index} wrap="truncate" dimColor={pane.ended}>
						{line.tokens.map((token, i) => {
							const style = {
								color: pane.ended ? undefined : token.changed ? theme.fresh : theme.token[token.kind],
								inverse: token.changed && !pane.ended,
								dimColor: token.kind === 'was',
							};
							const parts = pieces?.[i];
							return (
								// eslint-disable-next-line react/no-array-index-key
								<Text key={i} {...style}>
									{parts?.some((part) => part.match)
										? parts.map((part, j) =>
												part.match ? (
													// eslint-disable-next-line react/no-array-index-key
													<Text key={j} bold inverse={!style.inverse} underline={style.inverse}>
														{part.text}
													</Text>
												) : (
													part.text
												),
											)
										: token.text}
								</Text>
							);
						})}
					</Text>
				);
			})}
		</Box>
	);
}
