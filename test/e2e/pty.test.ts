// The e2e harness itself, on a small fixture program: it reads the screen as a
// person sees it, follows resizes, and tells a terminal handed back intact from
// one left in the alternate screen, with a hidden cursor, bracketed paste on, in raw mode.

import assert from 'node:assert/strict';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {test, type TestContext} from 'node:test';
import {startPty, waitForExit, type Pty} from './pty.js';

const fixture = fileURLToPath(new URL('tty-fixture.mjs', import.meta.url));

function openFixture(t: TestContext): Pty {
	const pty = startPty({args: [], cols: 40, rows: 10, command: {file: process.execPath, args: [fixture]}});
	t.after(() => {
		pty.dispose();
	});
	return pty;
}

async function waitForRaw(pty: Pty, text: string): Promise<void> {
	const started = Date.now();
	while (!pty.rawOutput().includes(text)) {
		assert.ok(Date.now() - started < 5000, `no ${JSON.stringify(text)} in the output`);
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 20);
		});
	}
}

test('harness: screen, resize, synchronized frames and a clean exit', {timeout: 20_000}, async (t) => {
	const pty = openFixture(t);
	assert.equal((await pty.waitFor('ready 40x10')).split('\n').length, 10);

	await pty.resize(50, 12);
	const resized = await pty.waitFor('ready 50x12');
	assert.equal(resized.split('\n').length, 12);
	assert.deepEqual([pty.cols, pty.rows], [50, 12]);

	// Half a frame inside a synchronized update is not shown until it ends.
	pty.write('s');
	await waitForRaw(pty, 'half');
	assert.ok(!(await pty.screen()).includes('half'), 'a half-drawn frame showed');
	pty.write('f');
	await pty.waitFor('half frame');

	pty.write('q');
	const exit = await waitForExit(pty);
	assert.deepEqual(exit, {exitCode: 0, signal: null, reported: true});
	const state = await pty.terminalState();
	assert.equal(state.alternateScreen, false);
	assert.equal(state.cursorHidden, false);
	assert.equal(state.xtermCursorHidden, false);
	assert.equal(state.alternateEnters, 1);
	assert.equal(state.alternateLeaves, 1);
	assert.equal(state.bracketedPaste, false);
	assert.deepEqual([state.bracketedPasteOn, state.bracketedPasteOff], [1, 1]);
	assert.equal(state.sttyBefore?.flags.get('icanon'), true);
	assert.equal(state.cooked, true);
	assert.deepEqual(state.sttyChanged, []);
});

test('harness: sees a terminal left in the alternate screen, cursor hidden, bracketed paste on, raw', {timeout: 20_000}, async (t) => {
	const pty = openFixture(t);
	await pty.waitFor('ready 40x10');
	pty.kill('SIGKILL');
	const exit = await waitForExit(pty);
	assert.deepEqual(exit, {exitCode: null, signal: 'SIGKILL', reported: true});
	const state = await pty.terminalState();
	assert.equal(state.alternateScreen, true);
	assert.equal(state.cursorHidden, true);
	assert.equal(state.xtermCursorHidden, true);
	assert.equal(state.alternateLeaves, 0);
	assert.equal(state.bracketedPaste, true);
	assert.equal(state.bracketedPasteOff, 0);
	assert.equal(state.cooked, false);
	assert.equal(state.sttyAfter?.flags.get('icanon'), false);
	assert.equal(state.sttyAfter?.flags.get('echo'), false);
	assert.ok(state.sttyChanged.some((change) => change.startsWith('icanon')), state.sttyChanged.join(', '));
});

test('harness: waitFor gives up with the screen in the message', {timeout: 20_000}, async (t) => {
	const pty = openFixture(t);
	await pty.waitFor('ready');
	await assert.rejects(pty.waitFor('never shown', 300), /timed out after 300 ms[\s\S]*ready 40x10/);
});
