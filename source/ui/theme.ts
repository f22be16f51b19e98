// Colours in one place, so NO_COLOR (https://no-color.org) turns every one off.
// Bold, dim, inverse and underline are not colours and stay: the cursor, new,
// ended and changed values must remain visible without colour.

import type {TokenKind} from '../model/json-lines.js';

export type Theme = {
	accent?: string;
	muted?: string;
	error?: string;
	warn?: string;
	ok?: string;
	group?: string;
	/** New sessions, and values that changed in the pane. */
	fresh?: string;
	marked?: string;
	token: Record<TokenKind, string | undefined>;
};

// Muted text is dim (SGR 2), not gray: gray is the palette's bright black (SGR 90), which
// Solarized Dark and its like make the background's colour, so the group rows, the header's
// figures and the pane's `was` notes vanished there (QA; htop's old complaint). Dim is the
// text's own colour, fainter, on any palette. Ink passes `dim` to chalk as it does a colour.
const colours: Theme = {
	accent: 'cyan',
	muted: 'dim',
	error: 'red',
	warn: 'yellow',
	ok: 'green',
	group: 'blue',
	fresh: 'greenBright',
	marked: 'yellow',
	token: {key: 'cyan', string: 'green', number: 'yellow', boolean: 'magenta', null: 'dim', punct: undefined, was: 'dim'},
};

const plain: Theme = {
	token: {key: undefined, string: undefined, number: undefined, boolean: undefined, null: undefined, punct: undefined, was: undefined},
};

export function themeFor(env: NodeJS.ProcessEnv): Theme {
	const noColor = env['NO_COLOR'];
	return noColor !== undefined && noColor !== '' ? plain : colours;
}
