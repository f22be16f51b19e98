import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import type {Config} from '../../source/config/options.js';
import {readTlsFiles} from '../../source/config/tls.js';
import {makeCertificate} from '../tls/certificates.js';
import {tempFolderSync} from '../helpers/temp-folder.js';

// A wrong passphrase is usually OpenSSL's `bad decrypt`; now and then (about one time in 256)
// the noise it decrypts to passes the padding check and the decoder fails instead. Either way
// the sentence must point at --tls-passphrase (the CI run that found it said "check
// --tls-ca-cert, --tls-cert and --tls-key").
/** A client certificate and its encrypted key, written to files. */
function encryptedPair() {
	const client = makeCertificate();
	const dir = tempFolderSync('sessiontop-tls-');
	const cert = path.join(dir, 'client.pem');
	const key = path.join(dir, 'client-encrypted.key');
	writeFileSync(cert, client.cert);
	writeFileSync(key, client.encryptedKey);
	return {client, cert, key};
}

test('every wrong passphrase of an encrypted key is named as such, whatever OpenSSL calls it', () => {
	const {client, cert, key} = encryptedPair();
	const config = {tlsVerify: true, tlsCert: cert, tlsKey: key} as Config;
	assert.equal(readTlsFiles({...config, tlsPassphrase: client.passphrase}).ok, true);
	const wrong = new Set<string>();
	for (let i = 0; i < 1500; i++) {
		const read = readTlsFiles({...config, tlsPassphrase: `wrong ${i}`});
		assert.ok(!read.ok);
		wrong.add(read.error);
	}

	assert.deepEqual([...wrong], [`--tls-key ${key} cannot be opened: check --tls-passphrase.`]);
});

test('QA: an encrypted key with no passphrase given says one is needed, not "check" one never typed', () => {
	const {cert, key} = encryptedPair();
	const read = readTlsFiles({tlsVerify: true, tlsCert: cert, tlsKey: key} as Config);
	assert.ok(!read.ok);
	assert.equal(read.error, `--tls-key ${key} is encrypted: give its passphrase with --tls-passphrase.`);
});
