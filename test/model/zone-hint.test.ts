// Ages hours too long (a MaxScale before 23.02 west of the operator, its zone-less times read
// in the operator's zone): proven by sessions that opened since the last poll, taken off from
// then on, and said once.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {provenShift, uptimeHint, uptimeShift, zoneHint} from '../../source/model/zone-hint.js';
import {session} from '../helpers/sessions.js';
import {initialState} from '../../source/model/monitor-state.js';
import type {Session} from '../../source/model/session.js';
import {poll, run, start} from '../helpers/state.js';

test("QA: this machine's clock stepped back between two polls proves nothing about MaxScale's zone", () => {
	// An hour back: the gap reads -3598 s, and new sessions' ages (clamped at 0) read far older than it.
	assert.equal(provenShift(0, -3598), undefined);
	assert.equal(provenShift(40, -20), undefined);
	assert.equal(provenShift(3600, 0), undefined);
	// Forward by up to ten minutes: the new sessions read that much older, and the gap says as much.
	assert.equal(provenShift(300 + 1, 302), undefined);
	assert.equal(provenShift(540 + 1, 542), undefined);
});

test('the youngest new session far older than the gap since the last poll proves the zone wrong, by whole quarter hours', () => {
	// Tokyo (+09:00) reading a UTC MaxScale: nine hours too long.
	assert.equal(provenShift((9 * 3600) + 1.5, 2), 9 * 3600);
	assert.equal(
		zoneHint('', 9 * 3600, 540),
		'Ages read 9h too long: MaxScale writes its times in its own zone, UTC+00:00 by its new sessions; corrected from now on (--server-tz=+00:00 from the start).',
	);
	// India (+05:30) reading a UTC MaxScale, several MaxScales watched.
	assert.equal(provenShift((5.5 * 3600) + 20, 30), 5.5 * 3600);
	assert.match(zoneHint('mx2:8989', 5.5 * 3600, 330), /^Ages read 5h30m too long: MaxScale mx2:8989 .* UTC\+00:00 .*\(--server-tz=\+00:00 from/);
	// UTC operator, MaxScale in New York (-05:00): its wall time is behind, ages five hours too long.
	assert.match(zoneHint('', provenShift((5 * 3600) + 1, 2)!, 0), /UTC-05:00 .*\(--server-tz=-05:00 from/);
	// Half an hour left by the list reader's whole-hour correction of a zone east on a half hour
	// (Kolkata, +05:30, read in UTC): no zone is named, none it could name would be right.
	const half = zoneHint('', provenShift(1800 + 1, 2)!, 0);
	assert.match(half, /^Ages read 30m too long: MaxScale writes its times a fraction of an hour from this machine's zone/);
	assert.doesNotMatch(half, /UTC[+-]/);
});

test('QA: no zone west of UTC-12:00 is proven: new sessions days old are wrong some other way', () => {
	// A UTC operator: a new session 12 hours old could be a MaxScale at UTC-12:00; 13 hours, none.
	assert.equal(provenShift((12 * 3600) + 1, 2, 0), 12 * 3600);
	assert.equal(provenShift((13 * 3600) + 1, 2, 0), undefined);
	// Tokyo (+09:00): up to 21 hours behind it is a zone.
	assert.equal(provenShift((21 * 3600) + 1, 2, 540), 21 * 3600);
	assert.equal(provenShift(1060 * 86_400, 2, 540), undefined, 'QA: "UTC-25459:45"');
});

test('QA: a MaxScale from 23.02 writes its times in GMT: its new sessions prove no zone, and no age moves', () => {
	const hour = 3600;
	const polled = (sessions: Session[], at: number) => ({type: 'poll-ok' as const, sessions, at, latencyMs: 3, bytes: 1});
	const info = (version: string) => ({type: 'server-info' as const, info: {version, uptimeSeconds: 100_000, askedAt: 1_000_000}});
	for (const [version, moved] of [['24.02.1', false], ['23.02.11', false], ['22.08.14', true]] as const) {
		const state = run(
			initialState(),
			info(version),
			polled([session(1, {ageSeconds: 24 * hour})], 1_000_000),
			polled([session(1, {ageSeconds: (24 * hour) + 2}), session(2, {ageSeconds: (3 * hour) + 1})], 1_002_000),
		);
		assert.equal(state.byId.get('2')?.ageSeconds, moved ? 1 : (3 * hour) + 1, version);
		assert.equal(/^Ages read/.test(state.message?.text ?? ''), moved, `${version}: ${state.message?.text}`);
	}
});

test('nothing proves anything: right ages, skew, long gaps, no new session', () => {
	assert.equal(provenShift(1.2, 2), undefined, 'a session opened a second ago');
	assert.equal(provenShift(50, 2), undefined, 'a minute of clock skew');
	assert.equal(provenShift(9 * 3600, 9 * 3600), undefined, 'after an outage a new session may be that old');
	assert.equal(provenShift(undefined, 2), undefined);
	assert.equal(provenShift(9 * 3600, undefined), undefined, "a MaxScale's first poll: nothing is new");
});

test('the monitor takes the proven hours off that MaxScale\'s ages from the poll that proves it on, and says it once', () => {
	const hour = 3600;
	const old = [session(1, {ageSeconds: 30 * hour, connectedAt: 1_000_000}), session(2, {ageSeconds: 12 * hour})];
	let state = start(old);
	assert.equal(state.message, undefined);
	// Two seconds later: both older by two seconds, and a new one 9 hours and a second old.
	state = poll(state, [session(1, {ageSeconds: (30 * hour) + 2, connectedAt: 1_000_000}), session(2, {ageSeconds: (12 * hour) + 2}), session(3, {ageSeconds: (9 * hour) + 1})]);
	assert.match(state.message?.text ?? '', /^Ages read 9h too long: MaxScale writes its times in its own zone, .*; corrected from now on/);
	const ages = () => Object.fromEntries(state.sessions.map((each) => [each.id, each.ageSeconds]));
	// On screen, sorted and filtered by, at once: the new session a second old, the others nine hours younger.
	assert.deepEqual(ages(), {1: (21 * hour) + 2, 2: (3 * hour) + 2, 3: 1});
	assert.equal(state.byId.get('1')?.connectedAt, 1_000_000 + (9 * hour * 1000));
	assert.equal(state.hosts['']?.ageShift, 9 * hour);
	const said = state.message;
	// And at every poll after it; not said again.
	state = poll(state, [session(3, {ageSeconds: (9 * hour) + 3}), session(4, {ageSeconds: (9 * hour) + 1})]);
	assert.deepEqual(ages(), {3: 3, 4: 1});
	assert.equal(state.message, said, 'not said again');
});

test('with several MaxScales, only the one whose ages were proven wrong is shifted', () => {
	const hour = 3600;
	const polled = (host: string, sessions: Session[], at: number) => ({type: 'poll-ok' as const, host, sessions, at, latencyMs: 3, bytes: 1});
	let state = run(
		initialState({hosts: ['mx1', 'mx2']}),
		polled('mx1', [session(1, {host: 'mx1', key: 'mx1#1', ageSeconds: 10 * hour})], 1_000_000),
		polled('mx2', [session(7, {host: 'mx2', key: 'mx2#7', ageSeconds: 10 * hour})], 1_000_500),
		polled('mx1', [session(1, {host: 'mx1', key: 'mx1#1', ageSeconds: (10 * hour) + 2}), session(2, {host: 'mx1', key: 'mx1#2', ageSeconds: (5 * hour) + 1})], 1_002_000),
	);
	assert.match(state.message?.text ?? '', /^Ages read 5h too long: MaxScale mx1 /);
	assert.deepEqual(Object.fromEntries(state.sessions.map((each) => [each.key, each.ageSeconds])), {'mx1#1': (5 * hour) + 2, 'mx1#2': 1, 'mx2#7': 10 * hour});
});

test('new sessions of the right age say nothing', () => {
	let state = start([session(1, {ageSeconds: 100})]);
	state = poll(state, [session(1, {ageSeconds: 102}), session(2, {ageSeconds: 1})]);
	assert.equal(state.message, undefined);
});

test('QA: the oldest session past MaxScale\'s uptime proves the ages too long at the first poll, by no more than the truth', () => {
	const hour = 3600;
	// Los Angeles (-08:00) read in UTC; the oldest session connected with MaxScale: exactly.
	assert.equal(uptimeShift((8 * hour) + 1000, 1000), 8 * hour);
	// It connected four minutes after MaxScale started: still exact.
	assert.equal(uptimeShift((8 * hour) + 1000 - 240, 1000), 8 * hour);
	// Twenty minutes after: half an hour short, never over.
	assert.equal(uptimeShift((8 * hour) + 1000 - 1200, 1000), 7.5 * hour);
	// A clock minutes behind, or no age past the uptime: nothing.
	assert.equal(uptimeShift(1000 + 540, 1000), undefined);
	assert.equal(uptimeShift(500, 1000), undefined);
	assert.equal(uptimeShift(undefined, 1000), undefined);
	assert.equal(uptimeShift(9 * hour, undefined), undefined);
	// Nothing west of UTC-12:00.
	assert.equal(uptimeShift(13 * hour, 10, 0), undefined);
	assert.equal(
		uptimeHint('', 8 * hour, 0),
		'Ages read 8h too long: MaxScale writes its times in its own zone, UTC-08:00 or west, by its uptime; corrected (--server-tz=-08:00 makes them exact).',
	);
	assert.match(uptimeHint('mx2', 1800, 330), /^Ages read 30m too long: MaxScale mx2 writes its times a fraction of an hour from this machine's zone, by its uptime/);
});

test('the monitor shifts a quiet MaxScale\'s ages by its uptime at its first poll, and by its new sessions if they prove more', () => {
	const hour = 3600;
	const at = 1_000_000_000;
	const polled = (sessions: Session[], when: number) => ({type: 'poll-ok' as const, sessions, at: when, latencyMs: 3, bytes: 1});
	const info = (version: string) => ({type: 'server-info' as const, info: {version, uptimeSeconds: 12 * hour, askedAt: at - 1000}});
	// Eight hours and a quarter west, up twelve hours (and the second since it was asked); its
	// oldest session connected a quarter hour after it started, and reads twenty hours old: the
	// uptime proves eight hours.
	const quiet = [session(1, {ageSeconds: (20 * hour) + 1}), session(2, {ageSeconds: 9 * hour})];
	let state = run(initialState(), info('22.08.14'), polled(quiet, at));
	assert.deepEqual(state.sessions.map((each) => each.ageSeconds), [(12 * hour) + 1, hour]);
	assert.match(state.message?.text ?? '', /^Ages read 8h too long: MaxScale writes its times in its own zone, UTC[+-]\d\d:\d\d or west, by its uptime/);
	// The next poll proves nothing more: not said again.
	const said = state.message;
	state = poll(state, [session(1, {ageSeconds: (20 * hour) + 3}), session(2, {ageSeconds: (9 * hour) + 2})], at + 2000);
	assert.equal(state.message, said);
	// A new session a second old reads a quarter hour older still: said with MaxScale's exact zone.
	state = poll(state, [session(1, {ageSeconds: (20 * hour) + 5}), session(3, {ageSeconds: (8.25 * hour) + 1})], at + 4000);
	assert.equal(state.hosts['']?.ageShift, 8.25 * hour);
	assert.deepEqual(state.sessions.map((each) => each.ageSeconds), [(11.75 * hour) + 5, 1]);
	assert.match(state.message?.text ?? '', /^Ages read 8h15m too long: .* by its new sessions; corrected from now on/);
	// From 23.02 (GMT) nothing moves; nor without an uptime.
	for (const version of ['23.02.1', '24.02.3']) {
		assert.equal(run(initialState(), info(version), polled(quiet, at)).message, undefined, version);
	}

	assert.equal(run(initialState(), polled(quiet, at)).message, undefined, 'no uptime known');
});
