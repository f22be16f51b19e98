// Batch output's edges, from the built CLI as a child process: stdout that cannot be
// written (a full disk: exit 1; a reader that went away: exit 0, silent), a reader that
// falls behind --watch --json (no poll until the last line is written), several
// MaxScales failing at once (one line each), and --json against hostile strings.

import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {closeSync, existsSync, openSync, rmSync} from 'node:fs';
import process from 'node:process';
import {after, before, test} from 'node:test';
import type {Simulator} from '../../source/simulator/index.js';
import {closedPort, startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {cleanEnv, cliPath, runCli, simulator, skipWithoutBuild, type Run} from './helpers.js';
import {hostileList, unsafeInJson} from './hostile-list.js';
import {tempFolderSync} from '../helpers/temp-folder.js';

let sim: Simulator;
let host: string;
let hostile: FaultServer;
before(async () => {
	sim = await simulator();
	host = `127.0.0.1:${sim.port}`;
	hostile = await startFaultServer({sessions: hostileList});
});
after(async () => {
	await Promise.all([sim.close(), hostile.close()]);
});

const options = {skip: skipWithoutBuild};

/** The built CLI with stdout where the test says: a file descriptor, or a pipe (returned, unread). */
function spawnCli(args: string[], stdout: number | 'pipe'): {child: ChildProcess; done: Promise<Run>} {
	const home = tempFolderSync('sessiontop-home-');
	const child = spawn(process.execPath, [cliPath, ...args], {env: cleanEnv({HOME: home}), stdio: ['ignore', stdout, 'pipe']});
	let stderr = '';
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
	const done = new Promise<Run>((resolve) => {
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			rmSync(home, {recursive: true, force: true});
			resolve({code, signal, stdout: '', stderr});
		});
	});
	return {child, done};
}


const modes = [['--tsv'], ['--json'], ['--once'], ['--watch', '--json', '--interval', '500ms'], ['--help'], ['--version'], ['simulate', '--help']];

test('stdout on a full disk (/dev/full): one sentence and exit 1, in every mode', {skip: skipWithoutBuild || (existsSync('/dev/full') ? false : 'no /dev/full')}, async () => {
	const runs = await Promise.all(
		modes.map(async (mode) => {
			const full = openSync('/dev/full', 'w');
			try {
				return await spawnCli(['-h', host, ...mode], full).done;
			} finally {
				closeSync(full);
			}
		}),
	);
	for (const [index, run] of runs.entries()) {
		assert.equal(run.code, 1, `${modes[index]!.join(' ')}: ${run.stderr}`);
		assert.equal(run.stderr, 'sessiontop: cannot write the output (ENOSPC).\n', modes[index]!.join(' '));
	}
});

test('a reader that went away (EPIPE, as after `| head -1`): exit 0 and nothing said, in every mode', options, async () => {
	const runs = await Promise.all(
		modes.map(async (mode) => {
			const {child, done} = spawnCli(['-h', host, ...mode], 'pipe');
			// The read end closed before the CLI writes anything.
			child.stdout!.destroy();
			return done;
		}),
	);
	for (const [index, run] of runs.entries()) {
		assert.equal(run.code, 0, `${modes[index]!.join(' ')}: ${run.stderr}`);
		assert.equal(run.stderr, '', modes[index]!.join(' '));
	}
});

test('--watch --json with a reader that falls behind: no poll while the last line is unwritten, then it goes on', options, async (t) => {
	// ~900 KB a line: far more than a pipe holds (64 KiB) and what the parent reads ahead.
	let lists = 0;
	const big = await simulator({sessions: 3000, onRequest(_method, url) {
		if (url.startsWith('/v1/sessions')) {
			lists++;
		}
	}});
	t.after(async () => big.close());
	const {child, done} = spawnCli(['-h', `127.0.0.1:${big.port}`, '--watch', '--json', '--interval', '500ms'], 'pipe');
	child.stdout!.pause();
	// Eight intervals without reading: without backpressure, a poll each.
	await new Promise((resolve) => {
		setTimeout(resolve, 4000);
	});
	const whileStuck = lists;
	let seen = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
		seen += chunk;
	});
	child.stdout!.resume();
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`no three lines once read: ${lists} polls`));
		}, 15_000);
		const check = setInterval(() => {
			if (seen.split('\n').length > 3) {
				clearTimeout(timer);
				clearInterval(check);
				resolve();
			}
		}, 50);
	});
	child.kill('SIGTERM');
	const run = await done;
	assert.equal(whileStuck, 1, `polls while the reader read nothing: ${whileStuck}`);
	assert.equal(run.code, 0, run.stderr);
	const lines = seen.split('\n').slice(0, 3);
	for (const line of lines) {
		assert.equal((JSON.parse(line) as unknown[]).length, 3000);
	}
});

