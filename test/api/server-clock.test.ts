// MaxScale's zone-less `connected` (up to 22.08): read in a zone given with --server-tz,
// or in the operator's, moved when the list's own idle times prove that zone wrong. Both
// list readers (the streamed one and readSessionList) must agree to the letter.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {test} from 'node:test';
import {isZoneless, parseServerTime, zoneOffsetMs, zoneShiftMs} from '../../source/api/server-clock.js';
import {StringTable} from '../../source/api/string-table.js';
import {polledAt, reference, single, streamed, type Outcome} from './list-oracle.js';
import type {ZoneMemory} from '../../source/model/zone-hint.js';

const hour = 3_600_000;
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** asctime of the wall clock `date` shows through `get` (local or UTC getters), as MaxScale writes it. */
function asctime(wall: {day: number; month: number; date: number; hours: number; minutes: number; seconds: number; year: number}): string {
	return `${days[wall.day]} ${months[wall.month]} ${String(wall.date).padStart(2, ' ')} ${two(wall.hours)}:${two(wall.minutes)}:${two(wall.seconds)} ${wall.year}`;
}

const localAsctime = (ms: number) => {
	const d = new Date(ms);
	return asctime({day: d.getDay(), month: d.getMonth(), date: d.getDate(), hours: d.getHours(), minutes: d.getMinutes(), seconds: d.getSeconds(), year: d.getFullYear()});
};

const utcAsctime = (ms: number) => {
	const d = new Date(ms);
	return asctime({day: d.getUTCDay(), month: d.getUTCMonth(), date: d.getUTCDate(), hours: d.getUTCHours(), minutes: d.getUTCMinutes(), seconds: d.getUTCSeconds(), year: d.getUTCFullYear()});
};

/** The operator's offset from UTC at the poll (ms), as the readers apply it to a zone-less time. */
const localOffset = () => -new Date(polledAt).getTimezoneOffset() * 60_000;

const list = (sessions: Array<{connected: string; idle: number}>) =>
	Buffer.from(JSON.stringify({data: sessions.map(({connected, idle}, i) => ({id: String(i + 1), type: 'sessions', attributes: {state: 'Session started', connected, idle}}))}));

/** Both readers' ages, after checking they agree. */
function ages(body: Buffer, origin = single): number[] {
	const expected: Outcome = reference(body, origin);
	const actual = streamed(body, [5, 60], origin);
	assert.deepEqual(actual, expected, 'the streamed reader agrees with readSessionList');
	assert.ok(expected.ok);
	return expected.sessions.map((session) => session.ageSeconds!);
}

test('asctime has no zone; RFC 1123 has one', () => {
	assert.equal(isZoneless('Mon Jul 17 11:10:39 2017'), true);
	assert.equal(isZoneless('Fri Jul  7 11:10:39 2017'), true);
	assert.equal(isZoneless('Fri, 21 Jul 2023 06:46:44 GMT'), false);
	assert.equal(isZoneless('Mon Jul 17 11:10:39 2017 GMT'), false);
});

test('a zone-less time is read in the zone given: UTC, a fixed offset, an IANA zone with its summer time', () => {
	assert.equal(parseServerTime('Mon Jul 17 11:10:39 2017', 'UTC'), Date.UTC(2017, 6, 17, 11, 10, 39));
	assert.equal(parseServerTime('Mon Jul 17 11:10:39 2017', '+05:30'), Date.UTC(2017, 6, 17, 5, 40, 39));
	assert.equal(parseServerTime('Mon Jul 17 11:10:39 2017', '-03:00'), Date.UTC(2017, 6, 17, 14, 10, 39));
	// New York: UTC-4 in July, UTC-5 in January.
	assert.equal(parseServerTime('Mon Jul 17 11:10:39 2017', 'America/New_York'), Date.UTC(2017, 6, 17, 15, 10, 39));
	assert.equal(parseServerTime('Tue Jan 17 11:10:39 2017', 'America/New_York'), Date.UTC(2017, 0, 17, 16, 10, 39));
	assert.equal(parseServerTime('Tue Jan 17 11:10:39 2017', 'Asia/Kolkata'), Date.UTC(2017, 0, 17, 5, 40, 39));
	// An hour after Helsinki's clocks went forward (03:00 became 04:00 on 26 March 2023), UTC+3.
	assert.equal(parseServerTime('Sun Mar 26 05:00:00 2023', 'Europe/Helsinki'), Date.UTC(2023, 2, 26, 2, 0, 0));
	// A time with its own zone keeps it, whatever zone is given.
	assert.equal(parseServerTime('Fri, 21 Jul 2023 06:46:44 GMT', 'Asia/Tokyo'), Date.UTC(2023, 6, 21, 6, 46, 44));
	assert.ok(Number.isNaN(parseServerTime('yesterday', 'UTC')));
	assert.equal(parseServerTime('Fri, 21 Jul 2023 06:46:44 GMT', undefined), Date.UTC(2023, 6, 21, 6, 46, 44));
});

