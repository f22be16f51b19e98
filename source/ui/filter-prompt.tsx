import {Text} from 'ink';
import type {Theme} from './theme.js';
import type {PromptLines} from './status-text.js';

/**
 * `/`, the filter's text with the cursor (inverse) where the operator edits it, and the
 * start of the reason a term cannot be used (its rest goes under it: the footer). A text
 * too long for the line scrolls to keep the cursor in view (model/line-window.ts), with `…`
 * where it goes on; beside an error it keeps at least half the line (status-text.ts promptLines).
 * The pane's search draws its prompt with it too, its count beside it (search-prompt.tsx).
 */
export function FilterPrompt({prompt: {view, beside}, theme, besideColor = theme.error}: {prompt: PromptLines; theme: Theme; besideColor?: string}) {
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
			{beside !== '' && <Text color={besideColor}>{beside}</Text>}
		</Text>
	);
}
