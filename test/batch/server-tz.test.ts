// Ages from a 22.08 MaxScale (zone-less `connected`, in the MaxScale host's local time)
// seen from an operator in another zone: the built CLI, a child process with its own TZ,
// against a simulator writing its times in this process's zone.

import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import type {Simulator} from '../../source/simulator/index.js';
import {runCli, simulator, skipWithoutBuild} from './helpers.js';

let sim: Simulator;
let host: string;
/** This process's zone: the simulated MaxScale's. */
const serverZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

before(async () => {
	// The real clock: the CLI takes ages against its own.
	sim = await simulator({apiVersion: '22.08', sessions: 40, seed: 5, now: Date.now});
	host = `127.0.0.1:${sim.port}`;
});

after(async () => {
	await sim.close();
});

const options = {skip: skipWithoutBuild};

async function ages(env: Record<string, string>, args: string[] = [], said?: RegExp): Promise<Map<string, number>> {
	const run = await runCli(['-h', host, '--json', ...args], {env});
	assert.equal(run.code, 0, run.stderr);
	if (said !== undefined) {
		assert.match(run.stderr, said);
	}

	const sessions = JSON.parse(run.stdout) as Array<{id: string; ageSeconds: number}>;
	return new Map(sessions.map((session) => [session.id, session.ageSeconds]));
}

function assertClose(actual: Map<string, number>, expected: Map<string, number>, note: string): void {
	assert.equal(actual.size, expected.size);
	for (const [id, age] of expected) {
		// Two runs, a moment apart.
		assert.ok(Math.abs(actual.get(id)! - age) < 5, `${note}: session ${id} is ${actual.get(id)} s old, not ${age}`);
	}
}

// The ages are found to the hour: MaxScale's zone (this process's) must be a whole number of hours from UTC.
const wholeHours = new Date().getTimezoneOffset() % 60 === 0;

test('an operator west of MaxScale gets the true ages, found from the idle times', {skip: skipWithoutBuild || !wholeHours}, async () => {
	const truth = await ages({TZ: serverZone});
	assert.ok([...truth.values()].some((age) => age > 60), 'the list has sessions of some age');
	// UTC-12: every zone but its own is east of it, so the ages read there come out short.
	assertClose(await ages({TZ: 'Etc/GMT+12'}), truth, 'from UTC-12');
});

test('--server-tz names the zone: the true ages from an operator east of MaxScale too', options, async () => {
	const truth = await ages({TZ: serverZone});
	// UTC+14: ages read there in its own zone come out too long, which idle times cannot show;
	// MaxScale's uptime proves at least part of it (batch/uptime-zone.ts), and it is said.
	if (new Date().getTimezoneOffset() !== -14 * 60) {
		await ages({TZ: 'Etc/GMT-14'}, [], /Ages read \d+h(?:\d\dm)? too long: .* by its uptime; corrected \(--server-tz=/);
	}

	assertClose(await ages({TZ: 'Etc/GMT-14'}, ['--server-tz', serverZone]), truth, 'from UTC+14 with --server-tz');
	assertClose(await ages({TZ: 'Etc/GMT-14', SESSIONTOP_SERVER_TZ: serverZone}), truth, 'from UTC+14 with SESSIONTOP_SERVER_TZ');
});
