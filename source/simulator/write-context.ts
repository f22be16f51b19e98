// What every session writer needs to know about the request being answered.

import type {Fmt} from './jansson.js';
import type {VersionCaps} from './versions.js';

export type WriteContext = {
	caps: VersionCaps;
	f: Fmt;
	/** e.g. "http://127.0.0.1:8989/v1/": the request's Host, and v1/ when its path had it. */
	base: string;
	/** "/" from 6.4 (self links end in a slash), "" before. */
	slash: string;
	t: number;
	/** Render a template: dynamic values become SENTINEL. */
	template?: boolean;
	/**
	 * What a cached compact rendering depends on besides the session: the base of its links and
	 * its layout, as one small number (see layoutId). Absent: 0.
	 */
	layoutId?: number;
};

/** Marks a dynamic value in a template. A real NUL would be escaped, so it cannot clash. */
export const SENTINEL = '\u0000';

/**
 * HttpRequest's m_hostname (httprequest.cc): the scheme, the Host header as sent, a "/" unless it
 * already ends in one, and "v1/" only when the request's path began with /v1.
 */
export function linkBase(scheme: string, host: string | undefined, prefixed: boolean): string {
	let base = scheme + '://' + (host ?? '');
	if (!base.endsWith('/')) {
		base += '/';
	}

	return prefixed ? base + 'v1/' : base;
}

export function sessionSelfLink(ctx: WriteContext, id: string): string {
	return ctx.base + 'sessions/' + id + ctx.slash;
}

// Links and layout rarely change (a monitor always sends the same Host), so they are numbered
// once and templates compare numbers. A new number for every new pair; the map is bounded.
const layoutIds = new Map<string, number>();
let nextLayoutId = 1;

export function layoutId(base: string, f: Fmt): number {
	const key = f.layout + ' ' + base;
	let id = layoutIds.get(key);
	if (id === undefined) {
		if (layoutIds.size >= 1000) {
			layoutIds.clear();
		}

		id = nextLayoutId++;
		layoutIds.set(key, id);
	}

	return id;
}
