// Pasting into the built binary in a real terminal: with bracketed paste on, a paste at
// the filter prompt is text, its line breaks spaces, never keys (`report⏎Kyle` pasted
// once closed the prompt, asked to kill with K and confirmed with y); a paste in the
// list does nothing. Needs `npm run build` first.

import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {test} from 'node:test';
import {cliPath, keys, startPty, waitForExit} from './pty.js';
import {assertRestored} from './restored.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npm run build\` first`;
const bracketed = (text: string) => `\u001B[200~${text}\u001B[201~`;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

test('a paste of two lines at / filters by both and closes nothing; a paste in the list does nothing', {skip, timeout: 60_000}, async (t) => {
	const pty = startPty({args: ['--demo'], cols: 100, rows: 30});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/^▶\s*\d+/m, 15_000);
	assert.equal((await pty.terminalState()).bracketedPaste, true, 'bracketed paste is on while it runs');

	pty.write('/');
	await pty.waitFor(/^\/ ?$/m);
	// As a terminal sends it: line breaks as CR, the text inside the markers.
	pty.write(bracketed('report\rKyle\tq'));
	const pasted = await pty.waitFor(/^\/report Kyle q ?$/m);
	assert.match(pasted, /Enter +keep/, `the prompt is still open:\n${pasted}`);

	// A terminal without bracketed paste: one read with a line break inside is a paste too.
	pty.write('\u0015');
	await pty.waitFor(/^\/ ?$/m);
	pty.write('report\rKyle');
	await pty.waitFor(/^\/report Kyle ?$/m);

	pty.write(keys.escape);
	await pty.waitFor((screen) => !/^\/report/m.test(screen));
	pty.write(bracketed('Kyle'));
	await sleep(500);
	const list = await pty.screen();
	assert.doesNotMatch(list, /Kill session|Killing|Killed/, `a paste in the list acted as keys:\n${list}`);

	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});
