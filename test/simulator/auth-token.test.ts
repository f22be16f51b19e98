// GET /v1/auth and the tokens it issues, version by version: over plain HTTP, over HTTPS, and
// sent back as "Authorization: Bearer" (compared with the fixtures of the real server).

import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {Agent, request} from 'undici';
import {apiVersions, type ApiVersion} from '../../source/simulator/index.js';
import {auth, fixtureText, skeleton, start} from './helpers.js';
import {raw} from './raw-http.js';
import {testCert, testKey} from './tls-material.js';

const challenge = 'Basic realm="maxscale"';
const denied = fixtureText('error-401-access-denied.json').trimEnd();
const notEncrypted = fixtureText('error-401-not-encrypted.json').trimEnd();
const adminRequired = fixtureText('error-403-admin-required.json').trimEnd();
const viewer = {user: 'viewer', password: 'read:only'};
const viewerAuth = 'Basic ' + Buffer.from('viewer:read:only').toString('base64');
const withTokens = apiVersions.filter(v => v !== '2.2');

type Reply = {status: number; headers: Record<string, string | string[] | undefined>; text: string};

const dispatcher = new Agent({connect: {rejectUnauthorized: false}});
after(async () => dispatcher.close());

async function https(url: string, init: {method?: string; auth?: string | false} = {}): Promise<Reply> {
	const headers: Record<string, string> = init.auth === false ? {} : {authorization: init.auth ?? auth};
	const response = await request(url, {method: (init.method ?? 'GET') as 'GET', headers, dispatcher});
	return {status: response.statusCode, headers: response.headers, text: await response.body.text()};
}

/** The documented token of that version: 24.02's example, or 2.5's for the others (see versions.ts). */
function fixtureToken(version: ApiVersion): string {
	const name = version === '24.02' ? 'v24-auth-token-response.json' : 'v2.5-auth-token-response.json';
	return (JSON.parse(fixtureText(name)) as {meta: {token: string}}).meta.token;
}

function part(token: string, i: number): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[i]!, 'base64url').toString()) as Record<string, unknown>;
}

function tokenOf(reply: Reply): string {
	return (JSON.parse(reply.text) as {meta: {token: string}}).meta.token;
}

describe('GET /v1/auth over plain HTTP (admin_secure_gui=true)', () => {
	for (const version of withTokens) {
		it(`${version}: 401 "Connection is not encrypted", no challenge, before any credential is looked at`, async () => {
			const sim = await start({apiVersion: version, sessions: 2});
			try {
				for (const path of ['/v1/auth', '/auth']) {
					const reply = await raw(sim, path);
					assert.equal(reply.status, 401, path);
					assert.equal(reply.body.toString(), notEncrypted);
					assert.equal(reply.headers['www-authenticate'], undefined);
					assert.equal(reply.headers['content-type'], undefined);
				}

				// admin.cc Client::auth: the auth endpoint over plain HTTP is refused before the credentials are read.
				for (const credentials of ['admin:wrong', 'admin:mariadb']) {
					const reply = await raw(sim, '/v1/auth', {auth: 'Basic ' + Buffer.from(credentials).toString('base64')});
					assert.equal(reply.status, 401, credentials);
					assert.equal(reply.body.toString(), notEncrypted, credentials);
					assert.equal(reply.headers['www-authenticate'], undefined, credentials);
				}
			} finally {
				await sim.close();
			}
		});
	}

	it('2.2: no such endpoint, 404 with no body, over HTTP and HTTPS', async () => {
		for (const tls of [undefined, {key: testKey, cert: testCert}]) {
			const sim = await start({apiVersion: '2.2', sessions: 2, tls});
			try {
				const reply = await https(`${sim.url}/v1/auth`);
				assert.equal(reply.status, 404);
				assert.equal(reply.text, '');
			} finally {
				await sim.close();
			}
		}
	});
});

