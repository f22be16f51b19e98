// How long a running statement has run, by MaxScale's own clock as its list tells it.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {test} from 'node:test';
import {readSessionList} from '../../source/api/read-sessions.js';
import {receivedWall, runSeconds, StatementClock, weekYearFixed} from '../../source/api/statement-clock.js';
import {streamed} from './list-oracle.js';

const wall = (text: string) => Date.parse(`${text}Z`);

test('received reads in MaxScale\'s form only, as a wall time', () => {
	assert.equal(receivedWall('2024-01-05T07:24:06.123'), wall('2024-01-05T07:24:06.123'));
	assert.equal(receivedWall('2024-01-05T07:24:06'), wall('2024-01-05T07:24:06'));
	assert.equal(receivedWall('2024-01-05T07:24:06.5'), wall('2024-01-05T07:24:06.500'));
	assert.equal(receivedWall('2024-01-05T07:24:06.123456789'), wall('2024-01-05T07:24:06.123'));
	assert.equal(receivedWall('2024-02-29T00:00:00'), wall('2024-02-29T00:00:00'));
	for (const bad of ['2024-02-31T00:00:00', '2023-02-29T00:00:00', '1900-02-29T00:00:00', '2024-13-05T07:24:06', '2024-01-05T24:00:00', '2024-01-05T07:60:06', '2024-01-05 07:24:06', '2024-01-05T07:24:06Z', '2024-01-05T07:24:06.', '2024-01-05T07:24:06.12a', '2024-01-05T07:24:06.1234567890', '2024-1-05T07:24:06', 'x', '']) {
		assert.ok(Number.isNaN(receivedWall(bad)), bad);
	}
});

test('a date MaxScale wrote with the ISO week\'s year is taken in the year nearest the poll', () => {
	// strftime %G: Monday 30 December 2024 is in week 1 of 2025.
	const written = wall('2025-12-30T10:00:00');
	assert.equal(weekYearFixed(written, wall('2024-12-30T10:05:00')), wall('2024-12-30T10:00:00'));
	assert.equal(weekYearFixed(written, wall('2025-12-30T10:05:00')), written);
	// Friday 1 January 2021 is in week 53 of 2020.
	assert.equal(weekYearFixed(wall('2020-01-01T00:00:10'), wall('2021-01-01T00:01:00')), wall('2021-01-01T00:00:10'));
	// Other days are as written, however far from the poll.
	assert.equal(weekYearFixed(wall('2020-06-01T00:00:00'), wall('2024-06-01T00:00:00')), wall('2020-06-01T00:00:00'));
	assert.equal(runSeconds(written, wall('2024-12-30T10:00:42')), 42);
});

test('MaxScale\'s clock is the median of received + idle; a running statement with idle 0 tells nothing', () => {
	const clock = new StatementClock();
	const polledAt = Date.parse('2024-01-05T07:24:16Z');
	// Nothing to go by: the poll time in MaxScale's zone when it is given.
	assert.equal(clock.now(polledAt, '+02:00'), polledAt + (2 * 3_600_000));
	clock.add(wall('2024-01-05T09:24:00'), 16, false);
	clock.add(wall('2024-01-05T09:24:10'), 6.1, false);
	clock.add(wall('2024-01-05T09:00:00'), 0, true);
	clock.add(Number.NaN, 5, false);
	clock.add(wall('2024-01-05T09:24:14'), undefined, false);
	assert.equal(clock.now(polledAt, undefined), wall('2024-01-05T09:24:16.050'));
	clock.clear();
	assert.equal(clock.now(polledAt, 'UTC'), polledAt);
});

test('an arrival\'s week year is mended before its idle time is added: idle since 31 December, read on 4 January (QA)', () => {
	const polledAt = Date.UTC(2025, 0, 4, 9, 0, 0);
	const clock = new StatementClock();
	// Tuesday 31 December 2024 is in week 1 of 2025: MaxScale writes it 2025-12-31.
	clock.add(wall('2025-12-31T22:00:00'), 83 * 3600, false);
	clock.add(wall('2025-12-31T23:00:00'), 82 * 3600, false);
	clock.add(wall('2025-01-04T08:59:00'), 60, true);
	assert.equal(clock.now(polledAt, 'UTC'), polledAt);
});

test('a list with nothing to tell the clock by (every statement running, 23.02+) keeps the clock the last list told (QA: 5h02m, then 2m00s)', () => {
	const memory: {aheadOfPollMs?: number} = {};
	const polledAt = Date.parse('2024-01-05T07:24:16Z');
	const told = new StatementClock();
	told.add(wall('2024-01-05T16:24:06'), 10, false);
	assert.equal(told.now(polledAt, undefined, memory), wall('2024-01-05T16:24:16'));
	assert.equal(memory.aheadOfPollMs, 9 * 3_600_000);
	// Two seconds later, only running statements (idle 0): nine hours ahead still, not the operator's zone.
	const silent = new StatementClock();
	silent.add(wall('2024-01-05T16:22:00'), 0, true);
	assert.equal(silent.now(polledAt + 2000, undefined, memory), wall('2024-01-05T16:24:18'));
	assert.equal(runSeconds(wall('2024-01-05T16:22:00'), silent.now(polledAt + 2000, undefined, memory)), 138);
});

test('the list\'s run times come from its own clock, whatever the operator\'s zone, and both readers agree', () => {
	const polledAt = Date.parse('2024-01-05T07:24:16Z');
	// MaxScale's host is at UTC+05:30; its sessions say so through received + idle.
	const body = JSON.stringify({data: [
		{id: '1', attributes: {idle: 10, queries: [{statement: 'COMMIT', received: '2024-01-05T12:54:06.000', completed: '2024-01-05T12:54:06.002'}]}},
		{id: '2', attributes: {idle: 0, queries: [{statement: 'SELECT SLEEP(90)', received: '2024-01-05T12:53:16.000'}]}},
		{id: '3', attributes: {idle: 4, queries: [{statement: 'SELECT 1', received: '2024-01-05T12:54:12.000', completed: '2024-01-05T12:54:12.001'}]}},
		{id: '4', attributes: {idle: 0, queries: [{statement: 'SELECT 2', received: 'soon'}]}},
		{id: '5', attributes: {idle: 30, queries: [{statement: 'UPDATE t SET a = 1', received: '2024-01-05T12:53:46.000'}]}},
		{id: '6', attributes: {idle: 1, queries: []}},
	]});
	const read = readSessionList(JSON.parse(body), polledAt);
	assert.ok(read.ok);
	const times = read.list.sessions.map((session) => [session.id, session.statementRunning, session.statementSeconds]);
	assert.deepEqual(times, [
		['1', false, undefined],
		['2', true, 60],
		['3', false, undefined],
		['4', true, undefined],
		// Before 23.02 a running statement's idle time is its run time: the clock agrees.
		['5', true, 30],
		['6', false, undefined],
	]);
	const stream = streamed(Buffer.from(body));
	assert.ok(stream.ok);
	assert.deepEqual(stream.sessions.map((session) => [session.id, session.statementRunning, session.statementSeconds]), times);
});
