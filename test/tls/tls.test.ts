// HTTPS for real: a certificate made in this process, the simulator serving HTTPS on
// loopback, and the built CLI as a child process. Verification is on by default and
// fails with one sentence; --tls-ca-cert makes it pass; -n false turns it off with a
// warning (on stderr for batch output, on screen for the monitor); client
// certificates (--tls-cert, --tls-key, --tls-passphrase) reach the server.

import assert from 'node:assert/strict';
import {chmodSync, rmSync, writeFileSync} from 'node:fs';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {Simulator} from '../../source/simulator/index.js';
import {assertOneLine, runCli, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';
import {cliPath, startPty} from '../e2e/pty.js';
import {makeCertificate, type Certificate} from './certificates.js';

const options = {skip: skipWithoutBuild};
const tlsFailure =
	/^sessiontop: 127\.0\.0\.1:\d+: the TLS handshake failed \([A-Z_]+\): pass its CA with --tls-ca-cert, or turn verification off with -n false\.$/;

let dir: string;
let server: Certificate;
let sim: Simulator;
let host: string;
const file = (name: string, content: string, mode = 0o600) => {
	const full = path.join(dir, name);
	writeFileSync(full, content);
	chmodSync(full, mode);
	return full;
};

before(async () => {
	dir = tempDir();
	server = makeCertificate();
	sim = await simulator({tls: {key: server.key, cert: server.cert}});
	host = `127.0.0.1:${sim.port}`;
	file('ca.pem', server.cert);
	file('other-ca.pem', makeCertificate().cert);
	file('not-pem.pem', 'hello');
});

after(async () => {
	await sim.close();
	rmSync(dir, {recursive: true, force: true});
});

test('verification is on by default: a self-signed MaxScale is refused in one sentence', options, async () => {
	const [secure, url] = await Promise.all([
		runCli(['-s', '-h', host, '--once']),
		runCli(['-h', `https://${host}`, '--tsv']),
	]);
	for (const run of [secure, url]) {
		assert.equal(run.code, 1, run.stderr);
		assert.equal(run.stdout, '');
		assert.match(assertOneLine(run.stderr), tlsFailure);
	}
});

test('plain HTTP to MaxScale\'s TLS port: the sentence says to use https:// or -s, not that MaxScale restarts mid-answer', options, async () => {
	const run = await runCli(['-h', host, '--tsv']);
	assert.equal(run.code, 1, run.stderr);
	assert.equal(run.stdout, '');
	assert.equal(
		assertOneLine(run.stderr),
		`sessiontop: ${host} closed the connection without answering: if its REST API uses TLS (admin_ssl_key), use https:// or -s/--secure; else MaxScale may be restarting.`,
	);
});

test('--tls-ca-cert makes it pass; a different CA does not', options, async () => {
	const [good, viaUrl, wrong] = await Promise.all([
		runCli(['-s', '-h', host, '--tls-ca-cert', path.join(dir, 'ca.pem'), '--json']),
		runCli(['-h', `https://${host}`, '--tls-ca-cert', path.join(dir, 'ca.pem'), '--once']),
		runCli(['-s', '-h', host, '--tls-ca-cert', path.join(dir, 'other-ca.pem'), '--json']),
	]);
	assert.equal(good.code, 0, good.stderr);
	assert.equal(good.stderr, '');
	assert.equal((JSON.parse(good.stdout) as unknown[]).length, 6);
	assert.equal(viaUrl.code, 0, viaUrl.stderr);
	assert.equal(viaUrl.stdout.trimEnd().split('\n').length, 7);
	assert.equal(wrong.code, 1);
	// Not "pass its CA with --tls-ca-cert", which was done: the CA given did not sign it (wrong-ca.test.ts).
	assert.match(
		assertOneLine(wrong.stderr),
		/^sessiontop: 127\.0\.0\.1:\d+ presents a self-signed certificate, not one signed by the CA (?:in \S*other-ca\.pem|given with --tls-ca-cert) \(DEPTH_ZERO_SELF_SIGNED_CERT\): give --tls-ca-cert that certificate itself \(MaxScale's admin_ssl_cert\)\.$/,
	);
});

test('-n false turns verification off, with one warning line on stderr that names where it was turned off', options, async (t) => {
	const home = tempDir(t);
	const config = path.join(home, '.maxctrl.cnf');
	writeFileSync(config, '[maxctrl]\ntls-verify-server-cert = false\n', {mode: 0o600});
	const [flag, env, file] = await Promise.all([
		runCli(['-s', '-h', host, '-n', 'false', '--once', '--tsv']),
		runCli(['--once'], {env: {SESSIONTOP_HOSTS: host, SESSIONTOP_SECURE: 'true', SESSIONTOP_TLS_VERIFY_SERVER_CERT: 'false'}}),
		runCli(['-s', '-h', host, '--once'], {home}),
	]);
	// Not "-n false" for a variable or a key the operator set and may have forgotten.
	for (const [run, off] of [
		[flag, '-n false'],
		[env, 'SESSIONTOP_TLS_VERIFY_SERVER_CERT is false'],
		[file, `tls-verify-server-cert in [maxctrl] of ${config} is false`],
	] as const) {
		assert.equal(run.code, 0, run.stderr);
		assert.equal(
			assertOneLine(run.stderr),
			`sessiontop: warning: TLS certificate verification is off (${off}): sessiontop cannot tell MaxScale from an impostor, who would get the password.`,
		);
	}

	assert.equal(flag.stdout.split('\n').length, 7);
});

test('a TLS file that cannot be used is one sentence and exit 2', options, async () => {
	const cases: Array<[string[], RegExp]> = [
		[['--tls-ca-cert', path.join(dir, 'missing.pem')], /--tls-ca-cert \S+missing\.pem does not exist: give the path of the CA certificate/],
		[['--tls-ca-cert', path.join(dir, 'not-pem.pem')], /is not a PEM file/],
		[['--tls-cert', path.join(dir, 'ca.pem')], /--tls-cert needs --tls-key too/],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(['-s', '-h', host, '--once', ...args])));
	for (const [index, [, expected]] of cases.entries()) {
		assert.equal(runs[index]!.code, 2, runs[index]!.stderr);
		assert.match(assertOneLine(runs[index]!.stderr), expected);
	}
});

test("a maxctrl user's config file for HTTPS works unchanged", options, async (t) => {
	const home = tempDir(t);
	writeFileSync(path.join(home, '.maxctrl.cnf'), `[maxctrl]\nsecure\ntls-ca-cert=${path.join(dir, 'ca.pem')}\nhosts=${host}\n`, {mode: 0o600});
	const run = await runCli(['--once', '--tsv'], {home});
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stderr, '');
	assert.equal(run.stdout.split('\n').length, 7);
});

