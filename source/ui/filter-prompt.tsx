import {Text} from 'ink';
import type {Theme} from './theme.js';
import type {PromptLines} from './status-text.js';

/**
 * `/`, the filter's text with the cursor (inverse) where the operator edits it, and the
 * start of the reason a term cannot be used (its rest goes under it: the footer). A text
 * too long for the line scrolls to keep the cursor in view (model/line-window.ts), with `…`
 * where it goes on; beside an error it keeps at least half the line (status-text.ts promptLines).
 */
export function FilterPrompt({prompt: {view, beside}, theme}: {prompt: PromptLines; theme: Theme}) {
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
			{beside !== '' && <Text color={theme.error}>{beside}</Text>}
		</Text>
	);
}
