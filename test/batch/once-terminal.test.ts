// `sessiontop --once` from the built CLI against the simulator's 24.02 population (long user
// names, real IPv6 and IPv4-mapped clients, several backends): on an 80-column terminal no
// line runs past the edge (QA: every row wrapped onto two); piped, every text is whole.

import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import stringWidth from 'string-width';
import type {Simulator} from '../../source/simulator/index.js';
import {startPty, waitForExit} from '../e2e/pty.js';
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

test('--once on an 80-column terminal: no line wider than the terminal, long texts cut with …, a client\'s port kept', {skip: skipWithoutBuild}, async (t) => {
	const pty = startPty({args: ['-h', `127.0.0.1:${sim.port}`, '--once'], cols: 80, rows: 24, env: {HOME: tempDir(t)}});
	t.after(() => {
		pty.dispose();
	});
	const exit = await waitForExit(pty);
	assert.equal(exit.exitCode, 0, await pty.screen());
	// Everything written, less the harness's own reports (pty-wrapper.mjs's OSC 7770).
	// eslint-disable-next-line no-control-regex
	const lines = pty.rawOutput().replaceAll(/\u001B\]7770;.*?\u0007/g, '').split(/\r?\n/).filter((line) => line !== '');
	assert.ok(lines.length > 200, `a line per session: ${lines.length}`);
	assert.match(lines[0]!, /^ *Id {2}User +Client +State/);
	const wide = lines.filter((line) => stringWidth(line) > 80);
	assert.deepEqual(wide, [], 'lines wider than 80 columns');
	assert.deepEqual(await pty.wrappedRows(), [], await pty.screen());
	assert.ok(lines.some((line) => / svc_cus\S*… /.test(line)), 'the long user, cut');
	assert.ok(lines.some((line) => / …[\da-f:]*1::2[12]\]:\d+ /.test(line)), 'an IPv6 client cut at the front, its port kept');
});

test('--once piped (not a terminal): every text whole, as scripts read it', {skip: skipWithoutBuild}, async () => {
	const run = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once']);
	assert.equal(run.code, 0, run.stderr);
	assert.ok(run.stdout.includes(` ${longUser} `), 'the long user whole');
	assert.match(run.stdout, ipv6Client, 'the IPv6 client whole');
	assert.doesNotMatch(run.stdout, /…/);
	assert.ok(run.stdout.split('\n').some((line) => stringWidth(line) > 80), 'wider than a terminal would be');
});
