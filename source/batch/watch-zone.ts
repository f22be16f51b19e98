// --watch --json against a MaxScale before 23.02 in a zone west of the operator's: as the
// screen does (model/zone-hint.ts, model/poll.ts), a session new since its last poll that
// reads hours old proves its ages that much too long, and so does, from the first poll, its
// uptime (uptime-zone.ts); from that poll on its records' ages and connection times are as
// they are, and stderr says it (again only if new sessions prove more than the uptime did). A
// capture otherwise kept every age hours too long, silently, while the screen put them right.

import type {ServerInfo} from '../model/server-info.js';
import {provenByUptime, provenShift, shiftedAges, zoneHint} from '../model/zone-hint.js';
import type {SessionRecord} from './json-records.js';
import {uptimeNote} from './uptime-zone.js';

/**
 * What one MaxScale's watch keeps for it: its last poll's ids and time, the shift once
 * proven (`byNew`: by new sessions, which prove it exactly: nothing more to look for), and its
 * version and uptime, asked once beside its first list (watch-json.ts), which prove a least
 * from the first poll (uptime-zone.ts).
 */
export type ZoneWatch = {seen?: Set<string>; at?: number; shift?: number; byNew?: boolean; server?: ServerInfo; asked?: boolean};

/** Moves this poll's records' ages (in place: they are this poll's own). */
function shiftRecords(records: SessionRecord[], shift: number): void {
	for (const record of records) {
		Object.assign(record, shiftedAges(record, shift));
	}
}

/** Puts this poll's records right (in place), and returns the sentence when this poll proved the shift, or more of it. */
export function watchZone(zone: ZoneWatch, records: SessionRecord[], polledAt: number, label: string): string | undefined {
	const before = zone.shift ?? 0;
	if (before > 0) {
		shiftRecords(records, before);
	}

	// As the screen does: the new sessions' ages as already put right, so they prove what is left.
	let more: number | undefined;
	if (zone.byNew !== true && zone.seen !== undefined && zone.at !== undefined) {
		let youngest: number | undefined;
		for (const record of records) {
			if (record.id !== undefined && !zone.seen.has(record.id) && record.ageSeconds !== undefined && (youngest === undefined || record.ageSeconds < youngest)) {
				youngest = record.ageSeconds;
			}
		}

		more = provenShift(youngest, (polledAt - zone.at) / 1000, -new Date(polledAt).getTimezoneOffset());
	}

	const byNew = more !== undefined;
	more ??= zone.shift === undefined ? provenByUptime(zone.server, records, polledAt) : undefined;
	zone.seen = new Set(records.flatMap((record) => (record.id === undefined ? [] : [record.id])));
	zone.at = polledAt;
	if (more === undefined) {
		return undefined;
	}

	shiftRecords(records, more);
	zone.shift = before + more;
	zone.byNew = byNew;
	return byNew ? zoneHint(label, zone.shift, -new Date(polledAt).getTimezoneOffset()) : uptimeNote(label, zone.shift, polledAt);
}