test('client certificates: --tls-cert and --tls-key (and an encrypted key with --tls-passphrase) reach the server', options, async (t) => {
	const client = makeCertificate('sessiontop-client');
	const body = JSON.stringify({data: [{id: '1', type: 'sessions', attributes: {user: 'tls-user', connected: 'Fri, 05 Jan 2024 07:24:06 GMT', idle: 1}}]});
	const mtls = https.createServer({key: server.key, cert: server.cert, ca: client.cert, requestCert: true, rejectUnauthorized: true}, (request, response) => {
		const authorized = (request.socket as import('node:tls').TLSSocket).authorized;
		response.writeHead(authorized ? 200 : 403, {'content-type': 'application/json'}).end(authorized ? body : '{}');
	});
	await new Promise<void>((resolve) => {
		mtls.listen(0, '127.0.0.1', resolve);
	});
	t.after(() => {
		mtls.close();
	});
	const target = `127.0.0.1:${(mtls.address() as AddressInfo).port}`;
	const base = ['-s', '-h', target, '--tls-ca-cert', path.join(dir, 'ca.pem'), '--tsv'];
	const cert = file('client.pem', client.cert);
	const key = file('client.key', client.key);
	const encrypted = file('client-encrypted.key', client.encryptedKey);
	const [plain, withPassphrase, wrongPassphrase, without] = await Promise.all([
		runCli([...base, '--tls-cert', cert, '--tls-key', key]),
		runCli([...base, '--tls-cert', cert, '--tls-key', encrypted, '--tls-passphrase', client.passphrase]),
		runCli([...base, '--tls-cert', cert, '--tls-key', encrypted, '--tls-passphrase', 'wrong']),
		runCli(base),
	]);
	for (const run of [plain, withPassphrase]) {
		assert.equal(run.code, 0, run.stderr);
		assert.equal(run.stdout, '1\ttls-user\t\tFri, 05 Jan 2024 07:24:06 GMT\t1\t\t\t\n');
	}

	assert.equal(wrongPassphrase.code, 2);
	assert.match(assertOneLine(wrongPassphrase.stderr, 'wrong'), /--tls-key \S+ cannot be opened: check --tls-passphrase\./);
	assert.equal(without.code, 1, 'no client certificate, no answer');
	assertOneLine(without.stderr);
});

test('the monitor shows the -n false warning on screen', options, async (t) => {
	const pty = startPty({args: ['-s', '-h', host, '-n', 'false'], cols: 200, rows: 20, env: {HOME: tempDir(t)}});
	t.after(() => {
		pty.dispose();
	});
	const screen = await pty.waitFor(/TLS certificate verification is off/, 15_000);
	assert.match(screen, /Warning: TLS certificate verification is off \(-n false\)/);
	assert.ok(cliPath.endsWith('cli.js'));
});
