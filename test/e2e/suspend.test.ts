// Ctrl-Z in a real terminal: the built binary gives the terminal back exactly as on
// exit (normal screen, cursor shown, bracketed paste off, cooked mode) and stops;
// continued (fg), it takes the terminal again and draws the whole screen.
//
// Job control needs a shell: the pty harness's own process group is orphaned (its
// leader's parent is in another session), where the kernel drops SIGTSTP. So the
// program runs under `bash -i -c '…'`: an interactive shell (job control on; no
// prompt, no rc files), which gives it a process group of its own in the foreground
// (`set -m` alone does not hand it the terminal); bash reads a line once the job has
// stopped, then brings it back with `fg`. Needs `npm run build` first.

import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import process from 'node:process';
import {test, type TestContext} from 'node:test';
import {cliPath, keys, processRunning, startPty, waitForExit, type Pty} from './pty.js';
import {assertRestored} from './restored.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npm run build\` first`;
const selectedRow = /^▶\s*(\d+)/m;
const hint = '?  help  q  quit';

// Bash's own notices ("[1]+ Stopped …", fg's command line) go nowhere: the screen is the program's.
const jobShell = 'exec 3>&2 2>/dev/null; "$@" 2>&3; read -r _; fg >/dev/null';

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

/** `pid (comm) S …`: the state letter (T: stopped). */
function processState(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
	} catch {
		return undefined;
	}
}

function parentOf(pid: number): number | undefined {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The shell's child: sessiontop itself. */
async function childOf(parent: number): Promise<number> {
	const started = Date.now();
	for (;;) {
		for (const entry of readdirSync('/proc')) {
			const pid = Number(entry);
			try {
				if (pid > 0 && parentOf(pid) === parent) {
					return pid;
				}
			} catch {}
		}

		assert.ok(Date.now() - started < 5000, `no child of ${parent}`);
		// eslint-disable-next-line no-await-in-loop
		await sleep(50);
	}
}

async function until(check: () => boolean, what: string): Promise<void> {
	const started = Date.now();
	while (!check()) {
		assert.ok(Date.now() - started < 10_000, `timed out waiting for ${what}`);
		// eslint-disable-next-line no-await-in-loop
		await sleep(20);
	}
}

function open(t: TestContext, command: {file: string; args: string[]}): Pty {
	const pty = startPty({args: [], cols: 100, rows: 30, command});
	t.after(() => {
		pty.dispose();
	});
	return pty;
}

const listUp = (screen: string) => selectedRow.test(screen) && /^sessiontop /.test(screen) && screen.includes(hint);

test('Ctrl-Z under a shell: the terminal is handed back and the process stops; fg draws it all again, keys work, q leaves it clean', {skip, timeout: 60_000}, async (t) => {
	const pty = open(t, {file: 'bash', args: ['--norc', '--noprofile', '-i', '-c', jobShell, 'bash', process.execPath, cliPath, '--demo']});
	await pty.waitFor(listUp, 15_000);
	const shell = pty.pid();
	assert.ok(shell);
	const app = await childOf(shell);
	const running = await pty.terminalState();
	assert.equal(running.alternateScreen, true);
	assert.equal(running.bracketedPaste, true, 'bracketed paste is on while it runs');
	assert.equal(running.mouseTracking, true, 'mouse reporting is on while it runs');
	// Paused, the frame does not change by itself: what shows after fg is the whole-frame redraw.
	pty.write('p');
	await pty.waitFor(/PAUSED/);

	pty.write('\u001A');
	await until(() => processState(app) === 'T', 'the process to stop');
	// What it wrote before it stopped may still be on its way through the pty to the harness
	// (a loaded machine): read until the normal screen shows, or give up after a few seconds.
	let stopped = await pty.terminalState();
	for (let tries = 0; stopped.alternateScreen && tries < 100; tries++) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(30);
		// eslint-disable-next-line no-await-in-loop
		stopped = await pty.terminalState();
	}

	const context = `end of output: ${JSON.stringify(pty.rawOutput().slice(-300))}`;
	assert.equal(stopped.alternateScreen, false, `still in the alternate screen while stopped: ${context}`);
	assert.equal(stopped.cursorHidden, false, `the cursor is hidden while stopped: ${context}`);
	assert.equal(stopped.bracketedPaste, false, `bracketed paste is on while stopped: ${context}`);
	assert.equal(stopped.mouseTracking, false, `mouse reporting is on while stopped (a click in the shell types ESC[<…M): ${context}`);
	assert.equal(stopped.screen.trim(), '', `the normal screen was written on: ${context}`);
	await sleep(300);
	assert.equal(processState(app), 'T', 'it stays stopped');

	// The shell's `read` takes this line, then `fg` continues the job (SIGCONT) in the foreground.
	pty.write('\r');
	const entersBefore = stopped.alternateEnters;
	const redrawn = await pty.waitFor((screen) => listUp(screen) && screen.includes('PAUSED') && processState(app) !== 'T', 5000);
	const resumed = await pty.terminalState();
	assert.ok(resumed.alternateEnters > entersBefore, 'the alternate screen is taken again');
	assert.equal(resumed.alternateScreen, true);
	assert.equal(resumed.bracketedPaste, true, 'bracketed paste is on again');
	assert.equal(resumed.mouseTracking, true, 'mouse reporting is on again');
	assert.equal(resumed.cursorHidden, true, 'the cursor is hidden again');
	const before = selectedRow.exec(redrawn)?.[1];
	pty.write(keys.down);
	await pty.waitFor((screen) => {
		const id = selectedRow.exec(screen)?.[1];
		return id !== undefined && id !== before;
	});

	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});

