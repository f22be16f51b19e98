// A config file warning (a password others can read) in a real terminal: on the
// screen's status line while the monitor runs, not on stderr before the full screen
// takes the terminal, where nobody sees it until the end.
//
// Needs `npm run build` first.

import assert from 'node:assert/strict';
import {chmodSync, existsSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {startSimulator} from '../../source/simulator/index.js';
import {cliPath, startPty, waitForExit} from './pty.js';
import {tempFolderSync} from '../helpers/temp-folder.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npm run build\` first`;

test('a config file others can read is warned of on the status line', {skip, timeout: 40_000}, async (t) => {
	const sim = await startSimulator({host: '127.0.0.1', port: 0, sessions: 5, seed: 3});
	const folder = tempFolderSync('sessiontop-warn-');
	t.after(async () => {
		await sim.close();
		rmSync(folder, {recursive: true, force: true});
	});
	const config = path.join(folder, 'open.cnf');
	writeFileSync(config, `[maxctrl]\nhosts = 127.0.0.1:${sim.port}\nuser = admin\npassword = mariadb\n`);
	chmodSync(config, 0o644);
	const pty = startPty({args: ['-c', config], cols: 100, rows: 24, env: {HOME: folder}});
	t.after(() => {
		pty.dispose();
	});
	const screen = await pty.waitFor((text) => text.includes('sessions') && text.includes('Warning:'), 15_000);
	const status = screen.split('\n').slice(-3).join(' ');
	assert.match(status, /Warning: \S*open\.cnf holds a password and other/, screen);
	pty.write('q');
	const exit = await waitForExit(pty);
	assert.equal(exit.exitCode, 0);
});

test('in a replay too: the warning, then the replay\'s own sentence', {skip, timeout: 40_000}, async (t) => {
	const folder = tempFolderSync('sessiontop-warn-');
	t.after(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	const config = path.join(folder, 'open.cnf');
	writeFileSync(config, '[maxctrl]\nuser = admin\npassword = mariadb\n');
	chmodSync(config, 0o644);
	const recording = path.join(folder, 'r.ndjson');
	const session = {key: '7', id: '7', host: 'mx:8989', service: 'RW-Split-Router', state: 'Session started', user: 'app'};
	const frames = [1000, 3000].map((at) => JSON.stringify({t: at, host: 'mx:8989', ok: true, latencyMs: 1, bytes: 1, sessions: [session]}));
	writeFileSync(recording, `${[JSON.stringify({format: 'sessiontop-recording/1', hosts: ['mx:8989']}), ...frames].join('\n')}\n`);
	// Wide enough for both on two lines; narrower, the warning alone is shown whole (footer.test.tsx).
	const pty = startPty({args: ['-c', config, '--replay', recording], cols: 200, rows: 24, env: {HOME: folder}});
	t.after(() => {
		pty.dispose();
	});
	const screen = await pty.waitFor((text) => text.includes('Warning:') && text.includes('2 polls'), 15_000);
	assert.match(screen.split('\n').slice(-3).join(' '), /Warning: \S*open\.cnf holds a password and other.*2 polls/s, screen);
	pty.write('q');
	const exit = await waitForExit(pty);
	assert.equal(exit.exitCode, 0);
});
