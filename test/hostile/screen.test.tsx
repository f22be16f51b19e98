// Hostile documents through the whole monitor: the real App, Poller, reader,
// reducer and components, fed by a client whose answers come from fast-check
// instead of the network (the same Client.getJson and describeStatus turn them
// into JSON or sentences). Every frame Ink writes is scanned: the list rows, the
// header (versions, service sparklines, the host line of several MaxScales), the
// pane, the help, the kill confirmation and the status line.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {Client, type Answer} from '../../source/api/client.js';
import {describeNetworkError, describeStatus} from '../../source/api/errors.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {keys, plain, waitFor} from '../helpers/ink.js';
import {sessionResource, startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {assertSafe, checkAsync, hostileWorld, type HostileWorld} from './arbitraries.js';
import {streamViaSend} from '../helpers/stream-via-send.js';

const problems: string[] = [];
process.on('unhandledRejection', (reason) => {
	problems.push(`unhandledRejection: ${String(reason)}`);
});
process.on('uncaughtException', (error) => {
	problems.push(`uncaughtException: ${error.stack ?? error.message}`);
});

type Mode = 'good' | 'status' | 'network';

/** A Client whose every answer comes from `world` (or a failure), with no network in between. */
function fakeClient(label: string, world: HostileWorld): {client: Client; mode: {current: Mode}} {
	const mode = {current: 'good' as Mode};
	const client = Object.create(Client.prototype) as Client;
	Object.defineProperty(client, 'target', {value: {origin: `http://${label}`, label}});
	const ok = (body: unknown): Answer => ({ok: true, status: 200, body: JSON.stringify(body), latencyMs: 1});
	Object.assign(client, {
		stream: streamViaSend,
		async send(method: string, path: string, what: string): Promise<Answer> {
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
			if (mode.current === 'status') {
				return {ok: false, error: describeStatus(503, JSON.stringify({errors: [{detail: world.detail}]}), label, what), latencyMs: 1};
			}

			if (mode.current === 'network') {
				return {ok: false, error: describeNetworkError(Object.assign(new Error(world.networkMessage), {code: 'EHOSTILE'}), label, 300), latencyMs: 1};
			}

			if (method !== 'GET') {
				return {ok: true, status: 200, body: '', latencyMs: 1};
			}

			const route = path.split('?')[0] ?? '';
			if (route === '/v1/maxscale') {
				return ok(world.maxscale);
			}

			if (route === '/v1/sessions') {
				return ok(world.list);
			}

			const id = decodeURIComponent(route.slice('/v1/sessions/'.length));
			const found = world.sessions.find((session) => session.id === id);
			return found === undefined
				? {ok: false, error: describeStatus(404, '', label, what), latencyMs: 1}
				: ok({links: {self: 'x'}, data: found.resource});
		},
		async close() {
			// Nothing to close.
		},
	});
	return {client, mode};
}

const sizes = fc.constantFrom<[number, number]>([100, 24], [60, 16], [40, 12], [160, 40]);

function mount(clients: Client[], [columns, rows]: [number, number]) {
	const app = render(<App clients={clients} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} writeTerminal={() => undefined} />);
	Object.defineProperty(app.stdout, 'columns', {configurable: true, get: () => columns});
	Object.defineProperty(app.stdout, 'rows', {configurable: true, get: () => rows});
	app.stdout.emit('resize');
	const frame = () => plain(app.lastFrame());
	const until = async (check: () => boolean, what: string, timeoutMs = 5000) =>
		waitFor(check, what, timeoutMs).catch((error: unknown) => {
			throw new Error(`${(error as Error).message}; the screen:\n${frame()}`);
		});
	/** Scan every frame written since the last call. */
	let scanned = 0;
	const scan = (where: string) => {
		const frames = app.frames.slice(scanned);
		scanned = app.frames.length;
		for (const raw of frames) {
			assertSafe(raw, `${where} (${columns}×${rows})`, {noColor: true});
		}
	};

	return {app, frame, scan, until};
}

