// Colours in one place, so NO_COLOR (https://no-color.org) turns every one off.
// Bold, dim and inverse are not colours and stay: the cursor must remain visible.

import type {TokenKind} from '../model/json-lines.js';

export type Theme = {
	accent?: string;
	muted?: string;
	error?: string;
	warn?: string;
	ok?: string;
	group?: string;
	token: Record<TokenKind, string | undefined>;
};

const colours: Theme = {
	accent: 'cyan',
	muted: 'gray',
	error: 'red',
	warn: 'yellow',
	ok: 'green',
	group: 'blue',
	token: {key: 'cyan', string: 'green', number: 'yellow', boolean: 'magenta', null: 'gray', punct: undefined},
};

const plain: Theme = {
	token: {key: undefined, string: undefined, number: undefined, boolean: undefined, null: undefined, punct: undefined},
};

export function themeFor(env: NodeJS.ProcessEnv): Theme {
	const noColor = env['NO_COLOR'];
	return noColor !== undefined && noColor !== '' ? plain : colours;
}
