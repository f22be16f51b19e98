// meow and undici's pool and request(), as the build bundles them (source/vendor-bundles.ts):
// the same exports as the modules the tests run (source/vendor/), meow and undici patched,
// meow's patched set-up still done, the same way, when meow is asked for it, and Node's
// modules they no longer load as they are imported.

import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {createRequire} from 'node:module';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify, stripVTControlCharacters} from 'node:util';
import {http2Constants, lazyHttp2, lazyMeow, meowPatches, undiciOnDemand, undiciPatches, vendorEntries} from '../../source/vendor-bundles.js';
import {skipWithoutBuild, tempDir} from './helpers.js';

const require = createRequire(import.meta.url);
const meowDependencies = path.join(path.dirname(require.resolve('meow')), 'dependencies.js');
const undiciClientH2 = path.join(path.dirname(require.resolve('undici')), 'lib', 'dispatcher', 'client-h2.js');

const patchedFiles = [
	{file: meowDependencies, patches: meowPatches, patch: lazyMeow},
	{file: undiciClientH2, patches: undiciPatches, patch: lazyHttp2},
];

test('the installed meow and undici are the ones the patches were written for', () => {
	for (const {file, patches, patch} of patchedFiles) {
		const source = readFileSync(file, 'utf8');
		assert.notEqual(patch(source), undefined, `${file} has changed: check what it still sets up or loads as it is imported`);
		for (const {from} of patches) {
			assert.equal(patch(source.replace(from, '')), undefined, 'a replacement that is not found leaves the file alone');
			assert.equal(patch(`${source}\n${from}`), undefined, 'nor one found twice');
		}
	}
});

test("the HTTP/2 constants the patch gives undici are node:http2's, and all that client-h2.js reads", () => {
	const {constants} = require('node:http2') as {constants: Record<string, unknown>};
	for (const [name, value] of Object.entries(http2Constants)) {
		assert.equal(value, constants[name], name);
	}

	const destructured = /const \{\n {2}constants: \{\n([^}]*)\}\n\} = http2/.exec(readFileSync(undiciClientH2, 'utf8'))?.[1];
	assert.ok(destructured !== undefined, 'client-h2.js takes its constants from http2 as it loads');
	assert.deepEqual(destructured.split(',').map((name) => name.trim()).sort(), Object.keys(http2Constants).sort());
});

// Made at the top level, so that its removal is the file's own after-hook, not a test's.
const bundleFolder = tempDir({after});
let made: Promise<{folder: string; patched: string[]}> | undefined;

/**
 * The bundles, made once for this file by the built vendor-bundles.js into a new folder
 * beside a link to the project's node_modules: undici's files required on demand are found
 * from there as from build/vendor/. Answers the folder and which files were patched.
 */
async function bundles(): Promise<{folder: string; patched: string[]}> {
	made ??= (async () => {
		const folder = bundleFolder;
		symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), path.join(folder, 'node_modules'), 'dir');
		const {bundleVendors} = (await import(new URL('../../build/vendor-bundles.js', import.meta.url).href)) as typeof import('../../source/vendor-bundles.js');
		return {folder, patched: await bundleVendors(folder)};
	})();
	return made;
}

test('the bundles export what source/vendor/ does, and meow and undici are patched', {skip: skipWithoutBuild}, async () => {
	const {folder, patched} = await bundles();
	assert.deepEqual([...patched].sort(), ['meow', 'undici client-h2']);
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

/**
 * What a plain child process has loaded (Node's own modules, and CommonJS files) once it has
 * imported meow and undici's pool and request() (`meow`, `undici`: module specifiers) and
 * fetched a page over HTTP/1.1 with them from `origin` (served from this process: listening
 * would load node:child_process in the child, for the cluster module).
 */
async function loadedBy(meow: string, undici: string, origin: string): Promise<{builtins: string[]; files: string[]}> {
	const script = `
		import {createRequire} from 'node:module';
		await import(${JSON.stringify(meow)});
		const {Pool, request} = await import(${JSON.stringify(undici)});
		const pool = new Pool(${JSON.stringify(origin)});
		const answer = await request.call(pool, {method: 'GET', path: '/'});
		if (await answer.body.text() !== 'ok') throw new Error('no answer');
		await pool.close();
		console.log(JSON.stringify({list: process.moduleLoadList, files: Object.keys(createRequire(import.meta.url).cache)}));
	`;
	const {stdout} = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {cwd: fileURLToPath(new URL('../..', import.meta.url))});
	const {list, files} = JSON.parse(stdout) as {list: string[]; files: string[]};
	return {builtins: list.filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice('NativeModule '.length)), files};
}

async function serveOk(t: {after(fn: () => void): void}): Promise<string> {
	const server = createServer((_request, response) => response.end('ok'));
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.after(() => server.close());
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('bundled, undici loads node:http2 (and node:tls, node:crypto) only for HTTP/2, and meow never loads node:child_process', {skip: skipWithoutBuild}, async (t) => {
	const {folder} = await bundles();
	const origin = await serveOk(t);
	const inFolder = (name: string) => pathToFileURL(path.join(folder, name)).href;
	// The control: the packages' own files (what source/vendor/ re-exports), not bundled.
	const packageFiles = `data:text/javascript,export {default as Pool} from ${JSON.stringify(pathToFileURL(require.resolve('undici/lib/dispatcher/pool.js')).href)}; export {default as request} from ${JSON.stringify(pathToFileURL(require.resolve('undici/lib/api/api-request.js')).href)};`;
	const [bundled, packages] = await Promise.all([loadedBy(inFolder('meow.js'), inFolder('undici.js'), origin), loadedBy(pathToFileURL(require.resolve('meow')).href, packageFiles, origin)]);
	const unwanted = ['http2', 'tls', 'crypto', 'child_process'];
	assert.ok(bundled.builtins.includes('http') && bundled.builtins.includes('net'), 'the child did load what HTTP/1.1 needs');
	assert.deepEqual(bundled.builtins.filter((name) => unwanted.includes(name)), []);
	assert.deepEqual(packages.builtins.filter((name) => unwanted.includes(name)).sort(), [...unwanted].sort());
});

test("bundled, undici's WebAssembly and fetch body reader are read from its files when first needed", {skip: skipWithoutBuild}, async (t) => {
	const {folder} = await bundles();
	const origin = await serveOk(t);
	const bundle = readFileSync(path.join(folder, 'undici.js'), 'utf8');
	for (const file of Object.values(undiciOnDemand)) {
		// Each starts with a long base64 or source text that is not in the bundle.
		const opening = /'([A-Za-z\d+/]{200})/.exec(readFileSync(require.resolve(file), 'utf8'))?.[1];
		assert.ok(opening === undefined || !bundle.includes(opening), `${file} is not in the bundle`);
		assert.ok(bundle.includes(JSON.stringify(file)), `${file} is required by name`);
	}

	const {files} = await loadedBy(pathToFileURL(path.join(folder, 'meow.js')).href, pathToFileURL(path.join(folder, 'undici.js')).href, origin);
	const loaded = (file: string) => files.includes(require.resolve(file));
	// The first connection compiled llhttp from one of its two builds; no FormData body was sent.
	assert.ok(loaded(undiciOnDemand['../llhttp/llhttp_simd-wasm.js']) || loaded(undiciOnDemand['../llhttp/llhttp-wasm.js']), files.join('\n'));
	assert.equal(loaded(undiciOnDemand['../web/fetch/body.js']), false);
});