test('several MaxScales failing: one line each, in -h order, exit 1 and nothing on stdout', options, async (t) => {
	const [first, second] = [`127.0.0.1:${await closedPort()}`, `127.0.0.1:${await closedPort()}`];
	// One that never answers, before one that refuses: both are said, the refusal not hidden behind the timeout.
	const hang = await startFaultServer();
	t.after(async () => hang.close());
	hang.set({kind: 'slow-headers'});
	const refused = (port: string) => new RegExp(`^sessiontop: ${port.replaceAll('.', '\\.')} refused the connection`);
	const cases: Array<[string[], RegExp[]]> = [
		[['-h', `${first},${second}`, '--tsv'], [refused(first), refused(second)]],
		[['-h', `${second},${host},${first}`, '--json'], [refused(second), refused(first)]],
		[['-h', `${first},${second}`, '--once'], [refused(first), refused(second)]],
		[['-h', `${hang.label},${first}`, '-t', '1s', '--json'], [/^sessiontop: 127\.0\.0\.1:\d+ did not answer within 1s: /, refused(first)]],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(args)));
	for (const [index, [args, expected]] of cases.entries()) {
		const run = runs[index]!;
		const where = `${args.join(' ')}: ${run.stderr}`;
		assert.equal(run.code, 1, where);
		assert.equal(run.stdout, '', where);
		const lines = run.stderr.trimEnd().split('\n');
		assert.equal(lines.length, expected.length, where);
		for (const [line, pattern] of expected.entries()) {
			assert.match(lines[line]!, pattern, where);
		}
	}

	assert.match(runs[3]!.stderr.split('\n')[0]!, new RegExp(hang.label.replaceAll('.', '\\.')), 'the hang is named first, as in -h');
});

test('--watch --json: its failure lines start with the time, for a log', options, async () => {
	const [first, second] = [`127.0.0.1:${await closedPort()}`, `127.0.0.1:${await closedPort()}`];
	const run = await runCli(['-h', `${first},${second}`, '--watch', '--json']);
	assert.equal(run.code, 1, run.stderr);
	assert.equal(run.stdout, '');
	const lines = run.stderr.trimEnd().split('\n');
	assert.equal(lines.length, 2, run.stderr);
	assert.match(lines[0]!, /^sessiontop: ([01]\d|2[0-3]):[0-5]\d:[0-5]\d 127\.0\.0\.1:\d+ refused the connection/);
	assert.ok(lines[0]!.includes(first) && lines[1]!.includes(second), run.stderr);
});

test('--json and --watch --json against hostile strings: lossless, valid, and nothing a terminal would act on', options, async () => {
	const {child, done} = spawnCli(['-h', hostile.label, '--watch', '--json', '--interval', '500ms'], 'pipe');
	let watched = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
		watched += chunk;
		if (watched.includes('\n')) {
			child.kill('SIGTERM');
		}
	});
	const [once] = await Promise.all([runCli(['-h', hostile.label, '--json']), done]);
	assert.equal(once.code, 0, once.stderr);
	for (const text of [once.stdout, watched.slice(0, watched.indexOf('\n') + 1)]) {
		assert.ok(text.endsWith('\n'));
		assert.doesNotMatch(text.slice(0, -1), unsafeInJson);
		const records = JSON.parse(text) as Array<Record<string, unknown>>;
		assert.deepEqual(records.map((record) => record['id']), ['1', '2', '5', '6', '7', '3\u0007', '4\u0001', '4\u0002']);
		assert.deepEqual(records.map((record) => record['user']), ['tab\there', 'a\nb', '\u202Eevil\u2066\u200B\uFEFF\u00AD\u007F\u009B\u2028\u{E0041}x\uD800', 'bare', '', 'bell', 'one', 'two']);
		const {polledAt, ...bare} = records[3]!;
		assert.deepEqual(bare, {host: hostile.label, id: '6', user: 'bare'}, 'no service, no state: left out, as the readme says');
		assert.equal(typeof polledAt, text === once.stdout ? 'undefined' : 'number', 'the poll\'s time, on --watch --json\'s lines only');
	}
});
