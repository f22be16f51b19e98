// The password goes into one Authorization header and nowhere else: not on the
// screen, not in an error sentence (401, refused, TLS, DNS), not in batch output,
// not in a snapshot (`s`) or a recording; snapshot and recording files are 0600.

import {runCli as runBuilt} from '../batch/helpers.js';
import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {existsSync} from 'node:fs';
import {readdir, readFile, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, test} from 'node:test';
import {Recorder} from '../../source/api/recording.js';
import {testCert, testKey} from '../simulator/tls-material.js';
import {closedPort, faults, sessionResource, startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {guardProcess, keys, mountApp, plain, until, waitFor, type Screen} from './harness.js';
import {tempFolder} from '../helpers/temp-folder.js';

guardProcess();

const password = 'Pw-7f3a9c-SECRET';
const user = 'admin';
/** What travels in the header: it must not show anywhere either. */
const token = Buffer.from(`${user}:${password}`).toString('base64');

const servers: FaultServer[] = [];
const folders: string[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
	await Promise.all(folders.map(async (folder) => rm(folder, {recursive: true, force: true})));
});

const cliPath = fileURLToPath(new URL('../../build/cli.js', import.meta.url));
const noBuild = existsSync(cliPath) ? false : `${cliPath} is missing: run \`npx tsc\` first`;

function assertNoSecret(text: string, where: string): void {
	assert.ok(!text.includes(password), `the password appears in ${where}:\n${text.slice(0, 2000)}`);
	assert.ok(!text.includes(token), `the Authorization token appears in ${where}`);
	// Pieces of it too: an error that echoed a cut-down header or URL.
	assert.ok(!text.includes(password.slice(0, 10)), `a piece of the password appears in ${where}`);
}

function assertFramesClean(screen: Screen, where: string): void {
	for (const frame of screen.frames()) {
		assertNoSecret(frame, where);
	}
}

async function server(options: Parameters<typeof startFaultServer>[0] = {}): Promise<FaultServer> {
	const started = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'})], ...options});
	servers.push(started);
	return started;
}

async function folder(): Promise<string> {
	const made = await tempFolder('sessiontop-credentials-');
	folders.push(made);
	return made;
}

const secret = {user, password};

test('401: the sentence says the credentials were refused, never what they were', async () => {
	const mx = await server({credentials: {user, password: 'the-right-one'}});
	const screen = mountApp({origin: mx.origin, label: mx.label}, {client: secret});
	await until(screen, () => /401/.test(screen.status()), 'the 401 sentence');
	assert.match(screen.status(), /refused the credentials \(401 Access denied\): check --user and --password\./);
	// Refused is not connecting, nor waiting.
	await until(screen, () => screen.frame().includes('No list yet: the line below says why'), 'the empty list saying why');
	assert.doesNotMatch(screen.frame(), /connecting to|Waiting for the first answer/);
	assert.match(screen.frame(), /NO DATA.*no list yet/);
	assertFramesClean(screen, 'the screen (401)');
	await screen.unmount();
});

test('refused, DNS, TLS (self-signed, and https to a plain http port): no password in any sentence', async () => {
	const port = await closedPort();
	const tlsServer = await server({tls: {key: testKey, cert: testCert}});
	const plainServer = await server();
	const cases: Array<{origin: string; label: string; sentence: RegExp}> = [
		{origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`, sentence: /refused the connection/},
		{origin: 'http://no-such-host.invalid:8989', label: 'no-such-host.invalid:8989', sentence: /does not resolve/},
		{origin: tlsServer.origin, label: tlsServer.label, sentence: /^127\.0\.0\.1:\d+: the TLS handshake failed \(/},
		{origin: `https://127.0.0.1:${plainServer.port}`, label: `127.0.0.1:${plainServer.port}`, sentence: /TLS|closed the connection|could not be reached/},
	];
	for (const {origin, label, sentence} of cases) {
		const screen = mountApp({origin, label}, {client: secret});
		// eslint-disable-next-line no-await-in-loop
		await until(screen, () => sentence.test(screen.status()), `the sentence ${String(sentence)}`);
		assertFramesClean(screen, `the screen (${screen.status()})`);
		// eslint-disable-next-line no-await-in-loop
		await screen.unmount();
	}
});

test('a snapshot (s) holds no password, and is mode 0600', async () => {
	const mx = await server();
	const directory = await folder();
	const screen = mountApp({origin: mx.origin, label: mx.label}, {client: secret, saveDirectory: directory, rows: 60});
	await until(screen, () => screen.frame().includes('alice'), 'the first poll');
	// With the pane open, so the document is saved too.
	for (let i = 0; i < 5 && !/▶\s*1 /.test(screen.frame()); i++) {
		screen.press(keys.down);
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 20);
		});
	}

	screen.press(keys.enter);
	await until(screen, () => screen.frame().includes('"user": "alice"'), 'the document');
	screen.press('s');
	await until(screen, () => /Saved the list and the document of session 1 to /.test(screen.frame()), 'the saved sentence');
	const [file] = (await readdir(directory)).filter((name) => /^sessiontop-.*\.json$/.test(name));
	assert.ok(file !== undefined, 'a sessiontop-*.json file');
	const full = path.join(directory, file);
	assert.equal((await stat(full)).mode & 0o777, 0o600, 'mode 0600');
	const text = await readFile(full, 'utf8');
	assert.match(text, /alice/);
	assertNoSecret(text, 'the snapshot');
	assertFramesClean(screen, 'the screen (snapshot)');
	await screen.unmount();
});

