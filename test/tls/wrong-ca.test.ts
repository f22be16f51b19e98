// A CA was given (--tls-ca-cert) but it is not the one that signed MaxScale's certificate.
// QA's case: the sentence said "pass its CA with --tls-ca-cert", which is what the operator
// had just done. It must say that the certificate is not signed by the CA in that file, and
// which CA to give instead; with no CA given, the old advice stands.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import {after, before, test} from 'node:test';
import {Client, type ClientOptions} from '../../source/api/client.js';
import {describeNetworkError} from '../../source/api/errors.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {assertOneLine, runCli, skipWithoutBuild, tempDir} from '../batch/helpers.js';
import {makeCertificate} from './certificates.js';

const companyCa = makeCertificate('Company CA');
const otherCa = makeCertificate('Other CA');
// MaxScale's admin_ssl_cert, signed by the company CA; and one that signs itself.
const signed = makeCertificate('127.0.0.1', {key: companyCa.key, commonName: 'Company CA'});
const selfSigned = makeCertificate('127.0.0.1');

const servers: https.Server[] = [];
const ports = {signed: 0, selfSigned: 0};

async function serve(certificate: {key: string; cert: string}): Promise<number> {
	const server = https.createServer({key: certificate.key, cert: certificate.cert}, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json'}).end('{"data": []}');
	});
	servers.push(server);
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return (server.address() as AddressInfo).port;
}

before(async () => {
	ports.signed = await serve(signed);
	ports.selfSigned = await serve(selfSigned);
});

after(() => {
	for (const server of servers) {
		server.close();
	}
});

async function sentence(port: number, tls: ClientOptions['tls']): Promise<{kind: string; message: string} | 'ok'> {
	const client = new Client({target: {origin: `https://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs: 3000, tls});
	try {
		const answer = await fetchSessionList(client);
		return answer.ok ? 'ok' : {kind: answer.error.kind, message: answer.error.message};
	} finally {
		await client.close();
	}
}

test("a CA file that did not sign MaxScale's certificate is named, with the CA to give instead", async () => {
	const host = `127.0.0.1:${ports.signed}`;
	assert.deepEqual(await sentence(ports.signed, {rejectUnauthorized: true, ca: otherCa.cert, caFile: 'otherca.pem'}), {
		kind: 'tls',
		message: `${host} presents a certificate not signed by the CA in otherca.pem (UNABLE_TO_VERIFY_LEAF_SIGNATURE): give --tls-ca-cert the CA that signed MaxScale's admin_ssl_cert (its admin_ssl_ca, if set).`,
	});
	// Where the caller did not say which file: the CA given, still not "pass its CA".
	const unnamed = await sentence(ports.signed, {rejectUnauthorized: true, ca: otherCa.cert});
	assert.ok(unnamed !== 'ok');
	assert.match(unnamed.message, /^127\.0\.0\.1:\d+ presents a certificate not signed by the CA given with --tls-ca-cert \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\): give --tls-ca-cert the CA/);
	// What the sentence says to do works.
	assert.equal(await sentence(ports.signed, {rejectUnauthorized: true, ca: companyCa.cert, caFile: 'company-ca.pem'}), 'ok');
});

test('a self-signed certificate that is not the one in the CA file: give that certificate itself', async () => {
	const host = `127.0.0.1:${ports.selfSigned}`;
	assert.deepEqual(await sentence(ports.selfSigned, {rejectUnauthorized: true, ca: otherCa.cert, caFile: '/etc/ssl/otherca.pem'}), {
		kind: 'tls',
		message: `${host} presents a self-signed certificate, not one signed by the CA in /etc/ssl/otherca.pem (DEPTH_ZERO_SELF_SIGNED_CERT): give --tls-ca-cert that certificate itself (MaxScale's admin_ssl_cert).`,
	});
	assert.equal(await sentence(ports.selfSigned, {rejectUnauthorized: true, ca: selfSigned.cert, caFile: 'maxscale.pem'}), 'ok');
});

test('a CA named by the config file: the sentence says which key to change, not a flag to give (QA: cfg1.cnf)', async () => {
	const host = `127.0.0.1:${ports.selfSigned}`;
	const where = 'tls-ca-cert in [maxctrl] of /home/u/.maxctrl.cnf';
	assert.deepEqual(await sentence(ports.selfSigned, {rejectUnauthorized: true, ca: otherCa.cert, caFile: 'otherca.pem', caWhere: where}), {
		kind: 'tls',
		message: `${host} presents a self-signed certificate, not one signed by the CA in otherca.pem (DEPTH_ZERO_SELF_SIGNED_CERT): point ${where} at that certificate itself (MaxScale's admin_ssl_cert).`,
	});
	const unsigned = await sentence(ports.signed, {rejectUnauthorized: true, ca: otherCa.cert, caFile: 'otherca.pem', caWhere: 'SESSIONTOP_TLS_CA_CERT'});
	assert.ok(unsigned !== 'ok');
	assert.match(unsigned.message, /\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\): point SESSIONTOP_TLS_CA_CERT at the CA that signed MaxScale's admin_ssl_cert \(its admin_ssl_ca, if set\)\.$/);
	// The flag, typed: as before.
	const typed = await sentence(ports.selfSigned, {rejectUnauthorized: true, ca: otherCa.cert, caFile: 'otherca.pem', caWhere: '--tls-ca-cert'});
	assert.ok(typed !== 'ok');
	assert.match(typed.message, /: give --tls-ca-cert that certificate itself \(MaxScale's admin_ssl_cert\)\.$/);
});

test('the built CLI names the config file\'s key that gave the CA', {skip: skipWithoutBuild}, async (t) => {
	const dir = tempDir(t);
	writeFileSync(`${dir}/otherca.pem`, otherCa.cert);
	const config = `${dir}/maxctrl.cnf`;
	writeFileSync(config, `[maxctrl]\nhosts = https://127.0.0.1:${ports.selfSigned}\ntls-ca-cert = ${dir}/otherca.pem\n`, {mode: 0o600});
	const run = await runCli(['-c', config, '--once']);
	assert.equal(run.code, 1, run.stderr);
	assert.match(assertOneLine(run.stderr), / point tls-ca-cert in \[maxctrl\] of \S+maxctrl\.cnf at that certificate itself \(MaxScale's admin_ssl_cert\)\.$/);
});

test('with no CA given, the sentence still says to pass one', async () => {
	for (const port of [ports.signed, ports.selfSigned]) {
		const said = await sentence(port, {rejectUnauthorized: true});
		assert.ok(said !== 'ok');
		assert.match(said.message, /^127\.0\.0\.1:\d+: the TLS handshake failed \([A-Z_]+\): pass its CA with --tls-ca-cert, or turn verification off with -n false\.$/);
	}
});

test("the CA file's name is the user's text, sanitized; a certificate out of its dates is said so, whatever the CA", () => {
	const error = {code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'};
	assert.match(describeNetworkError(error, 'mx:8989', 1000, {ca: {file: 'ca\u001B[2J.pem'}}).message, /^mx:8989 presents a certificate not signed by the CA in ca\uFFFD\[2J\.pem \(/);
	for (const ca of [undefined, {file: 'ca.pem'}]) {
		assert.equal(
			describeNetworkError({code: 'CERT_HAS_EXPIRED'}, 'mx:8989', 1000, {ca}).message,
			"mx:8989 presents a certificate that has expired (CERT_HAS_EXPIRED): renew MaxScale's admin_ssl_cert, or check this machine's clock.",
		);
	}
});