async function settle(ms = 40): Promise<void> {
	await new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

test('every screen of the monitor, fed hostile documents, writes no control character, escape, bidi override or lone surrogate', {timeout: 120_000}, async () => {
	await checkAsync(
		fc.asyncProperty(hostileWorld, sizes, async (world, size) => {
			const {client, mode} = fakeClient('mx1:8989', world);
			// The first poll fails with a hostile errors[0].detail: the status line and NO DATA.
			mode.current = 'status';
			const {app, frame, scan, until} = mount([client], size);
			try {
				await until(() => /unavailable \(503/.test(frame()), 'the 503 sentence', 3000);
				scan('the status line (a hostile errors[0].detail)');
				mode.current = 'good';
				await until(() => /polled \d/.test(frame()), 'the first good poll');
				await settle(120);
				scan('the list and the header (two polls: sparklines and rates)');
				// Grouped by user, then by client host: the server's user names and addresses name groups.
				for (const [presses, what] of [[['t', 't'], 'user'], [['t'], 'client']] as const) {
					for (const key of presses) {
						app.stdin.write(key);
						// eslint-disable-next-line no-await-in-loop
						await settle(15);
					}

					// (The header may have no room to say the grouping: the frame is given time, not awaited.)
					// eslint-disable-next-line no-await-in-loop
					await settle(60);
					scan(`the list grouped by ${what}`);
				}

				// A flat list (t), the cursor on its first session (g), its pane.
				for (const key of ['t', 'g', keys.enter]) {
					app.stdin.write(key);
					// eslint-disable-next-line no-await-in-loop
					await settle(15);
				}

				await until(() => /╭/.test(frame()), 'the pane', 2000);
				await settle(60);
				scan('the pane');
				app.stdin.write(keys.tab);
				await settle(15);
				app.stdin.write('G');
				await settle(40);
				scan('the pane, scrolled to the end');
				app.stdin.write(keys.escape);
				await settle(40);
				app.stdin.write('?');
				await until(() => /Keys/.test(frame()), 'the help', 2000);
				scan('the help');
				app.stdin.write('x');
				await settle(30);
				app.stdin.write('K');
				// The confirmation names the session; a version that is not 22.08+ (hostile ones are not) gets a sentence naming it instead.
				await until(() => (frame().split('\n').at(-2) ?? '').trim() !== '', 'the kill confirmation', 2000);
				scan('the kill confirmation, or the sentence naming the version');
				app.stdin.write(keys.escape);
				await settle(30);
				scan('the list again');
			} finally {
				app.unmount();
				app.cleanup();
			}
		}),
		{numRuns: 20, endOnFailure: true},
	);
	assert.deepEqual(problems.splice(0), []);
});

test('several MaxScales: the host line (versions, STALE) and the merged list stay clean', {timeout: 60_000}, async () => {
	await checkAsync(
		fc.asyncProperty(hostileWorld, hostileWorld, sizes, async (first, second, size) => {
			const one = fakeClient('mx1:8989', first);
			const two = fakeClient('mx2:8989', second);
			const {app, frame, scan, until} = mount([one.client, two.client], size);
			try {
				await until(() => (frame().match(/ok \d+ms/g) ?? []).length >= 2 || /MaxScale/.test(frame()), 'both MaxScales');
				await settle(150);
				scan('two MaxScales');
				two.mode.current = 'network';
				await until(() => /STALE|could not be reached/.test(frame()), 'one failing (a hostile network error)', 3000);
				await settle(100);
				scan('two MaxScales, one failing');
			} finally {
				app.unmount();
				app.cleanup();
			}
		}),
		{numRuns: 8, endOnFailure: true},
	);
	assert.deepEqual(problems.splice(0), []);
});

// Deterministic cases for what the properties found, so each shows on its own.

const servers: FaultServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

test('astral characters (emoji) cut by a narrow column or a wrapped pane line: no lone surrogate on screen', async () => {
	const emoji = '😀'.repeat(40);
	const server = await startFaultServer({sessions: [sessionResource('1', {user: emoji, remote: emoji, service: emoji, state: emoji})]});
	servers.push(server);
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'a', password: 'b', timeoutMs: 1000});
	const {app, frame, scan, until} = mount([client], [81, 90]);
	try {
		await until(() => frame().includes('😀'), 'the first poll');
		app.stdin.write(keys.down);
		await settle(20);
		app.stdin.write(keys.down);
		await settle(20);
		app.stdin.write(keys.enter);
		// A value with no place to break starts the line after its key's (json-wrap.ts).
		await until(() => frame().includes('"user":') && frame().includes('"😀'), 'the pane');
		scan('emoji in the list, the header and the pane');
	} finally {
		app.unmount();
		app.cleanup();
		await client.close();
	}
});

