// What `GET /v1/maxscale` tells us once per connection: the version decides which
// request parameters the server understands (sparse fieldsets from 2.5).

import {sanitize} from '../model/sanitize.js';

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

/** `24.02.3` → [24, 2, 3]; undefined for anything else. */
export function parseVersion(version: string | undefined): number[] | undefined {
	const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '');
	return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

export function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
	const parsed = parseVersion(version);
	if (parsed === undefined) {
		return false;
	}

	const [a = 0, b = 0] = parsed;
	return a > major || (a === major && b >= minor);
}

/** Sparse fieldsets (`fields[sessions]=…`) arrived in 2.5; older servers ignore or reject them. */
export function hasSparseFields(info: ServerInfo | undefined): boolean {
	return versionAtLeast(info?.version, 2, 5);
}