test('what is not a time MaxScale writes is no time, though Date.parse takes it (QA: "12" was 2001-12-01, Age 9130d)', () => {
	for (const text of ['12', '1', '2024', '2024-01-05', '2024-01-05T07:24:06Z', 'Jan 5 2024', '5 Jan 2024 07:24:06 GMT', 'Fri, 05 Jan 275760 07:24:06 GMT', 'Fri, 05 Jan 2024 07:24:06 GMT+0200', 'Mon Jul 17 11:10:39 2017 GMT', ' Mon Jul 17 11:10:39 2017', '']) {
		for (const zone of [undefined, 'UTC']) {
			assert.ok(Number.isNaN(parseServerTime(text, zone)), `${JSON.stringify(text)} in ${zone ?? 'the local zone'}`);
		}
	}

	assert.equal(zoneOffsetMs('Asia/Tokyo', Date.UTC(2024, 0, 1)), 9 * hour);
});

test('ages move by the least that no idle time contradicts, past a clock a few minutes off', () => {
	const minute = 60_000;
	assert.equal(zoneShiftMs(0, 0), 0);
	assert.equal(zoneShiftMs(59_000, 0), 0, 'within the skew: nothing proven');
	// QA: a MaxScale whose clock ran 3 minutes fast had every age an hour too long.
	assert.equal(zoneShiftMs(3 * minute, 0), 0, 'a clock 3 minutes fast is not a zone');
	assert.equal(zoneShiftMs(10 * minute, 0), 0);
	assert.equal(zoneShiftMs((5 * hour) + 30_000, 0), 5 * hour, 'a session idle since it connected');
	assert.equal(zoneShiftMs((5 * hour) - (40 * minute), 0), 5 * hour, 'none idle since it connected, one 40 minutes old: whole hours');
	assert.equal(zoneShiftMs(20 * minute, 0), hour);
	// QA: a MaxScale in India (UTC+5:30) watched from UTC was moved 6 hours, its ages half an hour too long.
	assert.equal(zoneShiftMs((5.5 * hour) + 20_000, 0), 5.5 * hour, 'idle since it connected, on a half hour');
	assert.equal(zoneShiftMs(5.75 * hour, 0), 5.75 * hour, 'Nepal');
	// An operator in India (UTC+5:30) and MaxScale in Tokyo (UTC+9): 3.5 hours, exactly or at least.
	assert.equal(zoneShiftMs((3.5 * hour) - 30_000, 5.5 * hour), 3.5 * hour);
	assert.equal(zoneShiftMs((3 * hour) + (20 * minute), 5.5 * hour), 3.5 * hour);
	// One in Newfoundland (UTC-3:30) and MaxScale in UTC.
	assert.equal(zoneShiftMs(3 * hour, -3.5 * hour), 3 * hour, 'to the skew: as it is');
	assert.equal(zoneShiftMs((3 * hour) + (7 * minute), -3.5 * hour), 3.5 * hour);
});

test('a clock a few minutes fast leaves the ages as read, clamped at 0', () => {
	// Same zone, MaxScale's clock 3 minutes ahead: a session 30 s old, idle since it connected.
	const fast = 180_000;
	const body = list([{connected: localAsctime(polledAt - 30_000 + fast), idle: 30}, {connected: localAsctime(polledAt - 600_000 + fast), idle: 5}]);
	assert.deepEqual(ages(body), [0, 420]);
});

