// Bodies that are wrong in themselves, through the real poll loop and screen:
// JSON cut in half, an answer over the size cap (declared and streamed), invalid
// UTF-8 bytes, multi-byte characters split across chunks, JSON that is not a
// session document, and null where an object or a value should be.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {after, test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {helpText} from '../../source/help.js';
import {sessionResource, startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {expectFaultScreen, expectRecovery, guardProcess, keys, mountApp, recoveryBound, waitFor, type Screen} from './harness.js';

guardProcess();

const servers: FaultServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

async function setup(maxBodyBytes?: number): Promise<{server: FaultServer; screen: Screen}> {
	const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'}), sessionResource('2', {user: 'bob'})]});
	servers.push(server);
	const screen = mountApp({origin: server.origin, label: server.label}, {client: maxBodyBytes === undefined ? {} : {maxBodyBytes}});
	await waitFor(() => screen.frame().includes('alice') && screen.frame().includes('bob'), 'the first good poll');
	return {server, screen};
}

function addFresh(server: FaultServer): void {
	server.sessions = [...server.sessions, sessionResource('3', {user: 'carol'})];
}

/** Characters that must never reach the terminal (tab and newline aside). */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test('truncated JSON: "not valid JSON", data kept, recovery', async () => {
	const {server, screen} = await setup();
	server.set({kind: 'truncated'}, 'list');
	await expectFaultScreen(screen, {
		sentence: /^127\.0\.0\.1:\d+ sent a session list that is not valid JSON \(\d+ bytes\): the answer may have been cut off\.$/,
		kept: ['alice', 'bob'],
		label: server.label,
	});
	addFresh(server);
	server.clear();
	await expectRecovery(screen, 'carol', recoveryBound());
	await screen.unmount();
});

for (const declared of [true, false]) {
	test(`a body over the size cap (${declared ? 'Content-Length declared' : 'chunked, no length'}): one sentence, data kept, recovery`, async () => {
		const cap = 1024 * 1024;
		const {server, screen} = await setup(cap);
		server.set({kind: 'too-large', bytes: 2 * cap, declared}, 'list');
		await expectFaultScreen(screen, {sentence: /^127\.0\.0\.1:\d+ sent an answer over the 1 MiB cap/, kept: ['alice', 'bob'], label: server.label});
		addFresh(server);
		server.clear();
		await expectRecovery(screen, 'carol', recoveryBound());
		await screen.unmount();
	});
}

test('the size-cap sentence names a cap and a flag the user can act on', async () => {
	const server = await startFaultServer();
	servers.push(server);
	server.set({kind: 'too-large', bytes: 400 * 1024, declared: true}, 'all');
	// A cap under half a MiB.
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'a', password: 'b', timeoutMs: 1000, maxBodyBytes: 256 * 1024});
	const answer = await client.getJson('/v1/sessions', 'the session list');
	await client.close();
	assert.ok(!answer.ok);
	const {message} = answer.error;
	const problems: string[] = [];
	if (/over the 0 MiB cap/.test(message)) {
		problems.push(`a 256 KiB cap is called "0 MiB" (source/api/client.ts #tooLarge rounds to whole MiB): "${message}"`);
	}

	const flag = /(--[a-z-]+)/.exec(message)?.[1];
	if (flag !== undefined && !helpText.includes(flag)) {
		problems.push(`the sentence tells the user to "raise ${flag}", but sessiontop has no such option (source/help.ts, source/cli.tsx flags)`);
	}

	assert.deepEqual(problems, []);
});

test('invalid UTF-8 bytes in strings: shown as U+FFFD, nothing raw, no error', async () => {
	const {server, screen} = await setup();
	const good = JSON.stringify({data: [sessionResource('1', {user: 'alice'}), sessionResource('2', {user: 'USERX', service: 'SVCX'})]});
	// Lone continuation bytes, a truncated sequence, an overlong slash, an encoded surrogate, 0xFF.
	const bad = Buffer.concat([Buffer.from([0x80, 0xbf]), Buffer.from('a'), Buffer.from([0xc3]), Buffer.from('b'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff])]);
	const [head, middle, tail] = good.split(/USERX|SVCX/);
	const body = Buffer.concat([Buffer.from(head!), Buffer.from('u'), bad, Buffer.from(middle!), Buffer.from('s'), bad, Buffer.from(tail!)]);
	server.set({kind: 'raw', body}, 'list');
	await waitFor(() => screen.frame().includes('u\uFFFD'), `the user with U+FFFD:\n${screen.frame()}`);
	const frame = screen.frame();
	assert.doesNotMatch(screen.header(), /STALE/);
	assert.equal(screen.status(), '');
	assert.ok(!unsafe.test(frame), 'no unsafe character on screen');
	assert.match(frame, /s\uFFFD+a\uFFFDb\uFFFD+/, 'the service name, its bad bytes replaced');
	await screen.unmount();
});

test('multi-byte characters split across chunks decode whole', async () => {
	const {server, screen} = await setup();
	server.sessions = [sessionResource('1', {user: 'jürgen😀東京'}), sessionResource('2', {user: 'bob'})];
	// Three bytes a chunk: every multi-byte character above is cut somewhere.
	server.set({kind: 'trickle', everyMs: 0, chunkBytes: 3}, 'list');
	await waitFor(() => screen.frame().includes('jürgen😀東京'), `the name whole:\n${screen.frame()}`);
	assert.ok(!screen.frame().includes('\uFFFD'));
	await screen.unmount();
});

