// What every session writer needs to know about the request being answered.

import type {Fmt} from './jansson.js';
import type {VersionCaps} from './versions.js';

export type WriteContext = {
	caps: VersionCaps;
	f: Fmt;
	/** e.g. "http://127.0.0.1:8989/v1/" */
	base: string;
	/** "/" from 6.4 (self links end in a slash), "" before. */
	slash: string;
	t: number;
	/** Render a template: dynamic values become SENTINEL. */
	template?: boolean;
};

/** Marks a dynamic value in a template. A real NUL would be escaped, so it cannot clash. */
export const SENTINEL = '\u0000';

export function sessionSelfLink(ctx: WriteContext, id: string): string {
	return ctx.base + 'sessions/' + id + ctx.slash;
}
