// What every way out of the monitor must leave behind: the terminal as it was found.

import assert from 'node:assert/strict';
import type {Exit, Pty} from './pty.js';

/** The program exited as expected and left the terminal as it found it. */
export async function assertRestored(pty: Pty, exit: Exit, expected: Exit['exitCode']): Promise<void> {
	const state = await pty.terminalState();
	const context = `exit ${JSON.stringify(exit)}; screen after exit:\n${state.screen}\nend of output: ${JSON.stringify(pty.rawOutput().slice(-300))}`;
	assert.ok(exit.reported, `the wrapper did not report the exit: ${context}`);
	assert.equal(exit.signal, null, `killed by a signal instead of handling it: ${context}`);
	assert.equal(exit.exitCode, expected, `exit code: ${context}`);
	assert.ok(state.alternateEnters >= 1, 'never entered the alternate screen');
	assert.ok(state.alternateLeaves >= 1, `never left the alternate screen: ${context}`);
	assert.equal(state.alternateScreen, false, `the alternate screen is still active: ${context}`);
	// The normal screen was blank when the program started (the wrapper draws nothing): it must be handed back so.
	assert.equal(state.screen.trim(), '', `the normal screen was written on: ${context}`);
	assert.equal(state.cursorHidden, false, `the cursor is left hidden (last DECTCEM was ESC[?25l): ${context}`);
	assert.notEqual(state.xtermCursorHidden, true, `xterm sees the cursor hidden: ${context}`);
	assert.ok(state.bracketedPasteOn >= 1, 'never turned bracketed paste on');
	assert.equal(state.bracketedPaste, false, `bracketed paste is left on (the shell would get pastes wrapped in ESC[200~): ${context}`);
	assert.ok(state.mouseOn >= 1, 'never turned mouse reporting on');
	assert.equal(state.mouseTracking, false, `mouse reporting is left on (a click in the shell would type ESC[<0;12;5M): ${context}`);
	assert.ok(state.sttyAfter, 'no stty -a after the exit');
	assert.ok(state.cooked, `the terminal is left in raw mode:\n${state.sttyAfter.text}`);
	assert.deepEqual(state.sttyChanged, [], `terminal settings changed:\n${state.sttyAfter.text}`);
}