test('resized while stopped: after fg the frame is drawn for the new size, not the old one', {skip, timeout: 60_000}, async (t) => {
	const pty = open(t, {file: 'bash', args: ['--norc', '--noprofile', '-i', '-c', jobShell, 'bash', process.execPath, cliPath, '--demo']});
	await pty.waitFor((screen) => listUp(screen) && screen.includes('I/O'), 15_000);
	const app = await childOf(pty.pid()!);
	pty.write('\u001A');
	await until(() => processState(app) === 'T', 'the process to stop');
	// The shell has the terminal: the resize's SIGWINCH goes to it, not to the stopped job.
	await pty.resize(70, 20);
	pty.write('\r');
	// At 70 columns the I/O column has left; the 100-column frame, wrapped, would still hold it.
	const screen = await pty.waitFor((text) => listUp(text) && !text.includes('I/O') && processState(app) !== 'T', 5000);
	assert.ok(screen.split('\n').every((line) => line.length <= 70), screen);
	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});

test('kill %1 of a stopped sessiontop ends it at once, without drawing over the shell (SIGCONT comes with the SIGTERM)', {skip, timeout: 60_000}, async (t) => {
	// After the job stops, the shell kills it (bash continues a stopped job it signals) and says how it ended.
	// A `wait` before bash has seen the job continue returns at once with its stop (148): waited
	// for again (a builtin: no child reaped meanwhile, so the job is still there to wait for).
	const killShell = 'exec 3>&2 2>/dev/null; "$@" 2>&3; kill %1; wait %1; s=$?; while [ $s = 148 ]; do wait %1; s=$?; done; echo "ended $s"';
	const pty = open(t, {file: 'bash', args: ['--norc', '--noprofile', '-i', '-c', killShell, 'bash', process.execPath, cliPath, '--demo']});
	await pty.waitFor(listUp, 15_000);
	const app = await childOf(pty.pid()!);
	const enters = (await pty.terminalState()).alternateEnters;
	pty.write('\u001A');
	const screen = await pty.waitFor(/ended \d+/, 10_000);
	assert.match(screen, /ended 143/, 'ended by the SIGTERM (128 + 15), not stopped again');
	assert.equal(processRunning(app), false);
	const state = await pty.terminalState();
	assert.equal(state.alternateScreen, false);
	assert.equal(state.alternateEnters, enters, 'the screen was not taken again from the background');
	assert.equal(state.screen.trim(), screen.trim());
	assert.doesNotMatch(state.screen, /sessiontop|Id User/, 'no frame drawn over the shell');
});

test('Ctrl-Z with no shell to go back to: the monitor keeps the terminal and says why; SIGSTOP then SIGCONT from outside redraws it', {skip, timeout: 60_000}, async (t) => {
	const pty = open(t, {file: process.execPath, args: [cliPath, '--demo']});
	await pty.waitFor(listUp, 15_000);
	pty.write('\u001A');
	let screen = await pty.waitFor(/no shell to go back to here/);
	const app = pty.pid()!;
	assert.notEqual(processState(app), 'T');
	const kept = await pty.terminalState();
	assert.equal(kept.alternateEnters, 1, 'the screen was never handed back (no flash of the shell)');
	assert.equal(kept.alternateScreen, true);
	screen = await pty.waitFor(listUp);
	const before = selectedRow.exec(screen)?.[1];
	pty.write(keys.down);
	screen = await pty.waitFor((text) => listUp(text) && selectedRow.exec(text)?.[1] !== before);

	pty.kill('SIGSTOP');
	await until(() => processState(app) === 'T', 'the process to stop');
	const enters = (await pty.terminalState()).alternateEnters;
	pty.kill('SIGCONT');
	await until(() => pty.rawOutput().split('\u001B[?1049h').length - 1 > enters, 'the screen taken again');
	await pty.waitFor(listUp);
	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});
