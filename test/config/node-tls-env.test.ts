// NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment had Node warn that TLS connections are
// insecure, though sessiontop still verified: it sets rejectUnauthorized on every connection
// itself (-n), so the variable turns nothing off. The warning is gone; verification stays on.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {Simulator} from '../../source/simulator/index.js';
import {assertOneLine, runCli, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';
import {makeCertificate} from '../tls/certificates.js';

const server = makeCertificate();
let sim: Simulator;
before(async () => {
	sim = await simulator({tls: {key: server.key, cert: server.cert}});
});
after(async () => {
	await sim.close();
});

const env = {NODE_TLS_REJECT_UNAUTHORIZED: '0'};

test('NODE_TLS_REJECT_UNAUTHORIZED=0: a self-signed MaxScale is still refused, in one sentence and no Node warning', {skip: skipWithoutBuild}, async () => {
	const run = await runCli(['-h', `https://127.0.0.1:${sim.port}`, '--once'], {env});
	assert.equal(run.code, 1, run.stderr);
	assert.equal(run.stdout, '');
	assert.match(assertOneLine(run.stderr), /^sessiontop: 127\.0\.0\.1:\d+: the TLS handshake failed \(DEPTH_ZERO_SELF_SIGNED_CERT\): pass its CA with --tls-ca-cert/);
});

test('NODE_TLS_REJECT_UNAUTHORIZED=0 with the CA: the list, and nothing on stderr', {skip: skipWithoutBuild}, async (t) => {
	const ca = path.join(tempDir(t), 'ca.pem');
	writeFileSync(ca, server.cert);
	const run = await runCli(['-h', `https://127.0.0.1:${sim.port}`, '--tls-ca-cert', ca, '--tsv'], {env});
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stderr, '');
	assert.equal(run.stdout.trimEnd().split('\n').length, 6);
});
