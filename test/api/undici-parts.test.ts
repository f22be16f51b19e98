import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {test} from 'node:test';
import {promisify} from 'node:util';
import {Dispatcher, Pool as IndexPool} from 'undici';
import {loadUndiciParts, Pool, request} from '../../source/api/undici-parts.js';

test("the client's Pool and request() are undici's own, loaded without its index", async () => {
	const parts = await loadUndiciParts();
	assert.equal(parts.whole, false, 'undici 7 still has these files where client.ts looks for them');
	// The very classes and function the index exports and installs.
	assert.equal(Pool, IndexPool);
	assert.equal(request, Dispatcher.prototype.request);
});

test('should undici move those files (vendor/undici.ts fails to load), its index is used instead', async () => {
	const parts = await loadUndiciParts('./moved-undici.js');
	assert.equal(parts.whole, true);
	assert.equal(parts.Pool, IndexPool);
	assert.equal(parts.request, Dispatcher.prototype.request);
});

/**
 * A child process that pulls a 10 MB chunked body three times through undici, either the
 * client's (imported through undici-parts.ts) or the package's index, and prints V8's wasm
 * compilation trace: one line per function compiled, and with which compiler.
 */
async function compilersUsed(through: 'client' | 'index'): Promise<string> {
	const parts = new URL('../../source/api/undici-parts.ts', import.meta.url).href;
	const script = `
		import {createServer} from 'node:http';
		const chunk = Buffer.alloc(256 * 1024, 'x');
		const server = createServer((request, response) => {
			for (let i = 0; i < 40; i++) response.write(chunk);
			response.end();
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		const {Pool, request} = ${through === 'client' ? `await import(${JSON.stringify(parts)})` : `await import('undici').then((undici) => ({Pool: undici.Pool, request: undici.Dispatcher.prototype.request}))`};
		const pool = new Pool('http://127.0.0.1:' + server.address().port);
		for (let i = 0; i < 3; i++) {
			const answer = await request.call(pool, {method: 'GET', path: '/'});
			for await (const _ of answer.body);
		}
		await pool.close();
		server.close();
	`;
	const {stdout} = await promisify(execFile)(process.execPath, ['--trace-wasm-compilation-times', '--import', 'tsx', '--input-type=module', '-e', script], {maxBuffer: 64 * 1024 * 1024});
	return stdout;
}

type Compiled = {module: string; bodySize: number; compiler: string};

/** The trace's lines of the module with the largest function: llhttp (tsx and Node's own lexers are wasm too, and smaller). */
function llhttpLines(trace: string): Compiled[] {
	const lines = [...trace.matchAll(/^Compiled function (\w+)#\d+ using (\w+),.*; bodysize (\d+)/gm)].map(([, module, compiler, size]) => ({module: module!, compiler: compiler!, bodySize: Number(size)}));
	const largest = lines.reduce<Compiled | undefined>((best, line) => (best === undefined || line.bodySize > best.bodySize ? line : best), undefined);
	assert.ok(largest !== undefined && largest.bodySize > 10_000, 'llhttp was compiled (its main function is tens of kilobytes)');
	return lines.filter((line) => line.module === largest.module);
}

test("llhttp stays on V8's baseline compiler: no background TurboFan compile for a process's end to wait for", async () => {
	const [client, index] = await Promise.all([compilersUsed('client'), compilersUsed('index')]);
	assert.deepEqual(new Set(llhttpLines(client).map((line) => line.compiler)), new Set(['Liftoff']));
	// The control: the same bodies through undici's index, without the flags, do tier up.
	assert.ok(llhttpLines(index).some((line) => line.compiler === 'TurboFan'));
});
