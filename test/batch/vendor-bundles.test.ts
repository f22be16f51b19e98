// meow and undici's pool and request(), as the build bundles them (source/vendor-bundles.ts):
// the same exports as the modules the tests run (source/vendor/), meow patched, and
// meow's patched set-up still done, the same way, when meow is asked for it.

import assert from 'node:assert/strict';
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {stripVTControlCharacters} from 'node:util';
import {lazyMeow, meowPatches, vendorEntries} from '../../source/vendor-bundles.js';
import {skipWithoutBuild, tempDir} from './helpers.js';

const meowDependencies = path.join(path.dirname(createRequire(import.meta.url).resolve('meow')), 'dependencies.js');

test('the installed meow is the one the patch was written for', () => {
	const source = readFileSync(meowDependencies, 'utf8');
	assert.notEqual(lazyMeow(source), undefined, 'meow/build/dependencies.js has changed: check whether it still sets things up as it is imported');
	for (const patch of meowPatches) {
		assert.equal(lazyMeow(source.replace(patch.from, '')), undefined, 'a replacement that is not found leaves the file alone');
		assert.equal(lazyMeow(`${source}\n${patch.from}`), undefined, 'nor one found twice');
	}
});

test('the bundles export what source/vendor/ does, and meow is patched', {skip: skipWithoutBuild}, async (t) => {
	const folder = tempDir(t);
	const {bundleVendors} = (await import(new URL('../../build/vendor-bundles.js', import.meta.url).href)) as typeof import('../../source/vendor-bundles.js');
	assert.deepEqual(await bundleVendors(folder), ['meow']);
	for (const name of Object.keys(vendorEntries)) {
		// eslint-disable-next-line no-await-in-loop
		const [bundled, source] = await Promise.all([import(pathToFileURL(path.join(folder, name)).href), import(`../../source/vendor/${name}`)]);
		assert.deepEqual(Object.keys(bundled as object).sort(), Object.keys(source as object).sort(), name);
	}
});

/**
 * Runs meow as cli.tsx does, from `meowUrl`, counting the localeCompare calls (ICU's
 * collator: normalize-package-data's set-up) made as `importedUrl` (meow's file that
 * sets things up) is imported anew.
 */
async function useMeow(meowUrl: string, importedUrl: string, dir: string) {
	let calls = 0;
	const {localeCompare} = String.prototype;
	String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof localeCompare>) { // eslint-disable-line no-extend-native
		calls++;
		return localeCompare.apply(this, args);
	};

	try {
		await import(`${importedUrl}?fresh=${Math.random()}`);
		const onImport = calls;
		const {default: meow} = (await import(meowUrl)) as typeof import('meow');
		const importMeta = {url: pathToFileURL(path.join(dir, 'cli.js')).href} as ImportMeta;
		const cli = meow('help', {importMeta, argv: []});
		const {repository, _id: id} = cli.pkg as {repository?: {url?: string}; _id?: string};
		let frame = '';
		try {
			meow('help', {importMeta: {url: pathToFileURL(path.join(dir, 'broken', 'cli.js')).href} as ImportMeta, argv: []});
		} catch (error: unknown) {
			frame = (error as Error).message;
		}

		return {onImport, normalized: {repository: repository?.url, id}, frame};
	} finally {
		String.prototype.localeCompare = localeCompare; // eslint-disable-line no-extend-native
	}
}

test("meow bundled sets nothing up as it is imported, and reads package.json as meow does", {skip: skipWithoutBuild}, async (t) => {
	const dir = tempDir(t);
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify({name: 'x', version: '1.2.3', license: 'MIT', repository: 'github:a/b'}));
	mkdirSync(path.join(dir, 'broken'));
	writeFileSync(path.join(dir, 'broken', 'package.json'), '{"name": "broken",');
	const bundle = new URL('../../build/vendor/meow.js', import.meta.url).href;
	const bundled = await useMeow(bundle, bundle, dir);
	const original = await useMeow(pathToFileURL(createRequire(import.meta.url).resolve('meow')).href, pathToFileURL(meowDependencies).href, dir);
	assert.equal(bundled.onImport, 0, 'no collator as the bundle is imported');
	assert.ok(original.onImport > 0, 'the package itself sorts its licence list as it is imported (the control)');
	assert.deepEqual(bundled.normalized, {repository: 'git+https://github.com/a/b.git', id: 'x@1.2.3'});
	assert.deepEqual(bundled.normalized, original.normalized);
	// @babel/code-frame colours the frame when it thinks the terminal can (CI sets FORCE_COLOR).
	assert.match(stripVTControlCharacters(bundled.frame), /> 1 \| \{"name": "broken",\n.*\^/, 'the syntax error points at its line (@babel/code-frame)');
	assert.equal(bundled.frame, original.frame);
});
