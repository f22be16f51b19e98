// What `GET /v1/maxscale` tells us once per connection: the version (for the header,
// and for which calls the server has: kill and restart from 22.08) and the uptime.

import {shown} from '../model/sanitize.js';

import type {ServerInfo} from '../model/server-info.js';

export type {ServerInfo} from '../model/server-info.js';

export function readServerInfo(document: unknown, askedAt: number): ServerInfo {
	const attributes = (document as {data?: {attributes?: Record<string, unknown>}} | null)?.data?.attributes;
	if (typeof attributes !== 'object' || attributes === null) {
		return {askedAt};
	}

	const {version, uptime} = attributes;
	return {
		// Bounded as the list's text is: a status sentence quotes it whole.
		version: typeof version === 'string' ? shown(version) : undefined,
		uptimeSeconds: typeof uptime === 'number' && Number.isFinite(uptime) ? uptime : undefined,
		askedAt,
	};
}
