// Batch output must not load Ink or React: it runs without a terminal, in cron jobs
// and pipes, and should start fast. The built CLI runs in a child process with a
// resolve hook that logs every module it loads; a control run proves the hook sees
// Ink when Ink is loaded.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {after, before, test} from 'node:test';
import {execFile} from 'node:child_process';
import type {Simulator} from '../../source/simulator/index.js';
import {cliPath, startPty, waitForExit} from '../e2e/pty.js';
import {yogaFetch, yogaWithoutFetch} from '../../source/monitor-bundle.js';
import {runCli, simulator, skipWithoutBuild, tempDir} from './helpers.js';

const preload = fileURLToPath(new URL('fixtures/record-modules.mjs', import.meta.url));
const uiModule = fileURLToPath(new URL('../../build/ui/run-monitor.js', import.meta.url));

let sim: Simulator;
before(async () => {
	sim = await simulator();
});
after(async () => {
	await sim.close();
});

function loaded(log: string): string[] {
	return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const inkOrReact = /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//;

test('a batch run loads neither Ink nor React', {skip: skipWithoutBuild}, async (t) => {
	const dir = tempDir(t);
	for (const mode of [['--once', '--tsv'], ['--json']]) {
		const log = path.join(dir, `${mode.join('')}.log`);
		// eslint-disable-next-line no-await-in-loop
		const run = await runCli(['-h', `127.0.0.1:${sim.port}`, ...mode], {nodeArgs: ['--import', preload], env: {MODULE_LOG: log}});
		assert.equal(run.code, 0, run.stderr);
		const modules = loaded(log);
		assert.ok(modules.some((url) => url.endsWith('/build/batch/run-batch.js')), `the batch module ran: ${modules.join('\n')}`);
		assert.deepEqual(modules.filter((url) => inkOrReact.test(url)), [], mode.join(' '));
		// undici's index would load fetch, WebSocket, the caches and the mocks as well: only
		// the pool and request() are imported, as one file (vendor-bundles.ts), and meow as
		// one file too. node:tls is for https hosts only, ini for a config file (there is none).
		assert.ok(modules.some((url) => url.endsWith('/build/vendor/undici.js')) && modules.some((url) => url.endsWith('/build/vendor/meow.js')), 'the vendor bundles');
		assert.deepEqual(modules.filter((url) => /\/node_modules\/(undici|meow|ini)\//.test(url) || url === 'node:tls'), [], mode.join(' '));
		if (mode.includes('--tsv')) {
			// --tsv formats JSON.parse'd slices itself: the monitor's list reader and scanner stay unloaded.
			assert.deepEqual(modules.filter((url) => /\/build\/(api\/(sessions-api|session-list-reader|json-scanner)|batch\/(collect|table))\.js$/.test(url)), [], 'tsv');
			assert.ok(modules.some((url) => url.endsWith('/build/batch/tsv-stream.js')), 'the streamed reader ran');
		}
	}
});

test('--once on a terminal fits its table with the model\'s pure functions alone: no Ink, no React; piped, not even those', {skip: skipWithoutBuild}, async (t) => {
	const dir = tempDir(t);
	const log = path.join(dir, 'once-tty.log');
	const pty = startPty({args: [], cols: 80, rows: 24, env: {MODULE_LOG: log, HOME: dir}, command: {file: process.execPath, args: ['--import', preload, cliPath, '-h', `127.0.0.1:${sim.port}`, '--once']}});
	t.after(() => {
		pty.dispose();
	});
	assert.equal((await waitForExit(pty)).exitCode, 0, await pty.screen());
	const modules = loaded(log);
	assert.ok(modules.some((url) => url.endsWith('/build/batch/fit-table.js')), `the table was fitted: ${modules.join('\n')}`);
	assert.deepEqual(modules.filter((url) => inkOrReact.test(url) || /\/build\/ui\//.test(url)), []);
	const piped = path.join(dir, 'once-pipe.log');
	const run = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once'], {nodeArgs: ['--import', preload], env: {MODULE_LOG: piped}});
	assert.equal(run.code, 0, run.stderr);
	assert.deepEqual(loaded(piped).filter((url) => /\/build\/(batch\/fit-table|model\/(columns|cells))\.js$/.test(url)), [], 'a pipe loads no fitting');
});

test('--help and --version answer from meow alone: no configuration, no HTTP client', {skip: skipWithoutBuild}, async (t) => {
	const dir = tempDir(t);
	const {version, description} = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string; description: string};
	for (const flag of ['--help', '--version']) {
		const log = path.join(dir, `${flag}.log`);
		// eslint-disable-next-line no-await-in-loop
		const run = await runCli([flag], {nodeArgs: ['--import', preload], env: {MODULE_LOG: log}});
		assert.equal(run.code, 0, run.stderr);
		if (flag === '--version') {
			assert.equal(run.stdout, `${version}\n`);
		} else {
			assert.ok(run.stdout.startsWith(`\n  ${description}\n\n  Usage\n`), run.stdout);
		}

		const modules = loaded(log);
		assert.ok(modules.some((url) => url.endsWith('/build/vendor/meow.js')), 'meow, bundled and patched (vendor-bundles.ts)');
		assert.deepEqual(modules.filter((url) => /\/build\/(api|batch|ui)\/|\/build\/vendor\/undici\.js$|\/build\/config\/(options|config-file|password|tls)\.js$|\/node_modules\/(undici|ini|meow)\//.test(url)), [], flag);
	}
});

test('the monitor loads its screen, Ink and React as one file, patched when it was built: no module hook', {skip: skipWithoutBuild}, async (t) => {
	const log = path.join(tempDir(t), 'monitor.log');
	const pty = startPty({args: [], cols: 100, rows: 30, env: {MODULE_LOG: log}, command: {file: process.execPath, args: ['--import', preload, cliPath, '--demo']}});
	t.after(() => {
		pty.dispose();
	});
	await pty.waitFor(/^▶/m, 20_000);
	pty.write('q');
	assert.equal((await waitForExit(pty)).exitCode, 0);
	const modules = loaded(log);
	assert.ok(modules.some((url) => url.endsWith('/build/ui/monitor-bundle.js')), `the bundle ran: ${modules.join('\n')}`);
	assert.ok(modules.some((url) => url.endsWith('/build/model/monitor-state.js')), 'the model stays its own modules, shared with the CLI');
	assert.deepEqual(modules.filter((url) => inkOrReact.test(url) || (/\/build\/ui\//.test(url) && !url.endsWith('/ui/monitor-bundle.js'))), []);
	// ink-caches.ts's hook would have been registered only to patch an Ink loaded from node_modules.
	assert.equal(modules.some((url) => url.startsWith('data:text/javascript')), false, 'no module hook');
});

test('the bundle decodes yoga\'s WebAssembly without fetch(), or leaves a changed yoga as it is', () => {
	const yoga = readFileSync(fileURLToPath(import.meta.resolve('yoga-layout')).replace(/src[/\\]index\.js$/, 'binaries/yoga-wasm-base64-esm.js'), 'utf8');
	const decoded = yogaWithoutFetch(yoga);
	assert.ok(decoded?.includes(yogaFetch.to), 'the installed yoga-layout has changed: check source/monitor-bundle.ts');
	assert.equal(yogaWithoutFetch(yoga.replace(yogaFetch.from, '')), undefined);
});

test('control: the same hook does see Ink and React when the monitor is loaded', {skip: skipWithoutBuild}, async (t) => {
	const log = path.join(tempDir(t), 'ui.log');
	await new Promise<void>((resolve, reject) => {
		execFile(
			process.execPath,
			['--import', preload, '--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(uiModule).href)})`],
			{env: {...process.env, MODULE_LOG: log}},
			(error) => {
				if (error) {
					reject(error);
				} else {
					resolve();
				}
			},
		);
	});
	const modules = loaded(log);
	assert.ok(modules.some((url) => /\/node_modules\/ink\//.test(url)), 'ink seen');
	assert.ok(modules.some((url) => /\/node_modules\/react\//.test(url)), 'react seen');
});
