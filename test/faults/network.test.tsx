// Faults of the connection itself, through the real poll loop and screen:
// refused, reset mid-body, slow headers, a stalled body, a body that dribbles,
// a restart on the same port, and a host name that does not resolve.

import assert from 'node:assert/strict';
import dns from 'node:dns';
import {after, test} from 'node:test';
import {sessionResource, startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {expectFaultScreen, expectRecovery, guardProcess, mountApp, recoveryBound, slowTimeoutMs, waitFor, type Screen} from './harness.js';

guardProcess();

const servers: FaultServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

async function setup(timeoutMs = 1000): Promise<{server: FaultServer; screen: Screen}> {
	const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'}), sessionResource('2', {user: 'bob', service: 'Read-Connection'})]});
	servers.push(server);
	const screen = mountApp({origin: server.origin, label: server.label}, {client: {timeoutMs}});
	await waitFor(() => screen.frame().includes('alice') && screen.frame().includes('bob'), 'the first good poll');
	assert.doesNotMatch(screen.header(), /STALE/);
	return {server, screen};
}

/** A session only the server knows after the fault: seeing it proves fresh data. */
function addFresh(server: FaultServer, user: string): void {
	server.sessions = [...server.sessions, sessionResource('3', {user})];
}

test('connection refused: the server is gone; data kept, STALE, countdown; back when it listens again', async () => {
	const {server, screen} = await setup();
	await server.stop();
	await expectFaultScreen(screen, {sentence: /^127\.0\.0\.1:\d+ refused the connection: is MaxScale running/, kept: ['alice', 'bob'], label: server.label});
	addFresh(server, 'carol');
	await server.start();
	await expectRecovery(screen, 'carol', recoveryBound());
	await screen.unmount();
});

test('reset mid-body: half an answer, then the socket is destroyed', async () => {
	const {server, screen} = await setup();
	server.set({kind: 'reset'});
	await expectFaultScreen(screen, {sentence: /closed the connection mid-answer/, kept: ['alice', 'bob'], label: server.label});
	addFresh(server, 'carol');
	server.clear();
	await expectRecovery(screen, 'carol', recoveryBound());
	await screen.unmount();
});

test(`slow headers: no answer within the ${slowTimeoutMs} ms timeout`, async () => {
	const {server, screen} = await setup(slowTimeoutMs);
	server.set({kind: 'slow-headers'});
	await expectFaultScreen(screen, {sentence: /did not answer within 300ms/, kept: ['alice', 'bob'], label: server.label});
	addFresh(server, 'carol');
	server.clear();
	await expectRecovery(screen, 'carol', recoveryBound(4, slowTimeoutMs));
	await screen.unmount();
});

test(`slow body: headers, then a stall longer than the ${slowTimeoutMs} ms timeout`, async () => {
	const {server, screen} = await setup(slowTimeoutMs);
	server.set({kind: 'slow-body'});
	await expectFaultScreen(screen, {sentence: /did not finish sending its answer within 300ms/, kept: ['alice', 'bob'], label: server.label});
	addFresh(server, 'carol');
	server.clear();
	await expectRecovery(screen, 'carol', recoveryBound(4, slowTimeoutMs));
	await screen.unmount();
});

// Not in the brief's list, but the same family: a body that never stalls long
// enough for undici's idle body timeout (one byte every 100 ms) yet never ends in
// any useful time. `--timeout` promises a bound on a request; without an overall
// deadline the poll stays in flight forever and, because polls never overlap,
// the screen freezes on old data without ever saying STALE.
test('a body that dribbles one byte per 100 ms is cut off by the timeout too', async () => {
	const {server, screen} = await setup(slowTimeoutMs);
	server.set({kind: 'trickle', everyMs: 100}, 'list');
	const started = Date.now();
	const before = server.listCount();
	await waitFor(() => server.listCount() > before, 'a dribbling list request');
	// Five times the timeout is ample for any reading of "--timeout 300ms".
	await waitFor(() => /within 300ms/.test(screen.status()), 'the timeout sentence', slowTimeoutMs * 5).catch(() => undefined);
	assert.ok(
		/within 300ms/.test(screen.status()),
		`after ${Date.now() - started} ms of a dribbling answer the status line says "${screen.status()}" and the header:\n${screen.header()}\n` +
			'the request has no overall deadline: undici applies bodyTimeout to each idle gap between chunks, so a poll stays in flight (and, since polls never overlap, the screen stays on old data without STALE) for as long as the server dribbles.',
	);
	await expectFaultScreen(screen, {sentence: /within 300ms/, kept: ['alice', 'bob'], label: server.label});
	addFresh(server, 'carol');
	server.clear();
	await expectRecovery(screen, 'carol', recoveryBound(4, slowTimeoutMs));
	await screen.unmount();
});

test('restart on the same port while a poll is in flight: one sentence, then the new data', async () => {
	const {server, screen} = await setup();
	server.set({kind: 'slow-headers'}, 'list');
	const before = server.listCount();
	await waitFor(() => server.listCount() > before, 'a list request in flight');
	server.clear();
	await server.stop();
	await expectFaultScreen(screen, {sentence: /closed the connection (mid-answer|without answering): .*MaxScale may be restarting|refused the connection/, kept: ['alice', 'bob'], label: server.label});
	const {port} = server;
	// After the restart MaxScale has other sessions.
	server.sessions = [sessionResource('1', {user: 'dave'}), sessionResource('9', {user: 'erin'})];
	await server.start();
	assert.equal(server.port, port, 'the same port');
	await expectRecovery(screen, 'erin', recoveryBound());
	await waitFor(() => screen.frame().includes('dave') && !screen.frame().includes('alice'), 'the new data replaces the old');
	await screen.unmount();
});

test('a quick restart between two polls (keep-alive sockets dropped): no crash, the new data shows', async () => {
	const {server, screen} = await setup();
	server.sessions = [sessionResource('1', {user: 'dave'})];
	await server.restart();
	await waitFor(() => screen.frame().includes('dave') && !screen.header().includes('STALE'), 'the new data', recoveryBound());
	await screen.unmount();
});

test('a host name that does not resolve, from the start: NO DATA, one sentence, countdown', async () => {
	const screen = mountApp({origin: 'http://no-such-host.invalid:8989', label: 'no-such-host.invalid:8989'});
	await waitFor(() => /does not resolve/.test(screen.status()), `the DNS sentence; the status says "${screen.status()}"`);
	assert.equal(screen.status(), 'no-such-host.invalid:8989 could not be found (its host name does not resolve): check --hosts.');
	await waitFor(() => /retry in \d+s/.test(screen.header()), 'the countdown');
	assert.match(screen.header(), /NO DATA/);
	assert.match(screen.frame(), /No list yet: the line below says why/);
	await screen.unmount();
});

test('a host name that stops resolving after a good poll: STALE, countdown, back when it resolves', async () => {
	const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'})]});
	servers.push(server);
	// The name resolves (to the fault server) until the test breaks DNS; then the
	// system's own resolver answers for it (ENOTFOUND for .invalid).
	let resolves = true;
	const original = dns.lookup;
	type Lookup = (...args: unknown[]) => unknown;
	const hooked = function (this: unknown, hostname: unknown, ...rest: unknown[]) {
		if (hostname === 'no-such-host.invalid' && resolves) {
			return (original as unknown as Lookup).call(this, '127.0.0.1', ...rest);
		}

		return (original as unknown as Lookup).call(this, hostname, ...rest);
	};

	dns.lookup = hooked as unknown as typeof dns.lookup;
	try {
		const label = `no-such-host.invalid:${server.port}`;
		// dns.lookup is hooked on this thread only: keep the list here, out of the worker.
		const screen = mountApp({origin: `http://${label}`, label}, {listWorker: false});
		await waitFor(() => screen.frame().includes('alice'), 'the first good poll');
		resolves = false;
		// Drop the kept-alive connection, so the next poll must look the name up.
		await server.restart();
		await expectFaultScreen(screen, {sentence: /^no-such-host\.invalid:\d+ could not be found \(its host name does not resolve\): check --hosts\.$/, kept: ['alice'], label});
		addFresh(server, 'carol');
		resolves = true;
		await expectRecovery(screen, 'carol', recoveryBound());
		await screen.unmount();
	} finally {
		dns.lookup = original;
	}
});

