// How long a session's running statement has run (the Running column). MaxScale gives only
// when it arrived: `queries[0].received`, its host's local time with no zone and its ISO week
// year (`2024-01-05T07:24:06.123`, strftime "%G-%m-%dT%H:%M:%S"). maxctrl's `list queries`
// takes Date.now() - Date.parse(received), which is hours wrong whenever maxctrl's zone is
// not MaxScale's, and 23.02 writes `connected` in GMT, so no age proves MaxScale's zone there.
//
// The list itself tells MaxScale's local clock: a session's idle time counts from its
// client's last read (before 23.02; from 23.02 its last read or write), which is its newest
// statement's arrival (or end), so `received + idle` is MaxScale's local time as it listed
// that session, give or take the statement's own run. The median over the list stands for
// MaxScale's "now": no zone to know, no clock skew between the two hosts. A statement still
// running on 23.02+ has idle 0 (MaxScale's is_idle()), which proves nothing: left out. With
// no such session (every statement running on 23.02+), the time is read in MaxScale's zone
// (--server-tz), else the operator's, as maxctrl does.

import {localOffsetMs, zoneOffsetMs} from './server-clock.js';
import type {Row} from './session-columns.js';

/** The `count` ASCII digits at `at` as a number, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
	let value = 0;
	for (let i = at; i < at + count; i++) {
		const digit = text.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) {
			return -1;
		}

		value = (value * 10) + digit;
	}

	return value;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `received` as its wall time read as if UTC (ms), or NaN when it is not MaxScale's form
 * (`2024-01-05T07:24:06`, then up to nine digits of a second after a `.`). Read by hand, not by
 * a regex and a Date: with statements shown, every session that retained one has it, every list.
 */
export function receivedWall(text: string): number {
	const {length} = text;
	const fraction = length - 20;
	if ((length !== 19 && (fraction < 1 || fraction > 9)) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || (length > 19 && text.charCodeAt(19) !== 46)) {
		return Number.NaN;
	}

	const year = digits(text, 0, 4);
	const month = digits(text, 5, 2);
	const day = digits(text, 8, 2);
	const hour = digits(text, 11, 2);
	const minute = digits(text, 14, 2);
	const second = digits(text, 17, 2);
	const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	// A date that is none (31 February), which Date.UTC would roll over into March.
	if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthDays[month - 1]! + (leap ? 1 : 0) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
		return Number.NaN;
	}

	const shown = Math.min(3, Math.max(0, fraction));
	const millis = length === 19 ? 0 : digits(text, 20, shown) * (10 ** (3 - shown));
	return millis < 0 || (fraction > 3 && digits(text, 23, fraction - 3) < 0) ? Number.NaN : Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

const yearMs = 365.25 * 86_400_000;

/** Per MaxScale, across its lists: how far its local clock was ahead of the poll time (ms) when a list last told. */
export type ClockMemory = {aheadOfPollMs?: number};

// The last day (since the epoch) looked at, and whether it is in %G's window: a list's samples
// mostly share a few days, and a Date for each of 100,000 was most of the clock's cost.
let lastDay = Number.NaN;
let lastInWindow = false;

/** Whether `wall` falls on 29–31 December or 1–3 January. */
function inWeekYearWindow(wall: number): boolean {
	const day = Math.floor(wall / 86_400_000);
	if (day !== lastDay) {
		const date = new Date(wall);
		const month = date.getUTCMonth();
		const dayOfMonth = date.getUTCDate();
		lastDay = day;
		lastInWindow = (month === 11 && dayOfMonth >= 29) || (month === 0 && dayOfMonth <= 3);
	}

	return lastInWindow;
}

/**
 * %G is the ISO week's year: on 29–31 December or 1–3 January it can be the next or the
 * last calendar year. Such a date is taken in whichever of the three years is nearest `near`.
 */
