// The built binary crashing in a real terminal: `node --import crash-hook.mjs
// build/cli.js --demo` under a pseudo-terminal, with the hook throwing (or
// rejecting) about 1.5 s after the list first shows (see the hook). The
// terminal must be handed back (normal screen, cursor shown, cooked mode), the
// error printed once, readably, on the normal screen, and the exit code non-zero.
//
// Needs `npx tsc` first.

import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {test, type TestContext} from 'node:test';
import {cliPath, startPty, waitForExit, type Pty} from './pty.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npx tsc\` first`;
const hookPath = fileURLToPath(new URL('crash-hook.mjs', import.meta.url));

const cases = [
	{kind: 'exception', message: 'crash-hook: a deliberate uncaught exception'},
	{kind: 'rejection', message: 'crash-hook: a deliberate unhandled rejection'},
] as const;

function openCrashing(t: TestContext, kind: string): Pty {
	const pty = startPty({
		args: [],
		cols: 100,
		rows: 30,
		env: {SESSIONTOP_CRASH_KIND: kind, SESSIONTOP_CRASH_AFTER_MS: '1500'},
		command: {file: process.execPath, args: ['--import', hookPath, cliPath, '--demo']},
	});
	t.after(() => {
		pty.dispose();
	});
	return pty;
}

function occurrences(text: string, part: string): number {
	return text.split(part).length - 1;
}

for (const {kind, message} of cases) {
	test(`a crash (${kind}) hands the terminal back and says so once, readably`, {skip, timeout: 40_000}, async (t) => {
		const pty = openCrashing(t, kind);
		// The monitor is up before the crash (a list row under the cursor); the crash may come before we look.
		await pty.waitFor(/^▶\s*\d+/m, 10_000).catch((error: unknown) => {
			if (!String(error).includes('the program exited')) {
				throw error;
			}
		});
		const exit = await waitForExit(pty, 10_000);
		assert.match(pty.rawOutput(), /▶/, 'the crash came before the monitor drew its list: raise SESSIONTOP_CRASH_AFTER_MS');
		const state = await pty.terminalState();
		const raw = pty.rawOutput();
		const context = `exit ${JSON.stringify(exit)}; screen after exit:\n${state.screen}\nend of output: ${JSON.stringify(raw.slice(-600))}`;

		assert.ok(exit.reported, `the wrapper did not report the exit: ${context}`);
		assert.equal(exit.signal, null, `ended by a signal: ${context}`);
		assert.notEqual(exit.exitCode, 0, `a crash exits non-zero: ${context}`);

		// The terminal as it was: normal screen, cursor visible, cooked mode.
		assert.equal(state.alternateScreen, false, `left in the alternate screen: ${context}`);
		assert.ok(state.alternateLeaves >= 1, 'never left the alternate screen');
		assert.equal(state.cursorHidden, false, `the cursor is left hidden: ${context}`);
		assert.notEqual(state.xtermCursorHidden, true, `xterm sees a hidden cursor: ${context}`);
		assert.equal(state.bracketedPaste, false, `bracketed paste left on: ${context}`);
		assert.equal(state.cooked, true, `raw mode left on: ${state.sttyAfter?.text ?? 'no stty'}`);
		assert.deepEqual(state.sttyChanged, [], 'terminal settings changed');

		// The error: once, after the alternate screen was left, on the normal screen.
		assert.equal(occurrences(raw, message), 1, `the error printed ${occurrences(raw, message)} times: ${context}`);
		const printedAt = raw.indexOf(message);
		const lastLeave = Math.max(raw.lastIndexOf('\u001B[?1049l'), raw.lastIndexOf('\u001B[?47l'), raw.lastIndexOf('\u001B[?1047l'));
		assert.ok(lastLeave !== -1 && printedAt > lastLeave, `the error was written before the alternate screen was left (so it vanished with it): ${context}`);
		assert.ok(state.screen.includes(message), `the error is not on the screen after exit: ${context}`);
		// Readable: its lines start at the left margin and carry no escape sequence of their own.
		const after = raw.slice(lastLeave);
		const lines = after.slice(after.indexOf(message) - 40).split(/\r?\n/);
		const errorLine = state.screen.split('\n').find((line) => line.includes(message)) ?? '';
		assert.match(errorLine, /^sessiontop crashed: Error: crash-hook/, `the first line says what happened: ${JSON.stringify(errorLine)}`);
		// eslint-disable-next-line no-control-regex
		assert.ok(!lines.slice(1).some((line) => /\u001B\[(?!\?25h|\?1049l)/.test(line)), `escape sequences among the error's lines: ${JSON.stringify(after.slice(0, 800))}`);
		assert.doesNotMatch(state.screen, /node_modules\/(ink|react-reconciler)\//, `Ink or React internals in what is printed: ${context}`);
	});
}

// A crash from inside React's render: the hook's loader makes the footer throw
// while rendering. Ink shows its error box on the alternate screen and ends the
// render; the terminal must still come back, and the error be told like any
// other crash: once, readably, on the normal screen, with a non-zero exit.
test('a crash inside a render hands the terminal back and says so once, readably', {skip, timeout: 40_000}, async (t) => {
	const message = 'crash-hook: a deliberate error while rendering';
	const pty = openCrashing(t, 'render');
	await pty.waitFor(/^▶\s*\d+/m, 10_000).catch((error: unknown) => {
		if (!String(error).includes('the program exited')) {
			throw error;
		}
	});
	const exit = await waitForExit(pty, 10_000);
	const state = await pty.terminalState();
	const raw = pty.rawOutput();
	const context = `exit ${JSON.stringify(exit)}; screen after exit:\n${state.screen}\nend of output: ${JSON.stringify(raw.slice(-600))}`;
	assert.ok(exit.reported, `the wrapper did not report the exit: ${context}`);
	assert.notEqual(exit.exitCode, 0, `a crash exits non-zero: ${context}`);
	assert.equal(state.alternateScreen, false, `left in the alternate screen: ${context}`);
	assert.equal(state.cursorHidden, false, `the cursor is left hidden: ${context}`);
	assert.equal(state.bracketedPaste, false, `bracketed paste left on: ${context}`);
	assert.equal(state.cooked, true, `raw mode left on: ${state.sttyAfter?.text ?? 'no stty'}`);
	assert.deepEqual(state.sttyChanged, [], 'terminal settings changed');
	// Ink may draw its error box on the alternate screen first; on the normal screen it is told once.
	const lastLeave = raw.lastIndexOf('\u001B[?1049l');
	assert.ok(lastLeave !== -1, 'never left the alternate screen');
	assert.equal(occurrences(raw.slice(lastLeave), message), 1, `the error told ${occurrences(raw.slice(lastLeave), message)} times on the normal screen: ${context}`);
	assert.match(
		state.screen,
		/^sessiontop crashed: Error: crash-hook: a deliberate error while rendering/m,
		`a render error should end like any other crash ("sessiontop crashed: …" from runMonitor's onCrash), not as Node's own uncaught-exception dump: ${context}`,
	);
	assert.doesNotMatch(state.screen, /node:internal|triggerUncaughtException/, `Node internals in what is printed: ${context}`);
});
