// `sessiontop --once` from the built CLI against the simulator's 24.02 population (long user
// names, real IPv6 and IPv4-mapped clients, several backends): on an 80-column terminal no
// line runs past the edge (QA: every row wrapped onto two); piped, every text is whole.

import assert from 'node:assert/strict';
import process from 'node:process';
import {after, before, test} from 'node:test';
import stringWidth from 'string-width';
import type {Simulator} from '../../source/simulator/index.js';
import {cliPath, maxWaitMs, startPty, waitForExit, type Pty} from '../e2e/pty.js';
import {runCli, simulator, skipWithoutBuild, tempDir} from './helpers.js';

let sim: Simulator;
before(async () => {
	sim = await simulator({sessions: 200});
});
after(async () => {
	await sim.close();
});

/** The texts that do not fit 80 columns whole: a long user, and a real IPv6 client with its port. */
const longUser = 'svc_customer_notification_dispatcher';
const ipv6Client = /\[fd12:3456:789a:1::2[12]\]:\d+/;

/** Everything the pty has shown once `pattern` is in it (node-pty can lose the last output of a program that exits: the shell waits instead). */
async function shownUntil(pty: Pty, pattern: RegExp, timeoutMs = maxWaitMs): Promise<RegExpExecArray> {
	const started = Date.now();
	for (;;) {
		const found = pattern.exec(pty.rawOutput());
		if (found !== null) {
			return found;
		}

		if (Date.now() - started > timeoutMs) {
			throw new Error(`${String(pattern)} never came:\n${await pty.screen()}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 50);
		});
	}
}

test('--once on an 80-column terminal: no line wider than the terminal, long texts cut with …, a client\'s port kept', {skip: skipWithoutBuild}, async (t) => {
	// Run by a shell that says when sessiontop is done and then holds the terminal open until
	// told to end, so that every line it wrote is read before the terminal closes.
	const command = `"${process.execPath}" "${cliPath}" -h 127.0.0.1:${sim.port} --once; echo "(exit $?)"; read done`;
	const pty = startPty({args: [], cols: 80, rows: 24, env: {HOME: tempDir(t)}, command: {file: '/bin/sh', args: ['-c', command]}});
	t.after(() => {
		pty.dispose();
	});
	const done = await shownUntil(pty, /^\(exit (\d+)\)\r?$/m);
	assert.equal(done[1], '0', await pty.screen());
	// What sessiontop wrote, less the harness's own reports (pty-wrapper.mjs's OSC 7770).
	// eslint-disable-next-line no-control-regex
	const lines = pty.rawOutput().slice(0, done.index).replaceAll(/\u001B\]7770;.*?\u0007/g, '').split(/\r?\n/).filter((line) => line !== '');
	assert.equal(lines.length, 201, 'the header and a line per session');
	assert.match(lines[0]!, /^ *Id {2}User +Client +State/);
	const wide = lines.filter((line) => stringWidth(line) > 80);
	assert.deepEqual(wide, [], 'lines wider than 80 columns');
	assert.deepEqual(await pty.wrappedRows(), [], await pty.screen());
	assert.ok(lines.some((line) => / svc_cus\S*… /.test(line)), 'the long user, cut');
	assert.ok(lines.some((line) => / …[\da-f:]*1::2[12]\]:\d+ /.test(line)), 'an IPv6 client cut at the front, its port kept');
	pty.write('\r');
	assert.equal((await waitForExit(pty)).exitCode, 0);
});

test('--once piped (not a terminal): every text whole, as scripts read it', {skip: skipWithoutBuild}, async () => {
	const run = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once']);
	assert.equal(run.code, 0, run.stderr);
	assert.ok(run.stdout.includes(` ${longUser} `), 'the long user whole');
	assert.match(run.stdout, ipv6Client, 'the IPv6 client whole');
	assert.doesNotMatch(run.stdout, /…/);
	assert.ok(run.stdout.split('\n').some((line) => stringWidth(line) > 80), 'wider than a terminal would be');
});
