import {lineWindow} from '../model/line-window.js';
import {searchNote, type PaneSearch} from '../model/pane-search.js';
import {sanitize} from '../model/sanitize.js';
import {cellWidth} from './cell-width.js';
import {FilterPrompt} from './filter-prompt.js';
import type {Theme} from './theme.js';

type Props = {search: PaneSearch; count: number; theme: Theme; width: number};

/**
 * The pane's search prompt: `/`, the text with the cursor, and how many of the document's
 * lines match, drawn as the filter's prompt is. A long text scrolls to keep the cursor in
 * view; the count keeps its place at the end.
 */
export function SearchPrompt({search, count, theme, width}: Props) {
	const note = search.text === '' ? '' : `  ${searchNote(count)}`;
	// sanitize keeps the text's length (one character for one), so the cursor's offset holds.
	const view = lineWindow({text: sanitize(search.text), cursor: search.cursor}, Math.max(1, width - 1 - cellWidth(note)), cellWidth);
	return <FilterPrompt prompt={{view, beside: note, below: []}} theme={theme} besideColor={count === 0 ? theme.error : theme.muted} />;
}