describe('GET /v1/auth over HTTPS', () => {
	for (const version of withTokens) {
		describe(version, () => {
			let sim: Awaited<ReturnType<typeof start>>;
			before(async () => {
				sim = await start({apiVersion: version, sessions: 6, tls: {key: testKey, cert: testCert}, basicUser: viewer});
			});
			after(async () => sim.close());

			it('answers 200 with the documented {"meta": {"token": …}}, a JWT shaped as the example', async () => {
				const reply = await https(`${sim.url}/v1/auth`);
				assert.equal(reply.status, 200);
				assert.equal(reply.headers['content-type'], 'application/json');
				const example = version === '24.02' ? 'v24-auth-token-response.json' : 'v2.5-auth-token-response.json';
				assert.deepEqual(skeleton(reply.text), skeleton(fixtureText(example)));
				const token = tokenOf(reply);
				const documented = fixtureToken(version);
				assert.equal(token.split('.')[0], documented.split('.')[0], 'the same header, byte for byte');
				const payload = part(token, 1);
				const model = part(documented, 1);
				assert.deepEqual(Object.keys(payload), Object.keys(model));
				assert.equal(payload['iss'], 'maxscale');
				assert.equal(payload['aud'], 'admin');
				assert.equal(payload['iat'], Math.floor(sim.clock.now() / 1000));
				assert.equal(Number(payload['exp']) - Number(payload['iat']), Number(model['exp']) - Number(model['iat']));
				assert.match(token.split('.')[2]!, /^[\w-]{43}$/, 'an HS256 signature, base64url');
				// pretty=false: the same document without the indentation.
				const compact = await https(`${sim.url}/v1/auth?pretty=false`);
				assert.doesNotMatch(compact.text, /\n/);
				assert.equal(typeof tokenOf(compact), 'string');
			});

			it('takes its token as "Authorization: Bearer" on the other routes, until it expires', async () => {
				const token = tokenOf(await https(`${sim.url}/v1/auth`));
				const bearer = `Bearer ${token}`;
				const [first] = sim.sessionIds();
				assert.equal((await https(`${sim.url}/v1/sessions`, {auth: bearer})).status, 200);
				assert.equal((await https(`${sim.url}/v1/sessions/${first!}`, {auth: bearer})).status, 200);
				const kill = await https(`${sim.url}/v1/sessions/${first!}`, {method: 'DELETE', auth: bearer});
				assert.equal(kill.status, ['22.08', '23.02', '24.02'].includes(version) ? 200 : 404, 'routed as the admin');
				// Another signature, or a token this simulator did not issue: 401 without a challenge.
				const [head, body] = token.split('.');
				for (const bad of [`${head!}.${body!}.AAAA`, fixtureToken(version), `${head!}.${body!}`]) {
					const reply = await https(`${sim.url}/v1/sessions`, {auth: `Bearer ${bad}`});
					assert.equal(reply.status, 401);
					assert.equal(reply.text, denied);
					assert.equal(reply.headers['www-authenticate'], undefined);
				}

				sim.clock.advance((8 * 3600 * 1000) - 1000);
				assert.equal((await https(`${sim.url}/v1/sessions`, {auth: bearer})).status, 200);
				sim.clock.advance(1000);
				const expired = await https(`${sim.url}/v1/sessions`, {auth: bearer});
				assert.equal(expired.status, 401);
				assert.equal(expired.text, denied);
				assert.equal(expired.headers['www-authenticate'], undefined);
			});

			it('gives a read-only user a token that reads, and whose writes get the 403', async () => {
				const reply = await https(`${sim.url}/v1/auth`, {auth: viewerAuth});
				assert.equal(reply.status, 200);
				const token = tokenOf(reply);
				assert.equal(part(token, 1)['aud'], 'viewer');
				const bearer = `Bearer ${token}`;
				const [first] = sim.sessionIds();
				assert.equal((await https(`${sim.url}/v1/sessions/${first!}`, {auth: bearer})).status, 200);
				for (const path of [`/v1/sessions/${first!}`, '/v1/sessions/999999999']) {
					const write = await https(`${sim.url}${path}`, {method: 'DELETE', auth: bearer});
					assert.equal(write.status, 403);
					assert.equal(write.text, adminRequired);
					assert.equal(write.headers['www-authenticate'], undefined);
					assert.equal(write.headers['content-type'], undefined);
				}

				assert.ok(sim.sessionIds().includes(first!), 'nothing was killed');
			});

			it('refuses bad credentials, or a token, with a 401 without a challenge (send_token_auth_error), and says persist=yes is not simulated', async () => {
				const token = tokenOf(await https(`${sim.url}/v1/auth`));
				for (const header of ['Basic ' + Buffer.from('admin:wrong').toString('base64'), `Bearer ${token}`]) {
					const wrong = await https(`${sim.url}/v1/auth`, {auth: header});
					assert.equal(wrong.status, 401, header);
					assert.equal(wrong.text, denied);
					assert.equal(wrong.headers['www-authenticate'], undefined, header);
				}

				// The other routes still challenge bad Basic credentials.
				const elsewhere = await https(`${sim.url}/v1/sessions`, {auth: 'Basic ' + Buffer.from('admin:wrong').toString('base64')});
				assert.equal(elsewhere.headers['www-authenticate'], challenge);
				const persist = await https(`${sim.url}/v1/auth?persist=yes`);
				assert.equal(persist.status, 501);
				assert.match(persist.text, /does not implement persist=yes/);
				assert.equal(persist.headers['set-cookie'], undefined);
			});
		});
	}
});
