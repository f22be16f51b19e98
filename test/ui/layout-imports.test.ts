// layout.ts sizes the screen before anything is drawn, and the bench, the soak and the
// tests import it before they patch Ink's caches (ui/ink-caches.ts) and load Ink: if
// it pulled Ink in (it did, through footer.tsx, for questionLines), Ink loaded
// unpatched and every frame took ~11 ms instead of ~2 (npm run bench's renderMs).

import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import process from 'node:process';
import {promisify} from 'node:util';
import {skipWithoutBuild, tempDir} from '../batch/helpers.js';

const preload = fileURLToPath(new URL('../batch/fixtures/record-modules.mjs', import.meta.url));
const built = (name: string) => fileURLToPath(new URL(`../../build/ui/${name}`, import.meta.url));
const ink = /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//;

async function modulesLoadedBy(file: string, log: string): Promise<string[]> {
	await promisify(execFile)(process.execPath, ['--import', preload, '--input-type=module', '-e', `await import(${JSON.stringify(file)});`], {env: {...process.env, MODULE_LOG: log}});
	return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

test('importing the layout (and the text layout it uses) loads no Ink; the footer does, as a control', {skip: skipWithoutBuild}, async (t) => {
	const dir = tempDir(t);
	for (const name of ['layout.js', 'status-text.js']) {
		// eslint-disable-next-line no-await-in-loop
		const modules = await modulesLoadedBy(built(name), path.join(dir, `${name}.log`));
		assert.ok(modules.some((url) => url.endsWith(`/ui/${name}`)), `the log saw ${name}`);
		assert.deepEqual(modules.filter((url) => ink.test(url)), [], `${name} loads Ink or React`);
	}

	const control = await modulesLoadedBy(built('footer.js'), path.join(dir, 'footer.log'));
	assert.ok(control.some((url) => ink.test(url)), 'the hook sees Ink when it is loaded');
});
