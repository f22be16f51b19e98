// Ctrl-L in a real terminal, as in top, htop and less: whatever else wrote on the screen,
// the whole frame is drawn again over a cleared one, paused or not. Needs `npm run build`.

import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {test} from 'node:test';
import {cliPath, startPty, waitForExit} from './pty.js';
import {assertRestored} from './restored.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npm run build\` first`;
const clear = '\u001B[H\u001B[2J';
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replaceAll(/\u001B\[[\d;?]*[ -/]*[@-~]/g, '');

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

test('Ctrl-L clears the screen and draws the whole frame again, and changes nothing else', {skip, timeout: 60_000}, async (t) => {
	const pty = startPty({args: ['--demo'], cols: 100, rows: 30});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/^▶\s*\d+/m, 15_000);
	// Paused, the frame does not change by itself: what comes after Ctrl-L is the redraw.
	pty.write('p');
	const paused = await pty.waitFor(/PAUSED/);
	await sleep(300);
	const before = pty.rawOutput().length;
	pty.write('\f');
	let after = '';
	for (let tries = 0; tries < 100 && !plain(after.slice(after.indexOf(clear) + clear.length)).includes('quit'); tries++) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(30);
		after = pty.rawOutput().slice(before);
	}

	assert.ok(after.includes(clear), `the screen is cleared: ${JSON.stringify(after.slice(0, 200))}`);
	const redrawn = plain(after.slice(after.indexOf(clear) + clear.length));
	assert.match(redrawn, /sessiontop /, 'the header is drawn again');
	assert.match(redrawn, /PAUSED/);
	assert.equal(await pty.screen(), paused, 'the same frame: the state did not change');

	pty.write('q');
	await assertRestored(pty, await waitForExit(pty), 0);
});
