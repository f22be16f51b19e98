// A TLS file from the config file or the environment was said to come from a flag never
// typed: `tls-ca-cert = /nonexistent.pem` gave "--tls-ca-cert /nonexistent.pem does not
// exist". Each sentence now names where the path was given, as the other settings' do. A
// relative path is taken from the current folder, wherever it was given: maxctrl passes
// the value to fs.readFileSync as it is, so a file that works with maxctrl works here.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {test} from 'node:test';
import {loadConfig, type Env, type Flags} from '../../source/config/options.js';
import {readTlsFiles} from '../../source/config/tls.js';
import {runCli, skipWithoutBuild, tempDir} from '../batch/helpers.js';
import {makeCertificate} from '../tls/certificates.js';

const pair = makeCertificate();
const ca = 'give the path of the CA certificate that signed the MaxScale certificate.';

function tlsError(t: {after(fn: () => void): void}, flags: Flags, env: Env, cnf = ''): {error: string; file: string} {
	const home = tempDir(t);
	const file = path.join(home, '.maxctrl.cnf');
	if (cnf !== '') {
		writeFileSync(file, cnf, {mode: 0o600});
	}

	const config = loadConfig({hosts: 'https://mx:8989', ...flags}, env, home);
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	const read = readTlsFiles(config);
	assert.ok(!read.ok, 'accepted');
	return {error: read.error, file};
}

test('a missing file is named where it was given: flag, variable or config file', (t) => {
	assert.equal(tlsError(t, {tlsCaCert: '/nonexistent.pem'}, {}).error, `--tls-ca-cert /nonexistent.pem does not exist: ${ca}`);
	assert.equal(tlsError(t, {}, {SESSIONTOP_TLS_CA_CERT: '/nonexistent.pem'}).error, `SESSIONTOP_TLS_CA_CERT (/nonexistent.pem) does not exist: ${ca}`);
	const {error, file} = tlsError(t, {}, {}, '[maxctrl]\ntls-ca-cert = /nonexistent.pem\n');
	assert.equal(error, `tls-ca-cert in [maxctrl] of ${file} (/nonexistent.pem) does not exist: ${ca}`);
	// The flag wins, and is named.
	assert.equal(tlsError(t, {tlsCaCert: '/flag.pem'}, {SESSIONTOP_TLS_CA_CERT: '/env.pem'}).error, `--tls-ca-cert /flag.pem does not exist: ${ca}`);
});

test('what a file holds, and the pair\'s mistakes, name where each was given', (t) => {
	const dir = tempDir(t);
	const cert = path.join(dir, 'cert.pem');
	const key = path.join(dir, 'key.pem');
	writeFileSync(cert, pair.cert);
	writeFileSync(key, pair.key);
	assert.equal(
		tlsError(t, {}, {SESSIONTOP_TLS_CERT: cert, SESSIONTOP_TLS_KEY: cert}).error,
		`SESSIONTOP_TLS_KEY (${cert}) holds no private key (it looks like a certificate): give the client private key in PEM form.`,
	);
	const swapped = tlsError(t, {}, {}, `[maxctrl]\ntls-cert = ${key}\ntls-key = ${cert}\n`);
	assert.equal(swapped.error, `tls-cert in [maxctrl] of ${swapped.file} and tls-key in [maxctrl] of ${swapped.file} are the wrong way round: ${key} holds the private key and ${cert} the certificate.`);
	assert.equal(tlsError(t, {}, {SESSIONTOP_TLS_KEY: key}).error, 'SESSIONTOP_TLS_KEY needs --tls-cert too: the client certificate that goes with the key.');
	const other = path.join(dir, 'other.pem');
	writeFileSync(other, makeCertificate('other').cert);
	assert.equal(
		tlsError(t, {tlsCert: other}, {SESSIONTOP_TLS_KEY: key}).error,
		`SESSIONTOP_TLS_KEY (${key}) is not the key of --tls-cert ${other}: give the matching pair.`,
	);
});

test('a relative path is taken from the current folder, as maxctrl takes it', (t) => {
	const dir = tempDir(t);
	writeFileSync(path.join(dir, 'ca.pem'), pair.cert);
	const home = tempDir(t);
	writeFileSync(path.join(home, '.maxctrl.cnf'), `[maxctrl]\ntls-ca-cert = ${path.relative(process.cwd(), path.join(dir, 'ca.pem'))}\n`, {mode: 0o600});
	const config = loadConfig({hosts: 'https://mx:8989'}, {}, home);
	assert.ok(!('error' in config));
	assert.equal(readTlsFiles(config).ok, true);
});

test('the CLI: SESSIONTOP_TLS_CA_CERT names itself, not --tls-ca-cert', {skip: skipWithoutBuild}, async () => {
	const run = await runCli(['-h', 'https://127.0.0.1:1', '--once'], {env: {SESSIONTOP_TLS_CA_CERT: '/nonexistent.pem'}});
	assert.equal(run.code, 2);
	assert.equal(run.stderr, `sessiontop: SESSIONTOP_TLS_CA_CERT (/nonexistent.pem) does not exist: ${ca}\n`);
});
