// Who may do what, as admin.cc decides it before any routing: the admin user, a read-only
// ("basic") user, Basic credentials of nobody, and tokens (2.5+), version by version.

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {apiVersions} from '../../source/simulator/index.js';
import {basicUser, simulatorOptions} from '../../source/simulate-command.js';
import {fixtureText, start} from './helpers.js';
import {raw} from './raw-http.js';

const basic = 'Basic ' + Buffer.from('viewer:read:only').toString('base64');
const challenge = 'Basic realm="maxscale"';
const denied = fixtureText('error-401-access-denied.json').trimEnd();

describe('a read-only (basic) user', () => {
	for (const version of apiVersions) {
		const canKill = ['22.08', '23.02', '24.02'].includes(version);
		it(`${version}: may read; every write is a 401 "Access denied" with the challenge, before routing`, async () => {
			const sim = await start({apiVersion: version, sessions: 6, basicUser: {user: 'viewer', password: 'read:only'}});
			try {
				const [first, second] = sim.sessionIds();
				for (const path of ['/v1/sessions', `/v1/sessions/${first!}`, '/v1/maxscale']) {
					assert.equal((await raw(sim, path, {auth: basic})).status, 200, path);
				}

				assert.equal((await raw(sim, '/v1/sessions', {auth: basic, method: 'HEAD'})).status, 200);
				const writes: Array<[string, string, string?]> = [
					['DELETE', `/v1/sessions/${first!}`],
					['POST', `/v1/sessions/${second!}/restart`],
					['PATCH', `/v1/sessions/${first!}`, '{"data":{"attributes":{"parameters":{"log_info":true}}}}'],
					// Refused before the route is looked at: no 404 for what does not exist,
					['DELETE', '/v1/sessions/999999999'],
					['PUT', '/v1/nothing'],
					// and before the body is read as JSON.
					['PATCH', `/v1/sessions/${first!}`, 'not json'],
				];
				for (const [method, path, body] of writes) {
					const reply = await raw(sim, path, {auth: basic, method, body});
					assert.equal(reply.status, 401, `${method} ${path}`);
					assert.equal(reply.body.toString(), denied);
					assert.equal(reply.headers['www-authenticate'], challenge);
					assert.equal(reply.headers['content-type'], undefined);
				}

				assert.deepEqual(sim.sessionIds().slice(0, 2), [first, second], 'nothing was killed');
				// The admin still may.
				assert.equal((await raw(sim, `/v1/sessions/${first!}`, {method: 'DELETE'})).status, canKill ? 200 : 404);
			} finally {
				await sim.close();
			}
		});
	}

	it('is refused by the request line\'s method: X-HTTP-Method-Override routes, but is not what admin.cc authorizes', async () => {
		const sim = await start({sessions: 4, basicUser: {user: 'viewer', password: 'read:only'}});
		try {
			const [first] = sim.sessionIds();
			const reply = await raw(sim, `/v1/sessions/${first!}`, {auth: basic, headers: {'x-http-method-override': 'DELETE'}});
			assert.equal(reply.status, 200);
			assert.ok(!sim.sessionIds().includes(first!), 'a GET overridden to DELETE kills, as in MaxScale');
			const head = await raw(sim, '/v1/sessions', {auth: basic, headers: {'x-http-method-override': 'HEAD'}});
			assert.equal(head.headers['content-length'], '0');
		} finally {
			await sim.close();
		}
	});
});

describe('refusals without a challenge', () => {
	for (const version of apiVersions) {
		const xhr = ['23.02', '24.02'].includes(version);
		const tokens = version !== '2.2';
		it(`${version}: XMLHttpRequest ${xhr ? 'gets no' : 'still gets the'} challenge; a Bearer token ${tokens ? 'is a bad token (no challenge)' : 'is not Basic (challenge)'}`, async () => {
			const sim = await start({apiVersion: version, sessions: 2});
			try {
				for (const value of ['XMLHttpRequest', 'xmlhttprequest']) {
					const reply = await raw(sim, '/v1/sessions', {auth: false, headers: {'x-requested-with': value}});
					assert.equal(reply.status, 401);
					assert.equal(reply.headers['www-authenticate'], xhr ? undefined : challenge, value);
				}

				const bearer = await raw(sim, '/v1/sessions', {auth: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x'});
				assert.equal(bearer.status, 401);
				assert.equal(bearer.body.toString(), denied);
				assert.equal(bearer.headers['www-authenticate'], tokens ? undefined : challenge);
			} finally {
				await sim.close();
			}
		});
	}
});

describe('sessiontop simulate --basic-user', () => {
	it('takes NAME:PASSWORD, the password may hold ":"', () => {
		assert.deepEqual(basicUser('viewer:a:b', 'admin'), {user: 'viewer', password: 'a:b'});
		assert.equal(basicUser(undefined, 'admin'), undefined);
		const options = simulatorOptions({basicUser: 'viewer:secret'});
		assert.ok(typeof options !== 'string');
		assert.deepEqual(options.basicUser, {user: 'viewer', password: 'secret'});
	});

	it('refuses a malformed value or the admin\'s name without ever quoting the password', () => {
		for (const [flags, why] of [[{basicUser: 'viewer'}, /NAME:PASSWORD/], [{basicUser: ':hunter2'}, /NAME:PASSWORD/], [{basicUser: 'viewer:'}, /NAME:PASSWORD/], [{basicUser: 'admin:hunter2'}, /another user than --user \(admin\)/], [{user: 'ops', basicUser: 'ops:hunter2'}, /\(ops\)/]] as const) {
			const mistake = simulatorOptions(flags);
			assert.equal(typeof mistake, 'string');
			assert.match(String(mistake), why);
			assert.doesNotMatch(String(mistake), /hunter2/);
		}
	});
});

describe('sessiontop simulate: its numbers', () => {
	it('takes a whole --port, --sessions and --seed, and a --churn that may be a fraction', () => {
		const options = simulatorOptions({port: '0', sessions: '2', seed: '7', churn: '0.5'});
		assert.ok(typeof options !== 'string', String(options));
		assert.deepEqual([options.port, options.sessions, options.seed, options.churn], [0, 2, 7, 0.5]);
		for (const name of ['port', 'sessions', 'seed'] as const) {
			assert.match(String(simulatorOptions({[name]: '2.5'})), new RegExp(`^--${name} "2\\.5" must be a whole number from 0 to \\d+\\.$`));
		}
	});
});

describe('sessiontop simulate --uptime', () => {
	it('takes a time (0, 90s, 2h, 16d; a bare number in seconds) and refuses what is none, in one sentence', () => {
		const uptime = (text: string) => {
			const options = simulatorOptions({uptime: text});
			return typeof options === 'string' ? options : options.uptimeMs;
		};

		assert.equal(uptime('0'), 0);
		assert.equal(uptime('90'), 90_000);
		assert.equal(uptime('2h'), 7_200_000);
		assert.equal(uptime('16d'), 16 * 86_400_000);
		assert.equal((simulatorOptions({}) as {uptimeMs?: number}).uptimeMs, undefined, 'left out: drawn by the seed');
		for (const bad of ['-5s', 'soon', '\u001B[2J']) {
			assert.match(String(uptime(bad)), /^--uptime ".*" must be a time from 0 to 10 years: 0, 90s, 2h, 16d\.$/);
			assert.doesNotMatch(String(uptime(bad)), /\u001B/);
		}
	});
});
