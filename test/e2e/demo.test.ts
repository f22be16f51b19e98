// The built binary in a real terminal: `node build/cli.js --demo` under a
// pseudo-terminal, driven by keys, read off an xterm screen, and checked for
// handing the terminal back as it found it however it leaves.
//
// Needs `npx tsc` first (the `test` script builds before it runs tests).

import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {test, type TestContext} from 'node:test';
import {cliPath, keys, startPty, waitForExit, type Pty} from './pty.js';
import {assertRestored} from './restored.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npx tsc\` first`;
const testTimeout = 40_000;

// The end of the key hint line: help and quit show at every width (the others give way).
const hint = '?  help  q  quit';
const selectedRow = /^▶\s*(\d+)/m;
// A group header: `▾ Analytics-Service  43  (…)`, maybe indented.
const serviceHeader = /^ *▾ \S/m;

function lines(screen: string): string[] {
	return screen.split('\n');
}

function selectedId(screen: string): string | undefined {
	return selectedRow.exec(screen)?.[1];
}

function paneRange(screen: string, id: string): {first: number; last: number; total: number} | undefined {
	// `Session 116 1-16/358`, or with a note between: `Session 116 · 2 changed 1-16/358`.
	const match = new RegExp(`Session ${id} (?:[^│\\n]*? )?(\\d+)-(\\d+)/(\\d+)`).exec(screen);
	return match ? {first: Number(match[1]), last: Number(match[2]), total: Number(match[3])} : undefined;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
	for (let tries = 0; tries < 100; tries++) {
		// eslint-disable-next-line no-await-in-loop
		if (await check()) {
			return;
		}

		// eslint-disable-next-line no-await-in-loop
		await sleep(30);
	}

	assert.fail(`timed out: ${what}`);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

function openDemo(t: TestContext, cols: number, rows: number): Pty {
	const pty = startPty({args: ['--demo'], cols, rows});
	t.after(() => {
		pty.dispose();
	});
	return pty;
}

/** The list is up: a selected row and a service header. */
async function waitForList(pty: Pty): Promise<string> {
	return pty.waitFor((screen) => selectedRow.test(screen) && serviceHeader.test(screen), 15_000);
}

async function browse(t: TestContext, cols: number, rows: number): Promise<void> {
	const pty = openDemo(t, cols, rows);
	const first = await waitForList(pty);
	const firstId = selectedId(first);
	assert.ok(firstId, `no ▶ row:\n${first}`);
	assert.match(lines(first)[0] ?? '', /^sessiontop /, 'the header is on the first row');

	pty.write(keys.down);
	await pty.waitFor((screen) => {
		const id = selectedId(screen);
		return id !== undefined && id !== firstId;
	});

	pty.write(keys.enter);
	// The selection may still move with churn until the pane opens: read it from the screen that shows the pane.
	const opened = await pty.waitFor((screen) => {
		const id = selectedId(screen);
		return id !== undefined && paneRange(screen, id) !== undefined && screen.includes('"data": {');
	});
	const id = selectedId(opened)!;
	const range = paneRange(opened, id)!;
	assert.equal(range.first, 1, `the pane opens at its top:\n${opened}`);
	assert.ok(range.total > range.last, `the document is longer than the pane:\n${opened}`);
	assert.ok(lines(opened).every((line) => line.length <= cols), 'no line wider than the terminal');

	pty.write(keys.tab);
	// Two keys in one read would arrive as one input: let Tab land first.
	await sleep(300);
	pty.write('G');
	const scrolled = await pty.waitFor((screen) => {
		const now = paneRange(screen, id);
		return now !== undefined && now.first > 1 && now.last === now.total;
	});
	assert.equal(selectedId(scrolled), id, 'G scrolled the pane, not the list');

	pty.write(keys.escape);
	const closed = await pty.waitFor((screen) => !screen.includes(`Session ${id} `) && !screen.includes('"data": {') && !screen.includes('╭'));
	assert.ok(closed.includes('Enter  details'), `the list's hint is back:\n${closed}`);
	assert.equal(selectedId(closed), id, 'the selection is kept');

	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
}

async function operate(t: TestContext, cols: number, rows: number): Promise<void> {
	const pty = openDemo(t, cols, rows);
	await waitForList(pty);
	pty.write('>');
	await pty.waitFor(/sort user▲/);
	pty.write('/');
	await sleep(200);
	pty.write('report');
	await sleep(200);
	pty.write(keys.enter);
	const filtered = await pty.waitFor(/\d+ of \d+ sessions/);
	assert.ok(lines(filtered).filter((line) => /^▶/.test(line)).every((line) => line.includes('report')), `the cursor row matches the filter:\n${filtered}`);
	pty.write('p');
	await pty.waitFor(/PAUSED/);
	const id = selectedId(await pty.screen());
	assert.ok(id, 'a session under the cursor');
	pty.write('K');
	await pty.waitFor(new RegExp(`Kill session ${id} \\(report@`));
	pty.write('y');
	await pty.waitFor(new RegExp(`Killed session ${id} \\(report@`));
	pty.write(keys.escape);
	await pty.waitFor((screen) => !/ of \d+ sessions/.test(screen));
	assert.ok(lines(await pty.screen()).every((line) => line.length <= cols), 'no line wider than the terminal');
	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
}

test('--demo at 80×24: sort, filter, pause, kill with its confirmation, q restores the terminal', {skip, timeout: testTimeout}, async (t) => {
	await operate(t, 80, 24);
});

test('--demo at 160×48: sort, filter, pause, kill with its confirmation, q restores the terminal', {skip, timeout: testTimeout}, async (t) => {
	await operate(t, 160, 48);
});

test('--demo at 80×24: browse, open, scroll, close, q restores the terminal', {skip, timeout: testTimeout}, async (t) => {
	await browse(t, 80, 24);
});

test('--demo at 160×48: browse, open, scroll, close, q restores the terminal', {skip, timeout: testTimeout}, async (t) => {
	await browse(t, 160, 48);
});

test('Ctrl-C quits and restores the terminal', {skip, timeout: testTimeout}, async (t) => {
	const pty = openDemo(t, 80, 24);
	await waitForList(pty);
	pty.write(keys.ctrlC);
	await assertRestored(pty, await waitForExit(pty), 0);
});

for (const [signal, code] of [
	['SIGTERM', 143],
	['SIGHUP', 129],
	// Their default ends a process without a word, the alternate screen left on.
	['SIGQUIT', 131],
	// Node's would open its inspector on port 9229 (code run in the process that holds the password).
	['SIGUSR1', 138],
	['SIGUSR2', 140],
	['SIGALRM', 142],
	['SIGTRAP', 133],
	['SIGPWR', 158],
] as const) {
	test(`${signal} to the process restores the terminal and exits ${code}`, {skip, timeout: testTimeout}, async (t) => {
		const pty = openDemo(t, 80, 24);
		await waitForList(pty);
		pty.kill(signal);
		await assertRestored(pty, await waitForExit(pty), code);
	});
}

test('a process.exit() from anywhere still hands the terminal back', {skip, timeout: testTimeout}, async (t) => {
	// A module loaded first that calls process.exit(3) on a signal Node leaves alone: as a
	// package or a stray handler could, past every finally of the monitor's.
	const exiter = `data:text/javascript,${encodeURIComponent("process.on('SIGURG', () => process.exit(3));")}`;
	const pty = startPty({args: ['--demo'], cols: 80, rows: 24, env: {NODE_OPTIONS: `--import=${exiter}`}});
	t.after(() => {
		pty.dispose();
	});
	await waitForList(pty);
	pty.kill('SIGURG');
	await assertRestored(pty, await waitForExit(pty), 3);
});

test('TERM=dumb (Emacs M-x shell): the list once, as to a pipe, with no screen taken', {skip, timeout: testTimeout}, async (t) => {
	const pty = startPty({args: ['--demo'], cols: 120, rows: 24, env: {TERM: 'dumb'}});
	t.after(() => {
		pty.dispose();
	});
	const exit = await waitForExit(pty);
	assert.equal(exit.exitCode, 0, JSON.stringify(exit));
	const output = pty.rawOutput();
	assert.match(output, / {2,}Id {2}User +Client/, `the table: ${JSON.stringify(output.slice(0, 3000))}`);
	assert.ok(!output.includes('\u001B[?1049h'), 'no alternate screen');
	assert.ok(!/\u001B\[\d*;?\d*H/.test(output), 'no cursor addressing');
});

test('a locale that is not UTF-8 (LANG=C): the screen in ASCII, the cursor and the marks still apart', {skip, timeout: testTimeout}, async (t) => {
	const pty = startPty({args: ['--demo'], cols: 100, rows: 24, env: {LANG: 'C'}});
	t.after(() => {
		pty.dispose();
	});
	const screen = await pty.waitFor((text) => /^> +\d+ /m.test(text) && /^ v Analytics-Service/m.test(text), 15_000);
	assert.ok(/^[\u0000-\u007F]*$/.test(screen), `nothing past ASCII:\n${screen}`);
	pty.write(' ');
	const marked = await pty.waitFor((text) => /^ \* +\d+ /m.test(text), 5000);
	assert.match(marked, /^> +\d+ /m, 'the cursor moved on, a > of its own');
	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});

test('closing the terminal (hangup) ends the process', {skip, timeout: testTimeout}, async (t) => {
	const pty = openDemo(t, 80, 24);
	await waitForList(pty);
	assert.ok(pty.running());
	pty.hangup();
	const started = Date.now();
	while (pty.running()) {
		assert.ok(Date.now() - started < 10_000, 'still running 10 s after its terminal closed');
		// eslint-disable-next-line no-await-in-loop
		await sleep(50);
	}
});

/** A whole frame at this size: header on top, the hint on the second-to-last row, nothing stale or wrapped. */
function frameFits(screen: string, cols: number, rows: number): boolean {
	const rowsText = lines(screen);
	return (
		rowsText.length === rows &&
		/^sessiontop /.test(rowsText[0] ?? '') &&
		(rowsText[rows - 2] ?? '').trimEnd().endsWith(hint) &&
		rowsText[rows - 1] === '' &&
		rowsText.filter((line) => line.startsWith('sessiontop ')).length === 1 &&
		rowsText.filter((line) => line.includes(hint)).length === 1 &&
		rowsText.filter((line) => selectedRow.test(line)).length === 1 &&
		rowsText.every((line) => line.length <= cols)
	);
}

test('resizing mid-run reflows the screen to the new size', {skip, timeout: testTimeout}, async (t) => {
	const pty = openDemo(t, 80, 24);
	await waitForList(pty);
	for (const [cols, rows] of [
		[80, 24],
		[120, 40],
		[80, 24],
		[60, 16],
	] as const) {
		// eslint-disable-next-line no-await-in-loop
		await pty.resize(cols, rows);
		// eslint-disable-next-line no-await-in-loop
		const screen = await pty.waitFor((text) => frameFits(text, cols, rows));
		// eslint-disable-next-line no-await-in-loop
		assert.deepEqual(await pty.wrappedRows(), [], `output ran past the right margin at ${cols}×${rows}:\n${screen}`);
		// The list fills the height it has: all of it but the header lines, the column titles, the footer and the free last row.
		const sessionRows = lines(screen).filter((line) => /^[▶ ]\s*\d+ /.test(line)).length;
		assert.ok(sessionRows >= rows - 10, `only ${sessionRows} session rows at ${cols}×${rows}:\n${screen}`);
		const titles = lines(screen).findIndex((line) => /\bId +User\b/.test(line));
		assert.ok(titles > 0 && titles < 6, `column titles near the top at ${cols}×${rows}:\n${screen}`);
	}

	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});

test('the mouse in a real terminal: a click on a row moves the cursor there, the wheel moves it on; --no-mouse leaves clicks to the terminal', {skip, timeout: testTimeout}, async (t) => {
	const pty = openDemo(t, 120, 40);
	await waitForList(pty);
	// Paused, the demo's churn moves no row between the screen read and the click.
	pty.write('p');
	const first = await pty.waitFor(/PAUSED/);
	const rows = lines(first);
	// A session row a few lines under the cursor's, as drawn.
	const at = rows.findIndex((line, index) => index > rows.findIndex((row) => selectedRow.test(row)) + 2 && /^ {1,2}[ +]\s*\d+ /.test(line));
	const id = /^[ +]{1,2}\s*(\d+) /.exec(rows[at] ?? '')?.[1];
	assert.ok(id !== undefined, `no row to click:\n${first}`);
	pty.write(`\u001B[<0;10;${at + 1}M\u001B[<0;10;${at + 1}m`);
	await pty.waitFor((screen) => selectedId(screen) === id, 5000);
	// A turn of the wheel: three rows on, over the list.
	pty.write(`\u001B[<65;10;${at + 1}M`);
	await pty.waitFor((screen) => selectedId(screen) !== id && selectedId(screen) !== undefined, 5000);
	// The filter prompt takes keys only: the terminal has the mouse meanwhile (its middle-click paste).
	assert.equal((await pty.terminalState()).mouseTracking, true);
	pty.write('/');
	await pty.waitFor(/^\//m);
	await until(async () => !(await pty.terminalState()).mouseTracking, 'mouse reporting off at the prompt');
	pty.write(keys.escape);
	await until(async () => (await pty.terminalState()).mouseTracking, 'mouse reporting on again');
	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);

	const off = startPty({args: ['--demo', '--no-mouse'], cols: 120, rows: 40});
	t.after(() => {
		off.dispose();
	});
	await waitForList(off);
	const state = await off.terminalState();
	assert.equal(state.mouseTracking, false, 'no mouse reporting with --no-mouse');
	assert.equal(state.mouseOn, 0);
	off.write('q');
	const exit = await waitForExit(off);
	assert.equal(exit.exitCode, 0);
});

test('shrunk below the smallest size it draws, then to it again: only the "too small" line, no piece of the frame before', {skip, timeout: testTimeout}, async (t) => {
	const pty = openDemo(t, 80, 24);
	await waitForList(pty);
	// QA: 80×24 to 30×30 (narrower, taller), and 60×8 to 39×10, left rows of the list above the line until Ctrl-L.
	for (const [cols, rows] of [
		[30, 30],
		[60, 8],
		[39, 10],
	] as const) {
		// eslint-disable-next-line no-await-in-loop
		await pty.resize(cols, rows);
		// eslint-disable-next-line no-await-in-loop
		const screen = await pty.waitFor((text) => /Too small|Need \d/.test(text) || (cols >= 40 && rows >= 8 && /^sessiontop /.test(text)));
		if (cols < 40) {
			// Settled (the frame drawn again whole after a resize): the line alone on the screen.
			// eslint-disable-next-line no-await-in-loop
			const settled = await pty.waitFor((text) => lines(text).filter((line) => line.trim() !== '').length === 1, 5000).catch(() => pty.screen());
			const shown = lines(settled).filter((line) => line.trim() !== '');
			assert.equal(shown.length, 1, `at ${cols}×${rows}, besides the line:\n${settled}\n(first seen:\n${screen})`);
			assert.match(shown[0]!, /Too small|Need/);
		}
	}

	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});