test('a recording holds no password, failures included, and is mode 0600', async () => {
	const mx = await server();
	const directory = await folder();
	const file = path.join(directory, 'run.ndjson');
	const recorder = new Recorder(file);
	await recorder.start([mx.label]);
	const screen = mountApp({origin: mx.origin, label: mx.label}, {client: secret, recorder});
	await until(screen, () => screen.frame().includes('alice'), 'the first poll');
	mx.set(faults.unauthorized);
	await until(screen, () => /401/.test(screen.status()), 'a 401 recorded');
	mx.clear();
	await mx.stop();
	await until(screen, () => /refused the connection/.test(screen.status()), 'a refusal recorded');
	await mx.start();
	await until(screen, () => !/STALE/.test(screen.header()), 'recovery');
	await screen.unmount();
	await recorder.flush();
	assert.equal(recorder.problem, undefined);
	assert.equal((await stat(file)).mode & 0o777, 0o600, 'mode 0600');
	const text = await readFile(file, 'utf8');
	assert.match(text, /refused the credentials/);
	assert.match(text, /refused the connection/);
	assertNoSecret(text, 'the recording');
});

async function runCli(args: string[], env: Record<string, string> = {}) {
	return runBuilt(args, {env: {NODE_OPTIONS: '', NO_COLOR: '1', ...env}});
}

test('batch (--once, --json, --tsv): no password in the output or the errors', {skip: noBuild, timeout: 30_000}, async () => {
	const good = await server();
	const denied = await server({credentials: {user, password: 'the-right-one'}});
	const tlsServer = await server({tls: {key: testKey, cert: testCert}});
	const port = await closedPort();
	// Every mode against the one that answers and the one that refuses the password; the
	// network failures (their sentences do not depend on the mode) with --json only.
	const modes = [['--once'], ['--json'], ['--once', '--tsv']];
	const cases: Array<{host: string; ok: boolean; modes: string[][]}> = [
		{host: good.label, ok: true, modes},
		{host: denied.label, ok: false, modes},
		{host: `127.0.0.1:${port}`, ok: false, modes: [['--json']]},
		{host: 'no-such-host.invalid:8989', ok: false, modes: [['--json']]},
		{host: `https://${tlsServer.label}`, ok: false, modes: [['--json']]},
	];
	const runs = await Promise.all([
		// The password by flag…
		...cases.flatMap(({host, ok, modes: chosen}) =>
			chosen.map(async (mode) => ({host, ok, mode, run: await runCli([...mode, '-h', host, '-u', user, '-p', password, '-t', '2000'])})),
		),
		// …and by the environment, against the one that refuses it.
		(async () => ({host: denied.label, ok: false, mode: ['--once'], run: await runCli(['--once', '-h', denied.label, '-u', user, '-t', '2000'], {SESSIONTOP_PASSWORD: password})}))(),
	]);
	for (const {host, ok, mode, run} of runs) {
		const where = `sessiontop ${mode.join(' ')} -h ${host}`;
		assert.equal(run.code === 0, ok, `${where}: exit ${run.code}; stderr: ${run.stderr}`);
		assertNoSecret(run.stdout, `${where}: stdout`);
		assertNoSecret(run.stderr, `${where}: stderr`);
		if (!ok) {
			assert.equal(run.stderr.trim().split('\n').length, 1, `${where}: one line on stderr: ${run.stderr}`);
		}
	}
});

test('a password put in a malformed --hosts URL is not echoed back', {skip: noBuild}, async () => {
	const run = await runCli(['--once', '-h', `http://${user}:${password}@[127.0.0.1`]);
	assert.notEqual(run.code, 0);
	assertNoSecret(run.stderr, `the error for a malformed host URL (source/config/target.ts parseTarget quotes the entry whole): ${run.stderr}`);
});

test('the screen after all of it still shows the data, not the secret', async () => {
	const mx = await server();
	const screen = mountApp({origin: mx.origin, label: mx.label}, {client: secret});
	await waitFor(() => screen.frame().includes('alice'), 'the first poll');
	screen.press('?');
	await until(screen, () => /Keys/.test(screen.frame()), 'the help');
	assertFramesClean(screen, 'the screen with the help');
	assert.ok(!plain(screen.app.lastFrame()).includes(password));
	await screen.unmount();
});