export function weekYearFixed(wall: number, near: number): number {
	if (!inWeekYearWindow(wall)) {
		return wall;
	}

	const date = new Date(wall);
	const before = new Date(wall);
	before.setUTCFullYear(date.getUTCFullYear() - 1);
	const after = new Date(wall);
	after.setUTCFullYear(date.getUTCFullYear() + 1);
	let best = wall;
	for (const candidate of [before.getTime(), after.getTime()]) {
		if (Math.abs(candidate - near) < Math.abs(best - near) && Math.abs(candidate - near) < yearMs / 2) {
			best = candidate;
		}
	}

	return best;
}

/** The list's samples of MaxScale's local clock: each a statement's arrival and its session's idle time. */
export class StatementClock {
	#walls = new Float64Array(64);
	#idles = new Float64Array(64);
	#count = 0;

	/**
	 * A session of the list with a statement: `wall` its `received` (receivedWall), `idle` its idle
	 * time (s). A running one with idle 0 (23.02+) says nothing of the clock.
	 */
	add(wall: number, idle: number | undefined, running: boolean): void {
		if (Number.isNaN(wall) || idle === undefined || (running && idle === 0)) {
			return;
		}

		if (this.#count === this.#walls.length) {
			const walls = new Float64Array(this.#count * 2);
			walls.set(this.#walls);
			this.#walls = walls;
			const idles = new Float64Array(this.#count * 2);
			idles.set(this.#idles);
			this.#idles = idles;
		}

		this.#walls[this.#count] = wall;
		this.#idles[this.#count++] = idle * 1000;
	}

	clear(): void {
		this.#count = 0;
	}

	/**
	 * MaxScale's local time at the list (ms, as receivedWall reads it): the median of the
	 * samples (call it once: they are sorted in place); else, from `memory`, the list before's own clock carried to this poll (a poll
	 * whose statements all run, on 23.02+, must not read hours apart from the last: QA);
	 * else `polledAt` in MaxScale's zone (`serverZone`) or the operator's.
	 */
	now(polledAt: number, serverZone: string | undefined, memory?: ClockMemory): number {
		const guess = polledAt + (serverZone === undefined ? localOffsetMs(polledAt) : zoneOffsetMs(serverZone, polledAt));
		if (this.#count === 0) {
			return memory?.aheadOfPollMs === undefined ? guess : polledAt + memory.aheadOfPollMs;
		}

		// The year of each arrival first (%G), then its idle time: a session idle since 31 December
		// is read on 4 January as that year's, not the next's (QA).
		const samples = this.#walls.subarray(0, this.#count);
		for (let i = 0; i < samples.length; i++) {
			samples[i] = weekYearFixed(samples[i]!, guess) + this.#idles[i]!;
		}

		samples.sort();
		const middle = samples.length >> 1;
		const now = samples.length % 2 === 1 ? samples[middle]! : (samples[middle - 1]! + samples[middle]!) / 2;
		if (memory !== undefined) {
			memory.aheadOfPollMs = now - polledAt;
		}

		return now;
	}
}

/**
 * The streamed reader's row, its statement's `received` held in statementSeconds as read: a
 * sample of MaxScale's clock, kept (for the list's end) only while the statement runs. As
 * readSessionList's statementTimes.
 */
export function sampleRow(row: Row, clock: StatementClock): void {
	const wall = row.statementSeconds;
	if (wall === undefined) {
		return;
	}

	if (row.statement === undefined || row.statement === '') {
		row.statementSeconds = undefined;
		return;
	}

	const running = row.statementRunning === true;
	clock.add(wall, row.idleSeconds, running);
	if (!running) {
		row.statementSeconds = undefined;
	}
}

/**
 * A column of arrivals (receivedWall; NaN: none running) to run times at MaxScale's `now`, in
 * place: the list's last rows in the list worker, its parts sent ahead on the main thread
 * (list-parts.ts), once the list's end has told the clock.
 */
export function runTimes(column: Float64Array, now: number): void {
	for (let i = 0; i < column.length; i++) {
		if (!Number.isNaN(column[i])) {
			column[i] = runSeconds(column[i]!, now);
		}
	}
}

/** Seconds a statement that arrived at `wall` (receivedWall) had run at MaxScale's local `now`; never below 0. */
export function runSeconds(wall: number, now: number): number {
	return Math.max(0, (now - weekYearFixed(wall, now)) / 1000);
}
