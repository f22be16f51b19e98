// A single print (--once, --json) and --watch --json against a MaxScale before 23.02 west of
// the operator: its uptime, asked beside the list, proves its ages hours too long from the
// first list (uptime-zone.ts), as the screen's first poll does. Pure first, then the built
// CLI, its zone hours east of the simulator's (which writes `connected` in this process's
// local time, as MaxScale 22.08 does).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {SessionRecord} from '../../source/batch/json-records.js';
import {watchZone, type ZoneWatch} from '../../source/batch/watch-zone.js';
import {provenByUptime} from '../../source/model/zone-hint.js';
import {runCli, simulator, skipWithoutBuild} from './helpers.js';

const hour = 3600;
const at = Date.UTC(2026, 11, 1, 12);
const server = (version: string, uptimeSeconds: number) => ({version, uptimeSeconds, askedAt: at});
const record = (id: string, ageSeconds: number): SessionRecord => ({host: 'mx', id, ageSeconds, connectedAt: at - (ageSeconds * 1000)});

test('the uptime proves a shift only before 23.02, only past ten minutes of a clock behind, and never past UTC-12:00', () => {
	// The oldest session connected an hour after MaxScale started, read 4h30m too long: 3h30m of it is proven.
	const aged = (...ages: Array<number | undefined>) => ages.map((ageSeconds) => ({ageSeconds}));
	assert.equal(provenByUptime(server('22.08.5', 10 * hour), aged(9.5 * hour, (9 * hour) + (4.5 * hour), 100, undefined), at), 3.5 * hour);
	assert.equal(provenByUptime(server('23.02.1', 10 * hour), aged(20 * hour), at), undefined, '23.02 writes GMT');
	assert.equal(provenByUptime(server('2.5.29', 10 * hour), aged((10 * hour) + 500), at), undefined, 'a clock minutes behind');
	assert.equal(provenByUptime(undefined, aged(20 * hour), at), undefined, 'not asked, or no answer');
	assert.equal(provenByUptime(server('22.08.5', hour), aged(400 * hour), at), undefined, 'west of UTC-12:00 is wrong some other way');
});

test('--watch --json: the uptime puts the first poll right, new sessions the rest later, each said', () => {
	const zone: ZoneWatch = {server: server('22.08.5', 10 * hour), asked: true};
	// MaxScale 5h30m west; its oldest session connected an hour after it started.
	const first = [record('1', (9 * hour) + (5.5 * hour)), record('2', (2 * hour) + (5.5 * hour))];
	assert.match(watchZone(zone, first, at, 'mx:8989') ?? '', /^Ages read 4h30m too long: MaxScale mx:8989 writes its times in its own zone, UTC[+-]\d\d:\d\d or west, by its uptime/);
	assert.deepEqual(first.map((each) => each.ageSeconds), [10 * hour, 3 * hour]);
	// A session new since then, a second old, reads an hour: the rest, said with the whole.
	const second = [record('1', (9 * hour) + (5.5 * hour) + 2), record('3', hour + 1)];
	second[1]!.ageSeconds = (5.5 * hour) + 1;
	assert.match(watchZone(zone, second, at + 2000, 'mx:8989') ?? '', /^Ages read 5h30m too long: .* by its new sessions/);
	assert.deepEqual(second.map((each) => each.ageSeconds), [(9 * hour) + 2, 1]);
	const third = [record('3', (5.5 * hour) + 3)];
	assert.equal(watchZone(zone, third, at + 4000, 'mx:8989'), undefined, 'proven: nothing more to say');
	assert.deepEqual(third.map((each) => each.ageSeconds), [3]);
});

// The CLI's zone a few whole hours east of this process's (Etc/GMT-N is UTC+N).
const localHours = -new Date().getTimezoneOffset() / 60;
const cliHours = Math.min(14, Math.floor(localHours) + 5);
const skipZone = skipWithoutBuild || (cliHours - localHours < 1 ? 'no zone far enough east of this one' : false);

test('--once and --json a few hours east of a 22.08 MaxScale: its uptime puts the ages right from the one list, said on stderr', {skip: skipZone, timeout: 30_000}, async (t) => {
	const sim = await simulator({apiVersion: '22.08', sessions: 20, now: Date.now});
	t.after(async () => sim.close());
	const answer = await fetch(`${sim.url}/v1/maxscale`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}});
	const {uptime} = ((await answer.json()) as {data: {attributes: {uptime: number}}}).data.attributes;
	const env = {TZ: `Etc/GMT-${cliHours}`};
	const [json, table, tsv] = await Promise.all([
		runCli(['-h', `127.0.0.1:${sim.port}`, '--json'], {env}),
		runCli(['-h', `127.0.0.1:${sim.port}`, '--once', '--sort=-age'], {env}),
		runCli(['-h', `127.0.0.1:${sim.port}`, '--tsv'], {env}),
	]);
	assert.equal(json.code, 0, json.stderr);
	const ages = (JSON.parse(json.stdout) as SessionRecord[]).map((each) => each.ageSeconds!);
	assert.ok(Math.max(...ages) <= uptime + 60, `no session older than MaxScale (up ${uptime} s): ${Math.max(...ages)}`);
	assert.ok(Math.max(...ages) > uptime - (15 * 60), `the oldest put right, not further: ${Math.max(...ages)}`);
	assert.match(json.stderr, /^sessiontop: warning: Ages read \d+h(?:\d\dm)? too long: MaxScale 127\.0\.0\.1:\d+ writes its times in its own zone, UTC[+-]\d\d:\d\d or west, by its uptime; corrected/);
	assert.equal(table.code, 0, table.stderr);
	assert.match(table.stderr, /Ages read \d+h(?:\d\dm)? too long: .* by its uptime/);
	// The oldest row's age (days and hours) is the uptime's, not five hours more.
	const oldest = table.stdout.split('\n')[1] ?? '';
	const [, days = '', hours = ''] = /(\d+)d(\d\d)h/.exec(oldest) ?? [];
	const shown = (Number(days) * 86_400) + (Number(hours) * 3600);
	assert.ok(shown <= uptime && shown > uptime - (2 * 3600), `${oldest} (up ${uptime} s)`);
	// --tsv prints `connected` as MaxScale wrote it, and no age: nothing to prove, nothing asked.
	assert.equal(tsv.stderr, '');
});
