// The hook that bounds Ink's text caches (source/ui/ink-caches.ts): it must still
// find its text in the Ink installed, and with it, new lines must not pile up.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {test} from 'node:test';
import {patchInkSource} from '../../source/ui/ink-caches.js';

const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));

test('the installed Ink is the one whose caches the hook bounds', () => {
	for (const name of ['measure-text', 'wrap-text']) {
		const source = readFileSync(path.join(inkBuild, `${name}.js`), 'utf8');
		assert.notEqual(patchInkSource(name, source), undefined, `ink/build/${name}.js has changed: check whether this Ink still needs source/ui/ink-caches.ts`);
	}
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
