// --watch --json against a MaxScale before 23.02 in a zone west of the operator's: the ages its
// new sessions prove hours too long are put right from that poll on, and stderr says it once,
// as the screen does. Pure first (watch-zone.ts), then the built CLI, its zone hours east of the
// simulator's (which writes `connected` in this process's local time, as MaxScale 22.08 does).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {watchZone, type ZoneWatch} from '../../source/batch/watch-zone.js';
import type {SessionRecord} from '../../source/batch/json-records.js';
import {simulator, skipWithoutBuild, startCli} from './helpers.js';

const hour = 3600;
const record = (id: string, ageSeconds: number): SessionRecord => ({host: 'mx', id, ageSeconds, connectedAt: 1_000_000});

test('a session new since the last poll that reads hours old proves the shift: said once, and every record put right from then on', () => {
	const zone: ZoneWatch = {};
	assert.equal(watchZone(zone, [record('1', 30 * hour), record('2', 12 * hour)], 1_000_000, 'mx:8989'), undefined, 'a first poll proves nothing');
	const second = [record('1', (30 * hour) + 2), record('2', (12 * hour) + 2), record('3', (5 * hour) + 1)];
	assert.match(watchZone(zone, second, 1_002_000, 'mx:8989') ?? '', /^Ages read 5h too long: MaxScale mx:8989 writes its times in its own zone/);
	assert.deepEqual(second.map((each) => each.ageSeconds), [(25 * hour) + 2, (7 * hour) + 2, 1]);
	assert.equal(second[0]!.connectedAt, 1_000_000 + (5 * hour * 1000));
	const third = [record('3', (5 * hour) + 3), record('4', (5 * hour) + 1)];
	assert.equal(watchZone(zone, third, 1_004_000, 'mx:8989'), undefined, 'said once');
	assert.deepEqual(third.map((each) => each.ageSeconds), [3, 1]);
	// Right ages say nothing and change nothing.
	const right: ZoneWatch = {};
	watchZone(right, [record('1', 100)], 0, 'mx');
	const next = [record('1', 102), record('2', 1)];
	assert.equal(watchZone(right, next, 2000, 'mx'), undefined);
	assert.deepEqual(next.map((each) => each.ageSeconds), [102, 1]);
});

// The CLI's zone a few whole hours east of this process's (Etc/GMT-N is UTC+N).
const localHours = -new Date().getTimezoneOffset() / 60;
const cliHours = Math.min(14, Math.floor(localHours) + 5);
const skipZone = skipWithoutBuild || (cliHours - localHours < 1 ? 'no zone far enough east of this one' : false);

test('--watch --json: the CLI a few hours east of a 22.08 MaxScale puts its ages right, by its uptime from the first line or once a new session proves it, and says so on stderr', {skip: skipZone, timeout: 30_000}, async (t) => {
	const sim = await simulator({apiVersion: '22.08', churn: 6, sessions: 20, now: Date.now});
	t.after(async () => sim.close());
	const {child, done} = startCli(['-h', `127.0.0.1:${sim.port}`, '--watch', '--json', '--interval', '500ms'], {env: {TZ: `Etc/GMT-${cliHours}`}, timeoutMs: 25_000});
	const youngest: number[] = [];
	let partial = '';
	child.stdout!.on('data', (chunk: string) => {
		partial += chunk;
		for (let end = partial.indexOf('\n'); end !== -1; end = partial.indexOf('\n')) {
			const records = JSON.parse(partial.slice(0, end)) as SessionRecord[];
			youngest.push(Math.min(...records.map((each) => each.ageSeconds ?? Number.POSITIVE_INFINITY)));
			partial = partial.slice(end + 1);
		}
	});
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline && !(youngest.length > 3 && youngest.at(-1)! < 600)) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 200);
		});
	}

	child.kill('SIGTERM');
	const run = await done;
	// Its uptime proves the shift from the first line when its oldest session connected soon
	// after it started (as drawn, and as the churn's timing leaves it); else new sessions do.
	const byUptime = /too long: .* by its uptime/.test(run.stderr);
	assert.ok(byUptime ? youngest[0]! < 600 : youngest[0]! > 3000, `the first line's ages (${byUptime ? 'right' : 'hours too long'}): ${youngest.join(', ')}`);
	assert.ok(youngest.at(-1)! < 600, `then put right: ${youngest.join(', ')}`);
	// Said once, or twice when new sessions prove more than the uptime did.
	const said = run.stderr.match(/Ages read \d+h(?:\d\dm)? too long/g)?.length ?? 0;
	assert.ok(said === 1 || (byUptime && said === 2 && /by its new sessions/.test(run.stderr)), run.stderr);
	assert.equal(run.code, 0, run.stderr);
});

// The CLI's zone a few whole hours west of this process's (Etc/GMT+N is UTC-N): MaxScale is east of it.
const westHours = Math.max(-12, Math.ceil(localHours) - 5);
const skipWest = skipWithoutBuild || (localHours - westHours < 1 ? 'no zone far enough west of this one' : false);

test('--watch --json: the CLI a few hours west of a 22.08 MaxScale moves its ages by what idle times prove, says so once, and never moves them back', {skip: skipWest, timeout: 30_000}, async (t) => {
	const sim = await simulator({apiVersion: '22.08', churn: 6, sessions: 20, now: Date.now});
	t.after(async () => sim.close());
	const {child, done} = startCli(['-h', `127.0.0.1:${sim.port}`, '--watch', '--json', '--interval', '500ms'], {env: {TZ: `Etc/GMT+${-westHours}`.replace('+-', '-')}, timeoutMs: 25_000});
	const lines: SessionRecord[][] = [];
	let partial = '';
	child.stdout!.on('data', (chunk: string) => {
		partial += chunk;
		for (let end = partial.indexOf('\n'); end !== -1; end = partial.indexOf('\n')) {
			lines.push(JSON.parse(partial.slice(0, end)) as SessionRecord[]);
			partial = partial.slice(end + 1);
		}
	});
	await new Promise((resolve) => {
		setTimeout(resolve, 4000);
	});
	child.kill('SIGTERM');
	const run = await done;
	assert.ok(lines.length > 4, `${lines.length} lines`);
	// Every line: no age shorter than its idle time, beyond a clock's skew.
	for (const records of lines) {
		for (const each of records) {
			assert.ok(each.ageSeconds! >= each.idleSeconds! - 60, `${each.id}: age ${each.ageSeconds}, idle ${each.idleSeconds}`);
		}
	}

	// A session's connection time is the same in every line it is in.
	const connected = new Map<string, number>();
	for (const each of lines.flat()) {
		const before = connected.get(each.id!);
		assert.ok(before === undefined || Math.abs(before - each.connectedAt!) < 2000, `${each.id}: ${before} then ${each.connectedAt}`);
		connected.set(each.id!, each.connectedAt!);
	}

	assert.equal(run.stderr.match(/Ages read \d+h(?:\d\dm)? too short/g)?.length, 1, run.stderr);
	assert.equal(run.code, 0, run.stderr);
});
