// Which screen the CLI loads (source/monitor-bundle-file.ts): the bundle only when it
// was written after its entry module, as `npm run build` writes them.

import assert from 'node:assert/strict';
import {mkdirSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {monitorBundle} from '../../source/monitor-bundle-file.js';
import {tempDir} from './helpers.js';

function build(t: {after(fn: () => void): void}, files: Record<string, number>): URL {
	const dir = tempDir(t);
	mkdirSync(path.join(dir, 'ui'));
	for (const [name, seconds] of Object.entries(files)) {
		const file = path.join(dir, 'ui', name);
		writeFileSync(file, '');
		utimesSync(file, seconds, seconds);
	}

	return pathToFileURL(`${dir}/`);
}

test('the bundle when it is as new as its entry module or newer; the modules when tsc wrote them since, or without a bundle', (t) => {
	const newer = build(t, {'run-monitor.js': 1000, 'monitor-bundle.js': 1001});
	assert.equal(monitorBundle(newer)?.href, new URL('ui/monitor-bundle.js', newer).href);
	// npm gives every installed file one date.
	const installed = build(t, {'run-monitor.js': 499_162_860, 'monitor-bundle.js': 499_162_860});
	assert.ok(monitorBundle(installed));
	assert.equal(monitorBundle(build(t, {'run-monitor.js': 1002, 'monitor-bundle.js': 1001})), undefined, 'tsc ran after the bundle');
	assert.equal(monitorBundle(build(t, {'run-monitor.js': 1000})), undefined, 'no bundle');
	assert.equal(monitorBundle(new URL('https://example.com/build/')), undefined, 'not files');
});
