// --watch --json with several MaxScales, from the built CLI against simulators on loopback:
// one of them stopped, then started again on its port. The others' lines go on every
// interval while it is down (its sessions absent, its failure said once), it comes back on
// its own backoff, and every session carries the time its MaxScale answered (polledAt).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Simulator} from '../../source/simulator/index.js';
import {simulator, skipWithoutBuild, startCli} from './helpers.js';

type Record = {host: string; id: string; polledAt?: unknown; connectedAt?: unknown};
type Line = {at: number; records: Record[]};

const options = {skip: skipWithoutBuild, timeout: 30_000};

test('--watch --json, one MaxScale of two stopped and started again: the other\'s lines go on, each session with its poll\'s time', options, async (t) => {
	const up = await simulator();
	let down: Simulator = await simulator({sessions: 3, seed: 7});
	const [upHost, downHost] = [`127.0.0.1:${up.port}`, `127.0.0.1:${down.port}`];
	t.after(async () => {
		await Promise.all([up.close(), down.close()]);
	});
	const {child, done} = startCli(['-h', `${upHost},${downHost}`, '--watch', '--json', '--interval', '500ms'], {timeoutMs: 25_000});
	const lines: Line[] = [];
	let partial = '';
	const waiters: Array<() => void> = [];
	child.stdout!.on('data', (chunk: string) => {
		partial += chunk;
		for (let end = partial.indexOf('\n'); end !== -1; end = partial.indexOf('\n')) {
			lines.push({at: Date.now(), records: JSON.parse(partial.slice(0, end)) as Record[]});
			partial = partial.slice(end + 1);
		}

		for (const wake of waiters.splice(0)) {
			wake();
		}
	});
	/** Resolves once `ok` holds of the lines so far, within `ms`; rejects, with the lines, after. */
	const until = async (what: string, ok: () => boolean, ms: number) => {
		const deadline = Date.now() + ms;
		while (!ok()) {
			if (Date.now() > deadline) {
				throw new Error(`${what}: not in ${ms} ms; lines' hosts: ${lines.map((line) => [...new Set(line.records.map((record) => record.host))].join('+')).join(', ')}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise<void>((resolve) => {
				waiters.push(resolve);
				setTimeout(resolve, 100);
			});
		}
	};

	const hostsOf = (line: Line) => [...new Set(line.records.map((record) => record.host))];
	const both = (line: Line) => hostsOf(line).length === 2;
	await until('two lines of both', () => lines.filter(both).length >= 2, 8000);

	await down.close();
	const stoppedAt = lines.length;
	// Before the fix, no line at all until the stopped MaxScale answered again.
	await until('three lines of the other one alone', () => lines.slice(stoppedAt).filter((line) => !both(line)).length >= 3, 4000);
	const alone = lines.slice(stoppedAt).filter((line) => !both(line));
	for (const line of alone) {
		assert.deepEqual(hostsOf(line), [upHost], 'the stopped one\'s sessions absent');
		assert.equal(line.records.length, 6, 'the other\'s sessions, every one of them');
	}

	down = await simulator({sessions: 3, seed: 7, port: down.port});
	const restartedAt = lines.length;
	await until('a line of both again', () => lines.slice(restartedAt).some(both), 7000);
	child.kill('SIGTERM');
	const run = await done;
	assert.equal(run.code, 0, run.stderr);
	const said = run.stderr.trimEnd().split('\n');
	assert.equal(said.length, 2, run.stderr);
	assert.match(said[0]!, /^sessiontop: \d\d:\d\d:\d\d 127\.0\.0\.1:\d+ /);
	assert.ok(said[0]!.includes(downHost) && !said[0]!.includes(upHost), said[0]);
	assert.match(said[1]!, new RegExp(`^sessiontop: \\d\\d:\\d\\d:\\d\\d the sessions of ${downHost.replaceAll('.', '\\.')} are read again, after \\d+ failed polls?\\.$`));

	// polledAt: epoch ms, as connectedAt is; one per MaxScale per line, at most the line's
	// arrival, never going back; each line's time is what the capture lacked.
	const last = new Map<string, number>();
	for (const line of lines) {
		const times = new Map<string, number>();
		for (const record of line.records) {
			assert.equal(typeof record.polledAt, 'number', JSON.stringify(record));
			assert.equal(typeof record.connectedAt, 'number', 'the same kind of time');
			const polledAt = record.polledAt as number;
			assert.equal(times.get(record.host) ?? polledAt, polledAt, 'one time per MaxScale per line');
			times.set(record.host, polledAt);
			assert.ok(polledAt <= line.at && polledAt > line.at - 5000, `${polledAt} read, ${line.at} arrived`);
			assert.ok(polledAt > (last.get(record.host) ?? 0), 'a later poll, a later time');
		}

		for (const [host, polledAt] of times) {
			last.set(host, polledAt);
		}
	}

	// Each key added at the end: a consumer of the array of sessions reads what it read.
	assert.deepEqual(Object.keys(lines[0]!.records[0]!).slice(-3), ['thread', 'servers', 'polledAt']);
});

test('--json prints no polledAt: a single print is read when it runs, and two of an unchanged MaxScale are the same bytes', options, async (t) => {
	const sim = await simulator();
	t.after(async () => sim.close());
	const {done} = startCli(['-h', `127.0.0.1:${sim.port}`, '--json']);
	const [first, second] = [await done, await startCli(['-h', `127.0.0.1:${sim.port}`, '--json']).done];
	assert.equal(first.code, 0, first.stderr);
	assert.equal(first.stdout, second.stdout);
	assert.ok(!first.stdout.includes('polledAt'), first.stdout);
});
