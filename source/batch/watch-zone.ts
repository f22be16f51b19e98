// --watch --json against a MaxScale before 23.02 in a zone west of the operator's: as the
// screen does (model/zone-hint.ts, model/poll.ts), a session new since its last poll that
// reads hours old proves its ages that much too long; from that poll on its records' ages and
// connection times are as they are, and stderr says it once. A capture otherwise kept every
// age hours too long, silently, while the screen on the same polls put them right.

import {provenShift, shiftedAges, zoneHint} from '../model/zone-hint.js';
import type {SessionRecord} from './json-records.js';

/** What one MaxScale's watch keeps for it: its last poll's ids and time, and the shift once proven. */
export type ZoneWatch = {seen?: Set<string>; at?: number; shift?: number};

/** Puts this poll's records right (in place: they are this poll's own), and returns the sentence when this poll proved the shift. */
export function watchZone(zone: ZoneWatch, records: SessionRecord[], polledAt: number, label: string): string | undefined {
	let said: string | undefined;
	if (zone.shift === undefined && zone.seen !== undefined && zone.at !== undefined) {
		let youngest: number | undefined;
		for (const record of records) {
			if (record.id !== undefined && !zone.seen.has(record.id) && record.ageSeconds !== undefined && (youngest === undefined || record.ageSeconds < youngest)) {
				youngest = record.ageSeconds;
			}
		}

		const local = -new Date(polledAt).getTimezoneOffset();
		const shift = provenShift(youngest, (polledAt - zone.at) / 1000, local);
		if (shift !== undefined) {
			zone.shift = shift;
			said = zoneHint(label, shift, local);
		}
	}

	zone.seen = new Set(records.flatMap((record) => (record.id === undefined ? [] : [record.id])));
	zone.at = polledAt;
	const {shift} = zone;
	if (shift !== undefined) {
		for (const record of records) {
			Object.assign(record, shiftedAges(record, shift));
		}
	}

	return said;
}
