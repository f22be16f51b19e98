// The monitor keeps V8 from letting dead lists pile up (source/heap-growth.ts): the
// long-running modes must set the flag, and --once need not. What the flag does to
// memory is V8's behaviour, which depends on timing: `npm run bench` measures it
// (rssMb); a test could not pin it down without being flaky.

import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {heapGrowingPercent} from '../../source/heap-growth.js';
import {runCli, simulator, startCli, tempDir} from '../batch/helpers.js';
import {cliPath, startPty, waitForExit} from './pty.js';

const skip = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npx tsc\` first`;
const preload = fileURLToPath(new URL('record-v8-flags.mjs', import.meta.url));
const flag = `--heap-growing-percent=${heapGrowingPercent}`;

test('the monitor and --watch --json set the limit; --once does not', {skip, timeout: 40_000}, async (t) => {
	const dir = tempDir(t);
	const sim = await simulator();
	t.after(async () => sim.close());
	const allFlagsOf = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
	// The client sets V8's WebAssembly flags in every mode (api/undici-parts.ts): only the heap's are this test's.
	const flagsOf = (log: string) => allFlagsOf(log).filter((name) => name.startsWith('--heap-growing-percent'));

	const once = path.join(dir, 'once.log');
	const onceRun = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once', '--tsv'], {nodeArgs: ['--import', preload], env: {V8_FLAG_LOG: once}});
	assert.equal(onceRun.code, 0, onceRun.stderr);
	assert.deepEqual(flagsOf(once), []);
	assert.deepEqual(allFlagsOf(once), ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'], 'the recorder sees the flags that are set');

	const watch = path.join(dir, 'watch.log');
	const watchRun = startCli(['-h', `127.0.0.1:${sim.port}`, '--watch', '--json'], {nodeArgs: ['--import', preload], env: {V8_FLAG_LOG: watch}});
	// A poll printed: past the start, and SIGTERM is the end --watch expects.
	await new Promise((resolve) => {
		watchRun.child.stdout!.once('data', resolve);
	});
	watchRun.child.kill('SIGTERM');
	assert.equal((await watchRun.done).code, 0);
	assert.deepEqual(flagsOf(watch), [flag]);

	const monitor = path.join(dir, 'monitor.log');
	const pty = startPty({args: [], cols: 100, rows: 30, env: {V8_FLAG_LOG: monitor}, command: {file: process.execPath, args: ['--import', preload, cliPath, '--demo']}});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/↑↓ {2}move/, 15_000);
	pty.write('q');
	await waitForExit(pty);
	assert.deepEqual(flagsOf(monitor), [flag]);
	// And the filter's regexes run in linear time there (model/filter-regex.ts): a flag of the monitor's alone.
	assert.ok(allFlagsOf(monitor).includes('--enable-experimental-regexp-engine'), allFlagsOf(monitor).join(' '));
});
