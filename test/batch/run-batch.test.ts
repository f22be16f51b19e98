// runBatch's --watch --json loop in this process: many polls on one stop signal.

import assert from 'node:assert/strict';
import process from 'node:process';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {runBatch} from '../../source/batch/run-batch.js';
import {simulator} from './helpers.js';

test('--watch --json leaves no listener behind per poll: no warning after many polls', async (t) => {
	const sim = await simulator();
	t.after(async () => sim.close());
	const warnings: string[] = [];
	const onWarning = (warning: Error) => {
		warnings.push(`${warning.name}: ${warning.message}`);
	};

	process.on('warning', onWarning);
	t.after(() => process.off('warning', onWarning));
	const client = new Client({target: {origin: sim.url, label: `127.0.0.1:${sim.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
	const stop = new AbortController();
	let lines = 0;
	const code = await runBatch({
		mode: 'watch-json',
		hosts: [{entry: 'sim', client}],
		intervalMs: 1,
		stdout: {
			write(text: string) {
				lines += text.split('\n').length - 1;
				if (lines >= 25) {
					stop.abort();
				}
			},
		},
		stderr: {write: () => true},
		signal: stop.signal,
	});
	// Node reports a leak on the next turns of the loop.
	await new Promise((resolve) => {
		setTimeout(resolve, 50);
	});
	assert.equal(code, 0);
	assert.ok(lines >= 25, `${lines} lines`);
	assert.deepEqual(warnings, []);
});
