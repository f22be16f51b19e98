// Faults that are not errors but questions of identity, through the real poll
// loop and screen: the same id twice in one answer, ids reused by other sessions
// after a restart, and a session that ends between the list and its detail.

import assert from 'node:assert/strict';
import {after, test, type TestContext} from 'node:test';
import {sessionResource, startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {guardProcess, keys, mountApp, until, type Screen} from './harness.js';

guardProcess();

const servers: FaultServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

async function cursorTo(screen: Screen, id: string): Promise<void> {
	const on = new RegExp(`▶\\s*${id} `);
	await until(screen, () => /▶/.test(screen.frame()), 'a cursor');
	for (let i = 0; i < 20 && !on.test(screen.frame()); i++) {
		screen.press(keys.down);
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 20);
		});
	}

	assert.match(screen.frame(), on, `the cursor on session ${id}:\n${screen.frame()}`);
}

/** Rows of the list showing session `id` (the gutter, then the right-aligned id). */
function rowsOf(frame: string, id: string): string[] {
	return frame.split('\n').filter((line) => new RegExp(`^[▶ ][ +●✕]\\s*${id} `).test(line));
}

test('duplicate ids in one answer: each session shows once, the first one wins, the count is right', async () => {
	const server = await startFaultServer({
		sessions: [
			sessionResource('7', {user: 'first-seven'}),
			sessionResource('8', {user: 'eight'}),
			sessionResource('7', {user: 'second-seven', service: 'Other-Service'}),
			sessionResource('8', {user: 'eight'}),
		],
	});
	servers.push(server);
	const screen = mountApp({origin: server.origin, label: server.label}, {rows: 70});
	await until(screen, () => screen.frame().includes('first-seven'), 'the first poll');
	// A few polls: the duplicates must not flicker in as "new" or "ended" either.
	const polls = server.listCount();
	await until(screen, () => server.listCount() >= polls + 3, 'three more polls');
	const frame = screen.frame();
	assert.equal(rowsOf(frame, '7').length, 1, frame);
	assert.equal(rowsOf(frame, '8').length, 1, frame);
	assert.ok(!frame.includes('second-seven'), 'the first of two copies wins');
	assert.ok(!frame.includes('Other-Service'), 'the second copy adds no group');
	assert.match(screen.header(), /\b2 sessions\b/);
	assert.doesNotMatch(frame, /✕/, 'nothing shown as ended');
	assert.doesNotMatch(screen.header(), /STALE/);
	// Said once, on the status line, and not as a failure (it stays at least five seconds).
	assert.equal(screen.status(), 'MaxScale sent 2 sessions whose ids repeat an earlier one: only the first of each is listed.');
	// The pane of a duplicated id opens once, on that session.
	await cursorTo(screen, '7');
	screen.press(keys.enter);
	await until(screen, () => screen.frame().includes('"user": "first-seven"'), `the document:\n${screen.frame()}`);
	await screen.unmount();
});

test('ids reused after a restart: the new session\'s data replaces the old, in the list and in the pane', async (t: TestContext) => {
	const server = await startFaultServer({
		sessions: [
			sessionResource('1', {user: 'alice', remote: '10.0.0.1', service: 'Old-Service', secondsAlive: 5000}),
			sessionResource('2', {user: 'bob', remote: '10.0.0.2', service: 'Old-Service'}),
		],
		version: '23.02.11',
	});
	servers.push(server);
	const screen = mountApp({origin: server.origin, label: server.label}, {rows: 70});
	await until(screen, () => screen.frame().includes('alice'), 'the first poll');
	await cursorTo(screen, '1');
	screen.press(keys.enter);
	await until(screen, () => screen.frame().includes('"user": "alice"'), 'alice\'s document in the pane');

	// MaxScale restarts (a new version, too): its ids start again, and id 1 is now someone else.
	await server.stop();
	await until(screen, () => /STALE/.test(screen.header()), 'the restart seen as a failure');
	server.version = '24.02.3';
	server.sessions = [sessionResource('1', {user: 'carol', remote: '10.9.9.9', service: 'New-Service', secondsAlive: 1})];
	await server.start();
	await until(screen, () => !/STALE/.test(screen.header()) && screen.frame().includes('carol'), 'the new data');
	// (The header's sparkline keeps Old-Service at 0 for its window: only the list is checked.)
	const body = () => screen.lines().slice(3).join('\n');
	await until(screen, () => !body().includes('bob') && !body().includes('Old-Service'), 'the old sessions gone from the list');
	const list = screen.frame();
	assert.equal(rowsOf(list, '1').length, 1);
	assert.match(rowsOf(list, '1')[0]!, /carol\s+10\.9\.9\.9:40664/, 'the row of id 1 is carol\'s');
	assert.match(screen.header(), /MaxScale 24\.02\.3/, 'the new version is learnt after the restart');
	await until(screen, () => /"user": "carol"/.test(screen.frame()), `carol's document in the pane:\n${screen.frame()}`);
	assert.doesNotMatch(screen.frame(), /session ended/, 'the pane follows the id, now carol\'s');
	// Noted, not failed: the pane presents the reused id as one session whose values changed
	// (`"user": "carol"  was "alice"`): two different sessions, one document diff.
	if (/was "alice"/.test(screen.frame())) {
		t.diagnostic('the pane shows carol\'s document as changes of alice\'s ("was \\"alice\\"")');
	}

	await screen.unmount();
});

test('a session gone before its detail loads: the list has it, its detail is 404 with no body: the pane says "session ended"', async () => {
	const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'}), sessionResource('2', {user: 'bob'})]});
	servers.push(server);
	server.goneDetails.add('2');
	const screen = mountApp({origin: server.origin, label: server.label}, {rows: 70});
	await until(screen, () => screen.frame().includes('bob'), 'the first poll');
	await cursorTo(screen, '2');
	screen.press(keys.enter);
	await until(screen, () => /Session 2 · session ended/.test(screen.frame()), `the pane says the session ended:\n${screen.frame()}`);
	const frame = screen.frame();
	assert.doesNotMatch(frame, /loading…/);
	// A word of its own: the server's random port (127.0.0.1:40401 in the header) may hold the digits.
	assert.doesNotMatch(frame, /\b404\b/, 'the 404 is the news that it ended, not an error to show');
	assert.doesNotMatch(screen.header(), /STALE/);
	assert.equal(screen.status(), '');
	assert.ok(server.requests.some((request) => request.startsWith('GET /v1/sessions/2')));
	// The list catches up: session 2 ends there too, the pane stays on its end.
	server.sessions = [sessionResource('1', {user: 'alice'})];
	await until(screen, () => /\b1 session\b/.test(screen.header()), 'the list without session 2');
	assert.match(screen.frame(), /session ended/);
	// Moving the cursor onto a live session opens its document.
	screen.press(keys.escape);
	await until(screen, () => !/Session 2/.test(screen.frame()), 'the pane to close');
	await cursorTo(screen, '1');
	screen.press(keys.enter);
	await until(screen, () => screen.frame().includes('"user": "alice"'), 'alice\'s document');
	await screen.unmount();
});