test('a deeply nested detail document (a few KB) does not take the monitor down', async () => {
	const depth = 3000;
	const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'})]});
	servers.push(server);
	// Raw JSON text: building it with JSON.stringify would itself overflow the stack.
	const deep = `{"links": {"self": "x"}, "data": {"id": "1", "type": "sessions", "attributes": {"user": "alice", "deep": ${'['.repeat(depth)}1${']'.repeat(depth)}}}}`;
	server.set({kind: 'raw', body: deep}, 'detail');
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'a', password: 'b', timeoutMs: 1000});
	const {app, frame, until} = mount([client], [120, 30]);
	const seen: string[] = [];
	// React reports the render error on console.error, once per line of Ink's error screen: keep the output readable.
	const consoleError = console.error;
	console.error = (...args: unknown[]) => {
		seen.push(`console.error: ${String(args[0]).split('\n')[0]}`);
	};

	try {
		await until(() => frame().includes('alice'), 'the first poll');
		app.stdin.write(keys.down);
		await settle(20);
		app.stdin.write(keys.down);
		await settle(20);
		app.stdin.write(keys.enter);
		await settle(600);
		seen.push(...problems.splice(0));
		// Still alive: it keeps polling and drawing.
		const frames = app.frames.length;
		await settle(400);
		assert.ok(app.frames.length > frames, `the monitor stopped drawing after the deep document; last frame:\n${frame()}`);
		assert.match(frame(), /alice/);
	} finally {
		console.error = consoleError;
		app.unmount();
		app.cleanup();
		await client.close();
	}

	assert.deepEqual(
		[...new Set(seen.map((problem) => problem.split('\n')[0]))].slice(0, 3),
		[],
		`a ${deep.length}-byte detail document nested ${depth} deep overflows the stack in the pane (source/model/json-lines.ts walk() / scalarsByPath() recurse once per level, called from the 'document-loaded' reducer)`,
	);
});

test('a 20 000-character service, state or version does not stall the screen', {timeout: 30_000}, async () => {
	/** Frames drawn in 1.5 s, at a 100 ms interval, with these strings in the header's fields. */
	const framesWith = async (text: string): Promise<number> => {
		const world: HostileWorld = {
			list: {links: {self: 'x'}, data: [sessionResource('1', {service: text, state: text})]},
			sessions: [],
			maxscale: {data: {attributes: {version: text, uptime: 1}}},
			version: text,
			detail: '',
			networkMessage: '',
		};
		const {client} = fakeClient('mx1:8989', world);
		const {app} = mount([client], [100, 24]);
		await settle(1500);
		const drawn = app.frames.length;
		app.unmount();
		app.cleanup();
		return drawn;
	};

	const short = await framesWith('Read-Write-Service');
	const long = await framesWith('Read-Write-Service'.repeat(1112).slice(0, 20_000));
	assert.ok(
		long * 3 >= short,
		`with 20 000-character strings the screen drew ${long} frames in 1.5 s, against ${short} with short ones: ` +
			'the header hands service names (sparkline line), state names (state counts) and the version to <Text wrap="truncate"> whole (source/ui/header.tsx), and Ink takes about half a second to lay out and cut each one',
	);
});
