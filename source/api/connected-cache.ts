// `connected` as epoch ms, remembered: a session's `connected` never changes, and
// Date.parse is the costliest call of a poll at 100k sessions. For both list readers
// (read-sessions.ts, session-list-reader.ts).

import {parseServerTime} from './server-clock.js';
import type {StringTable} from './string-table.js';

// What each text meant, bounded by the size of the lists seen, so that churn (new
// sessions, new texts) cannot grow it for ever.
const connectedCache = new Map<string, number>();
let connectedCacheLimit = 20_000;

/** Room in the cache for the texts of a list of `sessions` (and some churn). */
export function sizeConnectedCache(sessions: number): void {
	connectedCacheLimit = Math.max(20_000, sessions * 2);
}

/**
 * `connected` as epoch ms: asctime in MaxScale's local time up to 22.08, RFC 1123 from
 * 23.02 (server-clock.ts). `zone`: MaxScale's, for the zone-less form; else the operator's.
 */
export function parseConnected(value: unknown, zone?: string): number | undefined {
	if (typeof value !== 'string') {
		return undefined;
	}

	// One look-up, not has() then get(): a text that does not parse is kept as NaN.
	const key = zone === undefined ? value : `${zone}\u0000${value}`;
	let parsed = connectedCache.get(key);
	if (parsed === undefined) {
		parsed = parseServerTime(value, zone);
		if (connectedCache.size >= connectedCacheLimit) {
			connectedCache.clear();
		}

		connectedCache.set(key, parsed);
	}

	return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * parseConnected for a text of the streamed list reader, kept with its StringTable `entry`
 * (-1: none) rather than in the Map: the entries come in the order the last poll wrote
 * them, where 200k texts in a Map were a cache miss a look-up. The table's numbers are for
 * one zone at a time (the reader sets it: StringTable numbersFor).
 */
export function connectedAtEntry(text: string, entry: number, strings: StringTable, zone?: string): number | undefined {
	if (entry < 0) {
		return parseConnected(text, zone);
	}

	let at = strings.numberOf(entry);
	if (Number.isNaN(at)) {
		at = parseConnected(text, zone) ?? Number.NaN;
		strings.keep(entry, at);
	}

	return Number.isNaN(at) ? undefined : at;
}
