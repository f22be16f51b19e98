// Answers that are not 2xx, as MaxScale or a proxy in front of it sends them,
// through the real poll loop and screen: one sentence each, the last good data
// kept with STALE and its age, the countdown, and recovery once the server heals.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {faults, sessionResource, startFaultServer, type Fault, type FaultServer} from '../helpers/fault-server.js';
import {expectFaultScreen, expectRecovery, guardProcess, mountApp, recoveryBound, waitFor} from './harness.js';

guardProcess();

const servers: FaultServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

type Case = {name: string; fault: Fault; sentence: RegExp; also?: (sentence: string) => void};

const cases: Case[] = [
	{
		name: 'HTML 502 from a proxy',
		fault: faults.html502,
		sentence: /^127\.0\.0\.1:\d+ answered 502 with an HTML page instead of MaxScale's JSON: is a proxy in front of it failing\?$/,
	},
	{
		name: '401 Access denied with WWW-Authenticate',
		fault: faults.unauthorized,
		sentence: /^127\.0\.0\.1:\d+ refused the credentials \(401 Access denied\): check --user and --password\.$/,
	},
	{
		name: '403',
		fault: faults.forbidden,
		sentence: /\(403 Administrative access required\)/,
	},
	{
		name: '404 with an empty body',
		fault: faults.notFoundEmpty,
		sentence: /^127\.0\.0\.1:\d+ .*\b404\b.*session list/,
		also(sentence) {
			// describeStatus builds `${host} has no ${what} (404…)`, and the list is asked for as "the session list".
			assert.doesNotMatch(sentence, /has no the /, `a grammatical sentence (source/api/errors.ts describeStatus, 404 branch): "${sentence}"`);
		},
	},
	{
		name: '500',
		fault: faults.internal,
		sentence: /^127\.0\.0\.1:\d+ answered 500 to the request for the session list \(Internal error: the thread pool is exhausted\): MaxScale failed on it; see its log \(it may be restarting\)\.$/,
	},
	{
		name: '503 MaxScale is shutting down',
		fault: faults.shuttingDown,
		sentence: /^127\.0\.0\.1:\d+ is unavailable \(503 MaxScale is shutting down\): wait for it to come back\.$/,
	},
];

for (const {name, fault, sentence, also} of cases) {
	test(`${name}: one sentence, data kept with STALE, countdown, recovery`, async () => {
		const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'}), sessionResource('2', {user: 'bob'})]});
		servers.push(server);
		const screen = mountApp({origin: server.origin, label: server.label});
		await waitFor(() => screen.frame().includes('alice') && screen.frame().includes('bob'), 'the first good poll');
		server.set(fault);
		const shown = await expectFaultScreen(screen, {sentence, kept: ['alice', 'bob'], label: server.label});
		server.sessions = [...server.sessions, sessionResource('3', {user: 'carol'})];
		server.clear();
		await expectRecovery(screen, 'carol', recoveryBound());
		await screen.unmount();
		also?.(shown.sentence);
	});
}