test('valid JSON that is not a session document: one sentence for each shape, data kept, recovery', async () => {
	const {server, screen} = await setup();
	const shapes: unknown[] = [{hello: 'world'}, null, [], {data: {}}];
	for (const shape of shapes) {
		server.listDocument = shape;
		// eslint-disable-next-line no-await-in-loop
		await expectFaultScreen(screen, {
			sentence: /^127\.0\.0\.1:\d+: the answer is JSON but not a MaxScale sessions document \(no "data" array\): check that -h is MaxScale's REST API\.$/,
			kept: ['alice', 'bob'],
			label: server.label,
		}).catch((error: unknown) => {
			throw new Error(`shape ${JSON.stringify(shape)}: ${String(error)}`);
		});
		server.listDocument = undefined;
		// Back to good answers between shapes, so the backoff does not stretch the test.
		// eslint-disable-next-line no-await-in-loop
		await expectRecovery(screen, 'alice', recoveryBound());
	}

	addFresh(server);
	await waitFor(() => screen.frame().includes('carol'), 'fresh data');
	await screen.unmount();
});

test('null everywhere: attributes null, relationships null, fields null; sessions shown with ?, junk skipped', async () => {
	const {server, screen} = await setup();
	server.listDocument = {
		links: null,
		meta: null,
		data: [
			null,
			{id: null},
			{id: '', attributes: {user: 'empty-id'}},
			{id: '5', type: 'sessions', attributes: null, relationships: null, links: null},
			{
				id: '6',
				attributes: {user: null, remote: null, state: null, idle: null, memory: null, connected: null, seconds_alive: null, port: null, io_activity: null, thread: null, client: null},
				relationships: {services: null},
			},
			{id: '7', attributes: {user: 'seven', memory: {total: null}}, relationships: {services: {data: null}}},
			{id: '8', attributes: {user: 'eight'}, relationships: {services: {data: [null]}}},
		],
	};
	server.details.set('5', {links: null, data: {id: '5', type: 'sessions', attributes: null, relationships: null}});
	await waitFor(() => /4 sessions/.test(screen.header()) && screen.frame().includes('seven'), `the four readable sessions:\n${screen.frame()}`);
	const frame = screen.frame();
	assert.doesNotMatch(screen.header(), /STALE/);
	// The junk is said to be left out, not a failure (no STALE above).
	assert.equal(screen.status(), 'MaxScale sent 3 entries that are no session with an id: left out.');
	assert.match(frame, /\(no service\)\s+4/);
	// Neither a user nor a client's address: unknown, as on a MaxScale that reports neither (2.1).
	assert.match(frame, /\s5 \?\s+\?/, `session 5: user and client unknown:\n${frame}`);
	assert.ok(!frame.includes('empty-id'), 'an empty id is not a session');
	await waitFor(() => !screen.frame().includes('alice'), 'the old sessions, greyed for a few polls, to go');

	// The pane of session 5 shows its document, nulls and all.
	await waitFor(() => /▶/.test(screen.frame()), 'a cursor');
	for (let i = 0; i < 10 && !/▶\s*5 /.test(screen.frame()); i++) {
		screen.press(keys.down);
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 30);
		});
	}

	assert.match(screen.frame(), /▶\s*5 /, `the cursor on session 5:\n${screen.frame()}`);
	screen.press(keys.enter);
	await waitFor(() => screen.frame().includes('"attributes": null'), `the document of session 5 in the pane:\n${screen.frame()}`);

	// A detail document whose data is null: a sentence in the pane, not a crash.
	server.details.set('5', {data: null});
	await waitFor(() => /not a MaxScale session document/.test(screen.frame()), `the pane's sentence:\n${screen.frame()}`);
	assert.doesNotMatch(screen.header(), /STALE/);

	// A /v1/maxscale document of nulls: no version, still polling.
	server.maxscaleDocument = {data: {attributes: null}};
	await server.restart();
	server.set({kind: 'status', status: 503, body: ''}, 'list');
	await waitFor(() => /STALE/.test(screen.header()), 'a failure, so the version is asked again');
	server.clear();
	await waitFor(() => !/STALE/.test(screen.header()) && !/MaxScale 24/.test(screen.header()), `the header without a version:\n${screen.header()}`);
	server.maxscaleDocument = null;
	server.set({kind: 'status', status: 503, body: ''}, 'list');
	await waitFor(() => /STALE/.test(screen.header()), 'another failure');
	server.clear();
	await waitFor(() => !/STALE/.test(screen.header()), 'recovery with a null version document');
	assert.match(screen.frame(), /seven/);
	await screen.unmount();
});

test('QA: a session document slower than the interval comes: a poll does not cancel it and ask again', async () => {
	const {server, screen} = await setup();
	// ~15 chunks 25 ms apart: ~375 ms, over three of the harness's 100 ms intervals, under its 1 s timeout.
	server.set({kind: 'trickle', everyMs: 25, chunkBytes: 100}, 'detail');
	screen.press('\r');
	await waitFor(() => /"attributes": \{/.test(screen.frame()), 'the document in the pane', 4000);
	const asked = server.requests.filter((request) => request.startsWith('GET /v1/sessions/1')).length;
	assert.ok(asked <= 3, `${asked} requests of the document`);
	await screen.unmount();
});
