// Each TLS file holds what its option takes, said at start. node:tls takes a private key
// given as --tls-ca-cert without a word, and the run then failed with
// "DEPTH_ZERO_SELF_SIGNED_CERT: pass its CA with --tls-ca-cert", the option just given.

import assert from 'node:assert/strict';
import {createPublicKey} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import type {Config} from '../../source/config/options.js';
import {readTlsFiles} from '../../source/config/tls.js';
import {runCli, skipWithoutBuild, tempDir} from '../batch/helpers.js';
import {makeCertificate} from '../tls/certificates.js';

const pair = makeCertificate();

function files(dir: string): Record<'cert' | 'key' | 'encrypted' | 'pub' | 'damaged' | 'cut' | 'bundle', string> {
	const body = pair.cert.split('\n');
	// A character changed in the middle of the DER: still PEM, no longer a certificate.
	body[3] = body[3]!.replace(/^./, (char) => (char === 'A' ? 'B' : 'A'));
	const damaged = body.join('\n');
	const texts = {
		cert: pair.cert,
		key: pair.key,
		encrypted: pair.encryptedKey,
		pub: createPublicKey(pair.key).export({type: 'spki', format: 'pem'}).toString(),
		damaged,
		cut: pair.cert.slice(0, 200),
		bundle: makeCertificate('ca2').cert + damaged,
	};
	return Object.fromEntries(
		Object.entries(texts).map(([name, text]) => {
			const file = path.join(dir, `${name}.pem`);
			writeFileSync(file, text);
			return [name, file];
		}),
	) as ReturnType<typeof files>;
}

function errorOf(config: Partial<Config>): string {
	const read = readTlsFiles({tlsVerify: true, ...config} as Config);
	assert.ok(!read.ok, `accepted: ${JSON.stringify(config)}`);
	return read.error;
}

const ca = 'give the CA certificate that signed the MaxScale certificate in PEM form.';

test('--tls-ca-cert without a certificate in it: one sentence naming the file and what it holds', (t) => {
	const f = files(tempDir(t));
	assert.equal(errorOf({tlsCaCert: f.key}), `--tls-ca-cert ${f.key} holds no certificate (it looks like a private key): ${ca}`);
	assert.equal(errorOf({tlsCaCert: f.encrypted}), `--tls-ca-cert ${f.encrypted} holds no certificate (it looks like a private key): ${ca}`);
	assert.equal(errorOf({tlsCaCert: f.pub}), `--tls-ca-cert ${f.pub} holds no certificate (it looks like a public key): ${ca}`);
	assert.equal(errorOf({tlsCaCert: f.damaged}), `--tls-ca-cert ${f.damaged} holds a certificate that cannot be read (its certificate is damaged or cut short): ${ca}`);
	assert.match(errorOf({tlsCaCert: f.cut}), /holds a certificate that cannot be read \(its certificate is damaged or cut short\)/);
	assert.match(errorOf({tlsCaCert: f.bundle}), /\(certificate 2 of its 2 is damaged or cut short\)/);
	assert.equal(readTlsFiles({tlsVerify: true, tlsCaCert: f.cert} as Config).ok, true);
});

test('--tls-cert without a certificate, --tls-key without a key, and the two swapped', (t) => {
	const f = files(tempDir(t));
	assert.equal(errorOf({tlsCert: f.key, tlsKey: f.key}), `--tls-cert ${f.key} holds no certificate (it looks like a private key): give the client certificate in PEM form.`);
	assert.equal(errorOf({tlsCert: f.cert, tlsKey: f.cert}), `--tls-key ${f.cert} holds no private key (it looks like a certificate): give the client private key in PEM form.`);
	assert.equal(errorOf({tlsCert: f.cert, tlsKey: f.pub}), `--tls-key ${f.pub} holds no private key (it looks like a public key): give the client private key in PEM form.`);
	assert.equal(errorOf({tlsCert: f.key, tlsKey: f.cert}), `--tls-cert and --tls-key are the wrong way round: ${f.key} holds the private key and ${f.cert} the certificate.`);
	assert.equal(readTlsFiles({tlsVerify: true, tlsCaCert: f.cert, tlsCert: f.cert, tlsKey: f.key} as Config).ok, true);
	const encrypted = {tlsVerify: true, tlsCert: f.cert, tlsKey: f.encrypted, tlsPassphrase: pair.passphrase} as Config;
	assert.equal(readTlsFiles(encrypted).ok, true, 'an encrypted key is a key');
});

test('the CLI stops at start on a key given as --tls-ca-cert, before any connection', {skip: skipWithoutBuild}, async (t) => {
	const f = files(tempDir(t));
	// Port 1: were the file not refused first, this would be a connection error (exit 1).
	const run = await runCli(['-h', 'https://127.0.0.1:1', '--tls-ca-cert', f.key, '--once']);
	assert.equal(run.code, 2, run.stderr);
	assert.equal(run.stderr, `sessiontop: --tls-ca-cert ${f.key} holds no certificate (it looks like a private key): ${ca}\n`);
});