test('what one list proved of the zone holds when the session that proved it ends', () => {
	// QA: MaxScale in Tokyo, seen from UTC-ish: a young session proves 9 hours; once it ends,
	// two pool connections 3 h and 5 h old (idle 5 s) prove only 6, and their ages jumped back.
	const east = 9 * hour;
	const young = {connected: utcAsctime(polledAt - 30_000 + east + localOffset()), idle: 30};
	const pool = [
		{connected: utcAsctime(polledAt - (3 * hour) + east + localOffset()), idle: 5},
		{connected: utcAsctime(polledAt - (5 * hour) + east + localOffset()), idle: 5},
	];
	const origin = {...single, zone: {aheadMs: 0} as ZoneMemory};
	assert.deepEqual(ages(list([young, ...pool]), origin), [30, 3 * 3600, 5 * 3600]);
	assert.equal(origin.zone.aheadMs, east);
	assert.deepEqual(ages(list(pool), origin), [3 * 3600, 5 * 3600]);
	// Without the memory (--once), the pool alone proves the least it can: 6 hours.
	assert.deepEqual(ages(list(pool)), [0, 2 * 3600]);
	// QA (long runs): this machine's clock stepped since that list: what was proven against it goes.
	origin.zone.wallAt = polledAt - 3_600_000;
	assert.deepEqual(ages(list(pool), origin), [0, 2 * 3600]);
	assert.equal(origin.zone.aheadMs, 6 * hour);
});

test("zone-less times from a MaxScale east of the operator's zone get their true ages", () => {
	// As a 22.08 MaxScale at UTC+14 writes them (east of every operator, or level with one
	// there): its wall clock, no zone.
	const sessions = [
		{age: 2400, idle: 3}, // 40 minutes old: enough to prove the zone, to the hour.
		{age: 3600, idle: 5},
		{age: 90_000, idle: 0.4},
	];
	const body = list(sessions.map(({age, idle}) => ({connected: utcAsctime(polledAt - (age * 1000) + (14 * hour)), idle})));
	assert.deepEqual(ages(body), [2400, 3600, 90_000]);
	// Read in the operator's zone and left there, the first two would have had no age at
	// all (unless the operator is at UTC+14 too).
	if (-new Date(polledAt).getTimezoneOffset() < 14 * 60) {
		assert.equal(Math.max(0, (polledAt - Date.parse(utcAsctime(polledAt - 2_400_000 + (14 * hour)))) / 1000), 0);
	}
});

test("no session idle for longer than its age: the operator's zone stands", () => {
	const body = list([{age: 600, idle: 590}, {age: 7200, idle: 12}].map(({age, idle}) => ({connected: localAsctime(polledAt - (age * 1000)), idle})));
	assert.deepEqual(ages(body), [600, 7200]);
});

test('with --server-tz, zone-less times are read in that zone and not second-guessed', () => {
	const body = list([{connected: utcAsctime(polledAt - 600_000), idle: 590}, {connected: utcAsctime(polledAt - 5_000), idle: 900}]);
	// The second session's idle time exceeds its age (a server's own inconsistency): with the
	// zone named, no shift follows from it.
	assert.deepEqual(ages(body, {...single, serverZone: 'UTC'}), [600, 5]);
	const kolkata = list([{connected: utcAsctime(polledAt - 600_000 + (5.5 * hour)), idle: 1}]);
	assert.deepEqual(ages(kolkata, {...single, serverZone: 'Asia/Kolkata'}), [600]);
});

test("one StringTable kept from read to read (the list worker's) lends no zone's reading to another", () => {
	const table = new StringTable();
	const body = list([{connected: utcAsctime(polledAt - 600_000 + (5.5 * hour)), idle: 1}]);
	for (const serverZone of ['Asia/Kolkata', 'UTC', 'Asia/Kolkata', undefined]) {
		const origin = serverZone === undefined ? single : {...single, serverZone};
		assert.deepEqual(streamed(body, [5, 60], origin, undefined, table), reference(body, origin), serverZone);
	}
});

test('RFC 1123 times (23.02 on) are never moved, whatever the idle times say', () => {
	const body = list([{connected: new Date(polledAt - 600_000).toUTCString(), idle: 9000}]);
	assert.deepEqual(ages(body), [600]);
});
