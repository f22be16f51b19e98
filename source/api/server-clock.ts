// MaxScale's `connected` up to 22.08 is asctime in the MaxScale host's own local time,
// with no zone (`Mon Jul 17 11:10:39 2017`); from 23.02 it is RFC 1123 in GMT. Read in
// the operator's zone, as Date.parse does, a zone-less time is off by the difference
// between the two zones, and so is every age taken from it (no seconds_alive before
// 24.02). `--server-tz` names MaxScale's zone; without it, a list whose ages come out
// shorter than their own idle times proves the operator's zone wrong, and the ages are
// moved by the least that makes none shorter than its idle time (zoneShiftMs),
// and never by less than an earlier list of the same MaxScale proved (ZoneMemory).

import type {ZoneMemory} from '../model/zone-hint.js';

/** asctime's shape; the day is padded with a space (`Jul  7`). */
const asctime = /^[A-Z][a-z]{2} [A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/;

export function isZoneless(text: string): boolean {
	return asctime.test(text);
}

/** RFC 1123 in GMT, as MaxScale writes it from 23.02 (`Fri, 21 Jul 2023 06:46:44 GMT`). */
const rfc1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const fixedOffset = /^([+-])(\d{2}):(\d{2})$/;

/** One formatter per IANA zone: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(zone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'});
		formatters.set(zone, formatter);
	}

	return formatter;
}

/** How far `zone`'s wall clock is ahead of UTC at `instant` (ms). `zone`: 'UTC', '+HH:MM' or an IANA name. */
export function zoneOffsetMs(zone: string, instant: number): number {
	if (zone === 'UTC') {
		return 0;
	}

	const fixed = fixedOffset.exec(zone);
	if (fixed !== null) {
		const minutes = (Number(fixed[2]) * 60) + Number(fixed[3]);
		return (fixed[1] === '-' ? -minutes : minutes) * 60_000;
	}

	const parts: Record<string, number> = {};
	for (const part of formatterFor(zone).formatToParts(instant)) {
		parts[part.type] = Number(part.value);
	}

	const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
	// Whole seconds: the formatter drops the milliseconds.
	return wall - (Math.floor(instant / 1000) * 1000);
}

/**
 * `connected` as epoch ms (NaN when it is not a time MaxScale writes). A zone-less time is
 * read in `zone` when one is given, else in the operator's own zone.
 */
export function parseServerTime(text: string, zone: string | undefined): number {
	// Only MaxScale's two forms: Date.parse takes nearly anything (QA: "12" read as
	// 2001-12-01, an age of 9130d), and a made-up age is worse than none (the cell's `?`).
	if (rfc1123.test(text)) {
		return Date.parse(text);
	}

	if (!isZoneless(text)) {
		return Number.NaN;
	}

	if (zone === undefined) {
		return Date.parse(text);
	}

	// The wall time read as if it were UTC, then moved by the zone's offset at that
	// time (asked twice: the first guess can fall on the other side of a DST change).
	const wall = Date.parse(`${text} GMT`);
	if (Number.isNaN(wall)) {
		return wall;
	}

	const guess = wall - zoneOffsetMs(zone, wall);
	return wall - zoneOffsetMs(zone, guess);
}

/** Clock skew and rounding (whole seconds against tenths) that a list may show without proving anything. */
export const skewMs = 60_000;
/**
 * Idle times past ages by no more than this are taken as MaxScale's clock set a few minutes
 * ahead, not as its zone: a clock two minutes fast once made every age an hour too long.
 */
const clockOnlyMs = 10 * 60_000;
/** Zones differ from one another by whole quarter hours (India's +05:30, Nepal's +05:45). */
const quarterHourMs = 900_000;
const hourMs = 3_600_000;

/**
 * How many ms to add to the ages of a list of zone-less times read in the operator's
 * zone, given the most that any session's idle time exceeds its age by (ms; ages
 * unclamped): 0 unless that is more than a clock's drift. A session idle since it
 * connected (or opened since the last poll) shows the zones' difference itself, to the
 * skew: a gap that close to a whole number of quarter hours is taken as it is (India's
 * +05:30 included). Any other proves only a least move: the fewest that make every age at
 * least its idle time and put MaxScale on a whole-hour offset from UTC, as nearly every
 * server is (so the operator's own half or quarter hour, if any, is in it).
 * `localOffsetMs`: the operator's offset from UTC at the poll.
 */
export function zoneShiftMs(worstGapMs: number, localOffsetMs: number): number {
	if (worstGapMs <= clockOnlyMs) {
		return 0;
	}

	const quarters = Math.round(worstGapMs / quarterHourMs) * quarterHourMs;
	if (Math.abs(worstGapMs - quarters) <= skewMs) {
		return quarters;
	}

	const localPart = ((localOffsetMs % hourMs) + hourMs) % hourMs;
	return (Math.ceil((worstGapMs - skewMs + localPart) / hourMs) * hourMs) - localPart;
}

/** The operator's offset from UTC at `instant`, as Date.parse applies it to a zone-less time. */
export function localOffsetMs(instant: number): number {
	return -new Date(instant).getTimezoneOffset() * 60_000;
}

/**
 * Columns of a list (session-list-reader.ts): where an age is NaN (no seconds_alive), it
 * is taken from `connected` at `polledAt`, both moved as zoneShiftMs says when `correct`
 * (zone-less times read in the operator's zone), and by no less than `memory` holds from
 * this MaxScale's earlier lists: what one proved stays proven when the session that proved
 * it ends (its long-lived sessions alone would prove less, and their ages would jump by
 * hours). In place; returns the move (ms).
 */
export function agesFromConnected(ages: Float64Array, connected: Float64Array, idles: Float64Array, polledAt: number, correct: boolean, memory?: ZoneMemory): number {
	let worstGapMs = 0;
	for (let i = 0; correct && i < ages.length; i++) {
		if (Number.isNaN(ages[i]) && !Number.isNaN(connected[i]) && !Number.isNaN(idles[i])) {
			worstGapMs = Math.max(worstGapMs, (idles[i]! * 1000) - (polledAt - connected[i]!));
		}
	}

	if (memory !== undefined) {
		// This machine's clock stepped since the last list (NTP, a VM resumed): ages read against
		// it were off by the step, and a move proven then is no proof of MaxScale's zone now.
		const mono = performance.now();
		if (memory.wallAt !== undefined && memory.monoAt !== undefined && Math.abs((polledAt - memory.wallAt) - (mono - memory.monoAt)) > skewMs) {
			memory.aheadMs = 0;
			memory.aheadOfPollMs = undefined;
		}

		memory.wallAt = polledAt;
		memory.monoAt = mono;
	}

	const shift = correct ? Math.max(memory?.aheadMs ?? 0, zoneShiftMs(worstGapMs, localOffsetMs(polledAt))) : 0;
	if (memory !== undefined && correct) {
		memory.aheadMs = shift;
	}

	for (let i = 0; i < ages.length; i++) {
		if (Number.isNaN(ages[i]) && !Number.isNaN(connected[i])) {
			connected[i]! -= shift;
			ages[i] = Math.max(0, (polledAt - connected[i]!) / 1000);
		}
	}

	return shift;
}
