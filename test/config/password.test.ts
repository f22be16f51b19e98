// Asking for the password as maxctrl does: -p '' (or -p last, or --password=) reads
// it from the terminal without echo after "Enter password: ", or from a pipe.

import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {after, before, test} from 'node:test';
import {askPassword, noPasswordSentence, nothingTyped} from '../../source/config/password.js';
import type {Simulator} from '../../source/simulator/index.js';
import {runCli, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';
import {startPty} from '../e2e/pty.js';

class FakeTty extends PassThrough {
	isTTY = true;
	isRaw = false;
	modes: boolean[] = [];
	setRawMode(mode: boolean): this {
		this.isRaw = mode;
		this.modes.push(mode);
		return this;
	}
}

/** stderr, a terminal (else the prompt would go to /dev/tty: password-line.test.ts). */
function output(): {write(text: string): void; text: string; isTTY: true} {
	const sink = {
		isTTY: true as const,
		text: '',
		write(text: string) {
			sink.text += text;
		},
	};
	return sink;
}

test('on a terminal: raw mode, no echo, backspace and Ctrl-U edit, Enter ends, raw mode restored', async () => {
	const input = new FakeTty();
	const out = output();
	const asked = askPassword(input, out);
	input.write('sx');
	input.write('\u007Fe\u001B[Dcret');
	input.write('\r');
	assert.deepEqual(await asked, {ok: true, password: 'secret'});
	assert.equal(out.text, 'Enter password: \n', 'only the prompt and a newline: nothing typed is echoed');
	assert.deepEqual(input.modes, [true, false]);

	const again = new FakeTty();
	const cleared = askPassword(again, output());
	again.write('wrong\u0015right\n');
	assert.deepEqual(await cleared, {ok: true, password: 'right'});
});

test('on a terminal: Enter on nothing asks again, never sending an empty password', async () => {
	const input = new FakeTty();
	const out = output();
	const asked = askPassword(input, out);
	input.write('\r');
	input.write('\n');
	input.write('late\r');
	assert.deepEqual(await asked, {ok: true, password: 'late'});
	assert.equal(out.text, `Enter password: \n${nothingTyped}\nEnter password: \n${nothingTyped}\nEnter password: \n`);
	assert.deepEqual(input.modes, [true, false], 'raw mode throughout, restored once');
});

test('on a terminal: Ctrl-C cancels, Ctrl-D on nothing gives up', async () => {
	const input = new FakeTty();
	const cancelled = askPassword(input, output());
	input.write('abc\u0003');
	assert.deepEqual(await cancelled, {ok: false, reason: 'cancelled'});
	assert.equal(input.isRaw, false);
	const other = new FakeTty();
	const ended = askPassword(other, output());
	other.write('\u0004');
	assert.deepEqual(await ended, {ok: false, reason: 'no-input'});
});

test('from a pipe: its first line, trimmed, like maxctrl', async () => {
	const input = new PassThrough();
	const asked = askPassword(input, output());
	input.end('  pass word \r\nnot the password\n');
	assert.deepEqual(await asked, {ok: true, password: 'pass word'});
	const last = new PassThrough();
	const unended = askPassword(last, output());
	last.end('no line break');
	assert.deepEqual(await unended, {ok: true, password: 'no line break'});
});

test('from a pipe that ends with nothing in it: no password, not an empty one', async () => {
	for (const [text, reason] of [['', 'empty'], ['\n', 'blank'], ['  \r\n', 'blank'], ['\t \n\n', 'blank'], ['\npassword on line 2\n', 'blank']] as const) {
		const input = new PassThrough();
		const asked = askPassword(input, output());
		input.end(text);
		assert.deepEqual(await asked, {ok: false, reason}, JSON.stringify(text));
	}
});

// A pipe of blanks did not end "first": it held no password, and says so.
test('why no password came, in one sentence each', () => {
	assert.equal(noPasswordSentence('empty'), 'stdin held no password (it was empty): check what is piped into sessiontop.');
	assert.equal(noPasswordSentence('blank'), 'stdin held no password (its first line was blank): check what is piped into sessiontop.');
	assert.equal(noPasswordSentence('no-input'), 'no password given: stdin ended first.');
	assert.equal(noPasswordSentence('cancelled'), 'no password given (cancelled).');
});

let sim: Simulator;
before(async () => {
	sim = await simulator({password: 'typed-secret'});
});
after(async () => {
	await sim.close();
});

test("the CLI: -p '' reads the password from a pipe", {skip: skipWithoutBuild}, async () => {
	const host = `127.0.0.1:${sim.port}`;
	const [empty, last, equals] = await Promise.all([
		runCli(['-h', host, '-p', '', '--json'], {input: 'typed-secret\n'}),
		runCli(['-h', host, '--json', '-p'], {input: 'typed-secret'}),
		runCli(['-h', host, '--password=', '--json'], {input: 'typed-secret\n'}),
	]);
	for (const run of [empty, last, equals]) {
		assert.equal(run.code, 0, run.stderr);
		assert.equal((JSON.parse(run.stdout) as unknown[]).length, 6);
		assert.doesNotMatch(run.stdout + run.stderr, /typed-secret/);
	}
});

// Before, the empty password went out and came back as a 401 "check --user and --password".
test("the CLI: -p '' with an empty or blank stdin stops before any request", {skip: skipWithoutBuild}, async () => {
	const [empty, blank] = await Promise.all([
		runCli(['-h', `127.0.0.1:${sim.port}`, '-p', '', '--once'], {input: ''}),
		runCli(['-h', `127.0.0.1:${sim.port}`, '-p', '', '--once'], {input: '  \n\n'}),
	]);
	assert.equal(empty.code, 2, empty.stderr);
	assert.equal(empty.stderr, 'sessiontop: stdin held no password (it was empty): check what is piped into sessiontop.\n');
	assert.equal(empty.stdout, '');
	assert.equal(blank.code, 2, blank.stderr);
	assert.equal(blank.stderr, 'sessiontop: stdin held no password (its first line was blank): check what is piped into sessiontop.\n');
	assert.equal(blank.stdout, '');
});

test('the CLI on a terminal: "Enter password: ", nothing echoed, then the list', {skip: skipWithoutBuild}, async (t) => {
	const pty = startPty({args: ['-h', `127.0.0.1:${sim.port}`, '-p', '--once'], cols: 120, rows: 20, env: {HOME: tempDir(t)}});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/Enter password: /);
	pty.write('typed-secret\r');
	const screen = await pty.waitFor(/Service/);
	const exit = await pty.exited;
	assert.equal(exit.exitCode, 0);
	assert.match(screen, /^Enter password: $/m);
	assert.doesNotMatch(pty.rawOutput(), /typed-secret|\*{5}/);
});

test('the monitor starts after the password prompt, and the terminal still takes keys', {skip: skipWithoutBuild}, async (t) => {
	const pty = startPty({args: ['-h', `127.0.0.1:${sim.port}`, '-p'], cols: 150, rows: 30, env: {HOME: tempDir(t)}});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/Enter password: /);
	pty.write('typed-secret\r');
	await pty.waitFor(/RW-Split-Router/);
	pty.write('q');
	const exit = await pty.exited;
	assert.equal(exit.exitCode, 0);
	assert.doesNotMatch(pty.rawOutput(), /typed-secret/);
});
