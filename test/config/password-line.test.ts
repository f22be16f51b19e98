// -p '' from a pipe reads the first line only, as sudo -S does, so a pipe that stays
// open after it does not hold the start up; and with stderr redirected (`2>file`) the
// prompt goes to the terminal itself (/dev/tty), as ssh and sudo write theirs.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {PassThrough} from 'node:stream';
import {after, before, test} from 'node:test';
import {askPassword} from '../../source/config/password.js';
import type {Terminal} from '../../source/config/terminal.js';
import type {Simulator} from '../../source/simulator/index.js';
import {cleanEnv, cliPath, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';
import {startPty} from '../e2e/pty.js';

class FakeTty extends PassThrough {
	isTTY = true;
	isRaw = false;
	setRawMode(mode: boolean): this {
		this.isRaw = mode;
		return this;
	}
}

function sink(isTTY: boolean): {write(text: string): void; text: string; isTTY: boolean} {
	const out = {
		isTTY,
		text: '',
		write(text: string) {
			out.text += text;
		},
	};
	return out;
}

test('from a pipe left open: the first line is the password, the rest stays in the stream', {timeout: 5000}, async () => {
	const input = new PassThrough();
	const asked = askPassword(input, sink(false));
	input.write('secret\nthe rest');
	assert.deepEqual(await asked, {ok: true, password: 'secret'}, 'answered without the stream ending');
	assert.equal(input.isPaused(), true, 'paused: a paused stdin keeps no process alive');
	assert.equal(String(input.read()), 'the rest', 'what follows the line is put back, unread');
	assert.equal(input.listenerCount('data'), 0);
});

test('from a pipe that fails mid-line: no password, never the part that came', async () => {
	const input = new PassThrough();
	const asked = askPassword(input, sink(false));
	input.write('half a pass');
	input.destroy(new Error('EIO'));
	assert.deepEqual(await asked, {ok: false, reason: 'no-input'});
});

test('stderr redirected: the prompt goes to the terminal, and the terminal is closed after', async () => {
	const input = new FakeTty();
	const stderr = sink(false);
	const terminal: Terminal & {text: string; closed: boolean} = {
		isTTY: true,
		text: '',
		closed: false,
		write(text: string) {
			terminal.text += text;
		},
		close() {
			terminal.closed = true;
		},
	};
	const asked = askPassword(input, stderr, 'Enter password: ', () => terminal);
	input.write('pw\r');
	assert.deepEqual(await asked, {ok: true, password: 'pw'});
	assert.equal(terminal.text, 'Enter password: \n');
	assert.equal(stderr.text, '', 'nothing in the redirected stderr');
	assert.equal(terminal.closed, true);

	// No terminal to be had (no controlling terminal, Windows): stderr it is.
	const alone = new FakeTty();
	const fallback = sink(false);
	const asked2 = askPassword(alone, fallback, 'Enter password: ', () => undefined);
	alone.write('pw\r');
	assert.deepEqual(await asked2, {ok: true, password: 'pw'});
	assert.equal(fallback.text, 'Enter password: \n');
});

let sim: Simulator;
before(async () => {
	sim = await simulator({password: 'typed-secret'});
});
after(async () => {
	await sim.close();
});

test("the CLI: (echo pw; sleep 30) | sessiontop -p '' --json answers without waiting for the pipe to end", {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const child = spawn(process.execPath, [cliPath, '-h', `127.0.0.1:${sim.port}`, '-p', '', '--json'], {env: cleanEnv({HOME: home}), stdio: ['pipe', 'pipe', 'pipe']});
	t.after(() => {
		child.stdin.destroy();
		child.kill('SIGKILL');
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (text: string) => {
		stdout += text;
	});
	child.stderr.setEncoding('utf8').on('data', (text: string) => {
		stderr += text;
	});
	// The pipe stays open, as behind `sleep 30`: only the first line comes.
	child.stdin.on('error', () => undefined);
	child.stdin.write('typed-secret\nmore text that is not read\n');
	const code = await new Promise<number | string>((resolve) => {
		const timer = setTimeout(() => {
			resolve('still running 8 s later: it waits for the end of stdin');
		}, 8000);
		child.on('close', (exit) => {
			clearTimeout(timer);
			resolve(exit ?? 'killed');
		});
	});
	assert.equal(code, 0, stderr);
	assert.equal((JSON.parse(stdout) as unknown[]).length, 6);
});

test('the CLI with 2>file on a terminal: "Enter password: " on the terminal, not in the file', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const errors = path.join(home, 'err.log');
	const command = `exec "${process.execPath}" "${cliPath}" -h 127.0.0.1:${sim.port} -p --once 2>"${errors}"`;
	const pty = startPty({args: [], cols: 120, rows: 20, env: {HOME: home}, command: {file: '/bin/sh', args: ['-c', command]}});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/Enter password: /);
	pty.write('typed-secret\r');
	await pty.waitFor(/Service/);
	const exit = await pty.exited;
	assert.equal(exit.exitCode, 0);
	assert.equal(readFileSync(errors, 'utf8'), '', 'the prompt is not in the redirected stderr');
	assert.doesNotMatch(pty.rawOutput(), /typed-secret/);
});
