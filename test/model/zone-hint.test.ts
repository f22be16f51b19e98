// Ages hours too long (a MaxScale before 23.02 west of the operator, its zone-less times read
// in the operator's zone): proven by sessions that opened since the last poll, and said once.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {zoneHint} from '../../source/model/zone-hint.js';
import {session} from '../helpers/sessions.js';
import {poll, start} from '../helpers/state.js';

test('the youngest new session far older than the gap since the last poll proves the zone wrong, by whole quarter hours', () => {
	// Tokyo (+09:00) reading a UTC MaxScale: nine hours too long.
	assert.equal(
		zoneHint('', (9 * 3600) + 1.5, 2, 540),
		'Ages read 9h too long: MaxScale writes its times in its own zone, UTC+00:00 by its new sessions, not this machine\'s; start sessiontop with --server-tz +00:00 (or that zone\'s name).',
	);
	// India (+05:30) reading a UTC MaxScale, several MaxScales watched.
	assert.match(zoneHint('mx2:8989', (5.5 * 3600) + 20, 30, 330) ?? '', /^Ages read 5h30m too long: MaxScale mx2:8989 .* UTC\+00:00 .* --server-tz \+00:00 /);
	// UTC operator, MaxScale in New York (-05:00): its wall time is behind, ages five hours too long.
	assert.match(zoneHint('', (5 * 3600) + 1, 2, 0) ?? '', /UTC-05:00 .* --server-tz -05:00 /);
});

test('nothing proves anything: right ages, skew, long gaps, no new session', () => {
	assert.equal(zoneHint('', 1.2, 2, 540), undefined, 'a session opened a second ago');
	assert.equal(zoneHint('', 50, 2, 540), undefined, 'a minute of clock skew');
	assert.equal(zoneHint('', 9 * 3600, 9 * 3600, 540), undefined, 'after an outage a new session may be that old');
	assert.equal(zoneHint('', undefined, 2, 540), undefined);
	assert.equal(zoneHint('', 9 * 3600, undefined, 540), undefined, "a MaxScale's first poll: nothing is new");
});

test('the monitor says it on the status line once, on the poll whose new sessions prove it', () => {
	const hour = 3600;
	const old = [session(1, {ageSeconds: 30 * hour}), session(2, {ageSeconds: 12 * hour})];
	let state = start(old);
	assert.equal(state.message, undefined);
	// Two seconds later: both older by two seconds, and a new one 9 hours and a second old.
	state = poll(state, [session(1, {ageSeconds: (30 * hour) + 2}), session(2, {ageSeconds: (12 * hour) + 2}), session(3, {ageSeconds: (9 * hour) + 1})]);
	assert.match(state.message?.text ?? '', /^Ages read \d+h(\d\dm)? too long: MaxScale writes its times in its own zone/);
	assert.equal(state.message?.tone, 'error');
	const said = state.message;
	state = poll(state, [session(3, {ageSeconds: (9 * hour) + 3}), session(4, {ageSeconds: (9 * hour) + 1})]);
	assert.equal(state.hosts['']?.zoneHinted, true);
	assert.equal(state.message, said, 'not said again');
});

test('new sessions of the right age say nothing', () => {
	let state = start([session(1, {ageSeconds: 100})]);
	state = poll(state, [session(1, {ageSeconds: 102}), session(2, {ageSeconds: 1})]);
	assert.equal(state.message, undefined);
});
