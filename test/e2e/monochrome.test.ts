// FORCE_COLOR=0 in a real terminal: no colour, but the styles a monochrome screen lives by.

import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {test} from 'node:test';
import {cliPath, startPty, waitForExit} from './pty.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npx tsc\` first`;

test('FORCE_COLOR=0: no colour, but the filter prompt\'s cursor is still drawn inverse (as htop\'s monochrome screen)', {skip, timeout: 40_000}, async (t) => {
	const pty = startPty({args: ['--demo'], cols: 100, rows: 24, env: {FORCE_COLOR: '0'}});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/^▶\s*\d+/m, 15_000);
	const before = pty.rawOutput().length;
	pty.write('/etl');
	await pty.waitFor(/^\/etl/m);
	// The cursor after `etl`: an inverse space.
	await pty.waitFor(() => pty.rawOutput().slice(before).includes('\u001B[7m'), 5000);
	// No colour anywhere, foreground or background (SGR 30-37, 38, 39 aside, 40-47, 48, 90-97, 100-107).
	// eslint-disable-next-line no-control-regex
	const colours = pty.rawOutput().match(/\u001B\[(?:\d+;)*(?:3[0-8]|4[0-8]|9\d|10\d)(?:;\d+)*m/g) ?? [];
	assert.deepEqual(colours, []);
	pty.write('\r');
	await pty.waitFor(/\?  help  q  quit/);
	pty.write('q');
	assert.equal((await waitForExit(pty)).exitCode, 0);
});
