// The hook that patches Ink's caches (source/ui/ink-caches.ts): it must still find
// its text in the Ink installed, and with it, new lines must not pile up. The built
// CLI's screen carries the same patches, applied when it is bundled (monitor-bundle.ts).

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {inkCachePatches, patchInkSource} from '../../source/ui/ink-caches.js';
import {skipWithoutBuild, tempDir} from '../batch/helpers.js';

const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));

test('the installed Ink is the one the hook patches', () => {
	assert.deepEqual(Object.keys(inkCachePatches).sort(), ['measure-text', 'output', 'render-node-to-output', 'wrap-text']);
	for (const name of Object.keys(inkCachePatches)) {
		const source = readFileSync(path.join(inkBuild, `${name}.js`), 'utf8');
		assert.notEqual(patchInkSource(name, source), undefined, `ink/build/${name}.js has changed: check whether this Ink still needs source/ui/ink-caches.ts`);
	}
});

test('the bundle the CLI runs has every one of Ink\'s files patched, and yoga', {skip: skipWithoutBuild}, async (t) => {
	// The built script (its own folder is what it bundles), writing a copy elsewhere.
	const {bundleMonitor} = (await import(new URL('../../build/monitor-bundle.js', import.meta.url).href)) as typeof import('../../source/monitor-bundle.js');
	const patched = await bundleMonitor(path.join(tempDir(t), 'monitor-bundle.js'));
	assert.deepEqual(patched, [...Object.keys(inkCachePatches).map((name) => `ink/${name}`), 'yoga-layout'].sort());
});

test('a file is patched only when each replacement matches exactly once', () => {
	const source = readFileSync(path.join(inkBuild, 'output.js'), 'utf8');
	for (const [from] of inkCachePatches['output']!) {
		assert.equal(patchInkSource('output', source.replace(from, '')), undefined, `without ${JSON.stringify(from.slice(0, 40))}`);
		assert.equal(patchInkSource('output', `${source}\n${from}`), undefined, `with ${JSON.stringify(from.slice(0, 40))} twice`);
	}

	assert.equal(patchInkSource('ink', source), undefined);
});

test('the hook patches the Ink that is loaded: one Output cache for all frames', () => {
	const script = `
		const {boundInkCaches} = await import(${JSON.stringify(new URL('../../source/ui/ink-caches.ts', import.meta.url).href)});
		boundInkCaches();
		const {default: Output} = await import(${JSON.stringify(pathToFileURL(path.join(inkBuild, 'output.js')).href)});
		process.stdout.write(String(new Output({width: 1, height: 1}).caches === new Output({width: 1, height: 1}).caches));
	`;
	assert.equal(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8'}), 'true');
});

test('60,000 distinct lines rendered leave the heap where it was', () => {
	const script = `
		const {boundInkCaches} = await import(${JSON.stringify(new URL('../../source/ui/ink-caches.ts', import.meta.url).href)});
		boundInkCaches();
		const {render} = await import('ink-testing-library');
		const {createElement} = await import('react');
		const {Box, Text} = await import('ink');
		const view = (n) => createElement(Box, {flexDirection: 'column', width: 40}, ...Array.from({length: 20}, (_, i) => createElement(Text, {key: i, wrap: 'truncate'}, ('row ' + i + ' at ' + n + ' ').repeat(4))));
		const app = render(view(0));
		gc();
		const before = process.memoryUsage().heapUsed;
		for (let n = 1; n <= 3000; n++) {
			app.rerender(view(n));
			app.frames.splice(0);
		}
		gc();
		process.stdout.write(String(process.memoryUsage().heapUsed - before));
		app.unmount();
	`;
	const grew = Number(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8', env: {...process.env, NODE_ENV: 'production'}}));
	// Unbounded, Ink 6.8 keeps about 26 MiB of these lines.
	assert.ok(grew < 6 * 1024 * 1024, `the heap grew by ${(grew / 1024 / 1024).toFixed(1)} MiB`);
});
