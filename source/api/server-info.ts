// What `GET /v1/maxscale` tells us once per connection: the version decides which
// request parameters the server understands (sparse fieldsets from 2.5).

import {sanitize} from '../model/sanitize.js';
import {versionAtLeast} from '../model/version.js';

export type ServerInfo = {
	version?: string;
	/** Seconds MaxScale had been up when we asked. */
	uptimeSeconds?: number;
	/** Epoch ms at which we asked, to keep the uptime ticking without asking again. */
	askedAt: number;
};

export function readServerInfo(document: unknown, askedAt: number): ServerInfo {
	const attributes = (document as {data?: {attributes?: Record<string, unknown>}} | null)?.data?.attributes;
	if (typeof attributes !== 'object' || attributes === null) {
		return {askedAt};
	}

	const {version, uptime} = attributes;
	return {
		version: typeof version === 'string' ? sanitize(version) : undefined,
		uptimeSeconds: typeof uptime === 'number' && Number.isFinite(uptime) ? uptime : undefined,
		askedAt,
	};
}

/** Sparse fieldsets (`fields[sessions]=…`) arrived in 2.5; older servers ignore or reject them. */
export function hasSparseFields(info: ServerInfo | undefined): boolean {
	return versionAtLeast(info?.version, 2, 5);
}
