// runBatch's --watch --json loop in this process: many polls on one stop signal.

import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import process from 'node:process';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {runBatch} from '../../source/batch/run-batch.js';
import {simulator} from './helpers.js';

test('--watch --json leaves no listener behind per poll: no warning after many polls', async (t) => {
	const sim = await simulator();
	t.after(async () => sim.close());
	const warnings: string[] = [];
	const onWarning = (warning: Error) => {
		warnings.push(`${warning.name}: ${warning.message}`);
	};

	process.on('warning', onWarning);
	t.after(() => process.off('warning', onWarning));
	const client = new Client({target: {origin: sim.url, label: `127.0.0.1:${sim.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
	const stop = new AbortController();
	let lines = 0;
	const code = await runBatch({
		mode: 'watch-json',
		hosts: [{entry: 'sim', client}],
		intervalMs: 1,
		stdout: {
			write(text: string) {
				lines += text.split('\n').length - 1;
				if (lines >= 25) {
					stop.abort();
				}
			},
		},
		stderr: {write: () => true},
		signal: stop.signal,
	});
	// Node reports a leak on the next turns of the loop.
	await new Promise((resolve) => {
		setTimeout(resolve, 50);
	});
	assert.equal(code, 0);
	assert.ok(lines >= 25, `${lines} lines`);
	assert.deepEqual(warnings, []);
});

test('--watch --json while MaxScale fails: said once, polls back off, the recovery said', async (t) => {
	const sim = await simulator();
	t.after(async () => sim.close());
	// In front of the simulator: the first poll answered, then five 503s, then answers again.
	const asked: number[] = [];
	const proxy = createServer((request, response) => {
		// The version and uptime, asked once beside the first list (batch/uptime-zone.ts), are no poll.
		const poll = !(request.url ?? '').startsWith('/v1/maxscale');
		if (poll) {
			asked.push(performance.now());
		}

		const n = asked.length;
		if (poll && n >= 2 && n <= 6) {
			response.writeHead(503, {'content-type': 'text/plain'}).end('busy');
			return;
		}

		void fetch(`${sim.url}${request.url ?? '/'}`, {headers: {authorization: request.headers.authorization ?? ''}}).then(async (answer) => {
			response.writeHead(answer.status, {'content-type': 'application/json'}).end(Buffer.from(await answer.arrayBuffer()));
		});
	});
	await new Promise<void>((resolve) => {
		proxy.listen(0, '127.0.0.1', resolve);
	});
	t.after(() => proxy.close());
	const {port} = proxy.address() as AddressInfo;
	const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
	const stop = new AbortController();
	const errors: string[] = [];
	let lines = 0;
	const code = await runBatch({
		mode: 'watch-json',
		hosts: [{entry: 'sim', client}],
		intervalMs: 20,
		stdout: {
			write(text: string) {
				lines += text.split('\n').length - 1;
				if (lines >= 3) {
					stop.abort();
				}
			},
		},
		stderr: {write: (text: string) => errors.push(text)},
		signal: stop.signal,
	});
	assert.equal(code, 0);
	assert.equal(errors.length, 2, errors.join(''));
	// Each with the time, so that a log of the run places the outage.
	assert.match(errors[0]!, /^sessiontop: \d\d:\d\d:\d\d 127\.0\.0\.1:\d+ is unavailable \(503/);
	assert.match(errors[1]!, /^sessiontop: ([01]\d|2[0-3]):[0-5]\d:[0-5]\d the sessions of 127\.0\.0\.1:\d+ are read again, after 5 failed polls\.\n$/);
	// Waits after failures 1 and 4: 20 ms and 160 ms, ±20 %.
	const gap = (n: number) => asked[n + 1]! - asked[n]!;
	assert.ok(gap(4) > 3 * gap(1), `waits ${asked.slice(1).map((at, index) => Math.round(at - asked[index]!)).join(', ')} ms`);
});

test('--watch --json polls again only once its last line is written: a stream that takes its time holds the polls', async (t) => {
	let lists = 0;
	const sim = await simulator({onRequest(_method, url) {
		if (url.startsWith('/v1/sessions')) {
			lists++;
		}
	}});
	t.after(async () => sim.close());
	const client = new Client({target: {origin: sim.url, label: `127.0.0.1:${sim.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
	const stop = new AbortController();
	// A stream whose buffer is full: write() says so, and calls back only when the test lets it.
	const pending: Array<() => void> = [];
	const stdout = {
		write(_text: string, callback?: () => void) {
			pending.push(() => callback?.());
			return false;
		},
		on: () => stdout,
		off: () => stdout,
	};
	const watching = runBatch({mode: 'watch-json', hosts: [{entry: 'sim', client}], intervalMs: 1, stdout, stderr: {write: () => true}, signal: stop.signal});
	const settle = async (ms: number) => new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
	await settle(300);
	assert.equal(lists, 1, 'one poll, its line not yet written');
	assert.equal(pending.length, 1);
	pending.shift()!();
	await settle(300);
	assert.equal(lists, 2, 'written: the next poll, and again no more');
	stop.abort();
	assert.equal(await watching, 0, 'stopped while a line waits');
});

test('--watch --json: a MaxScale that stops answering holds one line up to its timeout, and no more: the others\' lines go on every interval (QA: 30 s without a line)', async (t) => {
	const sim = await simulator();
	t.after(async () => sim.close());
	// Answers its first list (and its version), then takes every request and never answers.
	let asked = 0;
	const hung = createServer((request, response) => {
		if ((request.url ?? '').startsWith('/v1/sessions') && asked++ > 0) {
			return;
		}

		void fetch(`${sim.url}${request.url ?? '/'}`, {headers: {authorization: request.headers.authorization ?? ''}}).then(async (answer) => {
			response.writeHead(answer.status, {'content-type': 'application/json'}).end(Buffer.from(await answer.arrayBuffer()));
		});
	});
	await new Promise<void>((resolve) => {
		hung.listen(0, '127.0.0.1', resolve);
	});
	t.after(() => {
		hung.closeAllConnections();
		hung.close();
	});
	const {port} = hung.address() as AddressInfo;
	const client = (origin: string, label: string) => new Client({target: {origin, label}, user: 'admin', password: 'mariadb', timeoutMs: 600});
	const stop = new AbortController();
	const at: number[] = [];
	const code = await runBatch({
		mode: 'watch-json',
		hosts: [{entry: 'sim', client: client(sim.url, 'sim')}, {entry: 'hung', client: client(`http://127.0.0.1:${port}`, 'hung')}],
		intervalMs: 100,
		stdout: {
			write(text: string) {
				at.push(performance.now());
				if (at.length >= 12) {
					stop.abort();
				}

				return text.length > 0;
			},
		},
		stderr: {write: () => true},
		signal: stop.signal,
	});
	assert.equal(code, 0);
	const gaps = at.slice(1).map((time, index) => Math.round(time - at[index]!));
	// The one poll it was asked in is held up to the 600 ms timeout; then no pause of twice that.
	assert.ok(gaps.filter((gap) => gap > 450).length <= 1, `gaps ${gaps.join(', ')} ms`);
	assert.ok(Math.max(...gaps) < 1100, `gaps ${gaps.join(', ')} ms`);
});
