// Which screen the CLI loads (source/monitor-bundle-file.ts): the bundle only when the
// modules in build/ui/ are the ones it was made from.

import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {fingerprintFile, monitorBundle, uiFingerprint} from '../../source/monitor-bundle-file.js';
import {skipWithoutBuild, tempDir} from './helpers.js';

function build(t: {after(fn: () => void): void}): {build: URL; ui: URL; write(name: string, text: string): void} {
	const dir = tempDir(t);
	mkdirSync(path.join(dir, 'ui'));
	const ui = pathToFileURL(`${dir}/ui/`);
	const write = (name: string, text: string) => {
		writeFileSync(new URL(name, ui), text);
	};

	write('run-monitor.js', 'export {};');
	write('app.js', 'export const app = 1;');
	write('monitor-bundle.js', '// the bundle');
	return {build: pathToFileURL(`${dir}/`), ui, write};
}

test('the bundle when the modules are the ones it was made from; the modules when tsc changed them since, or without a fingerprint', (t) => {
	const {build: folder, ui, write} = build(t);
	assert.equal(monitorBundle(folder), undefined, 'no fingerprint: tsc alone');
	writeFileSync(fingerprintFile(ui), uiFingerprint(ui));
	assert.equal(monitorBundle(folder)?.href, new URL('monitor-bundle.js', ui).href);
	write('monitor-bundle.js', '// rebuilt: the bundle itself is not in the fingerprint');
	assert.ok(monitorBundle(folder));
	write('app.js', 'export const app = 2;');
	assert.equal(monitorBundle(folder), undefined, 'a module changed since');
	write('app.js', 'export const app = 1;');
	assert.ok(monitorBundle(folder), 'the same modules again');
	write('footer.js', 'export {};');
	assert.equal(monitorBundle(folder), undefined, 'a module added since');
	assert.equal(monitorBundle(new URL('https://example.com/build/')), undefined, 'not files');
});

test('`npm run build` leaves the fingerprint of the modules it bundled', {skip: skipWithoutBuild}, () => {
	const built = new URL('../../build/', import.meta.url);
	const ui = new URL('ui/', built);
	assert.equal(readFileSync(fingerprintFile(ui), 'utf8'), uiFingerprint(ui), `run npm run build: ${fileURLToPath(ui)}`);
	assert.ok(monitorBundle(built));
});
