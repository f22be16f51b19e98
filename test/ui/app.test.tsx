import assert from 'node:assert/strict';
import {tmpdir} from 'node:os';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {ListThread} from '../../source/api/list-thread.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {keys, plain, waitFor} from '../helpers/ink.js';
import {versions} from '../helpers/fixtures.js';

const servers: FixtureServer[] = [];
/** What a failed test left mounted: its polls would keep the file's process alive, and the suite waiting for it for ever. */
const mounted = new Set<() => Promise<void>>();
after(async () => {
	await Promise.all([...mounted].map(async (close) => close()));
	await Promise.all(servers.map(async (server) => server.close()));
});

async function mount(version: string) {
	const server = await startFixtureServer(version);
	servers.push(server);
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000});
	const app = render(<App clients={[client]} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} />);
	const frame = () => plain(app.lastFrame());
	const press = async (key: string, until: () => boolean, what: string) => {
		app.stdin.write(key);
		await waitFor(until, what);
	};

	const close = async () => {
		if (mounted.delete(close)) {
			app.unmount();
			await client.close();
		}
	};
	mounted.add(close);
	return {server, client, app, frame, press, close};
}

for (const version of versions) {
	test(`${version}: list grouped by service and state, pane opens with the document`, async () => {
		const {frame, press, close} = await mount(version);
		await waitFor(() => /RW-Split-Router/.test(frame()) && /▶/.test(frame()), 'the first poll');
		if (!/▶\s*\d/.test(frame())) {
			await press(keys.down, () => /▶\s*\d/.test(frame()), 'the cursor on a session');
		}
		assert.match(frame(), /Id\s+User\s+Client/);
		await press(keys.enter, () => /Session \d+/.test(frame()), 'the pane');
		await waitFor(() => /"data": \{|session ended/.test(frame()), 'the document or its end');
		await press(keys.escape, () => !/Session \d+ /.test(frame()), 'the pane to close');
		await close();
	});
}

test('24.02: columns, navigation, pane focus and scrolling', async () => {
	const {frame, press, server, close} = await mount('v24');
	await waitFor(() => frame().includes('maxuser'), 'the first poll');
	const text = frame();
	assert.match(text, /MaxScale 24\.02\.3/);
	assert.match(text, /1 session /);
	assert.match(text, /▾ RW-Split-Router\s+1\s+\(started 1\)/);
	assert.match(text, /Client\s+Server\s+State/);
	assert.match(text, /▶\s+1 maxuser\s+127\.0\.0\.1:40664\s+server1\s+started\s+\S+\s+5s\s+66K\s+16/, 'the backend its document names');

	await press(keys.right, () => frame().includes('"_client_name": "libmariadb"'), 'the document');
	assert.ok(server.requests.some((r) => r.startsWith('GET /v1/sessions/1')));
	// Focus the pane, scroll to the bottom: the last lines of the document show.
	await press(keys.tab, () => true, 'focus');
	const total = Number(/Session 1 1-\d+\/(\d+)/.exec(frame())?.[1]);
	assert.ok(total > 20);
	await press('G', () => frame().includes(`-${total}/${total}`), 'the bottom of the pane');
	assert.match(frame(), /"type": "sessions"/);
	await press('g', () => frame().includes('"attributes": {'), 'the top of the pane');
	await press(keys.pageDown, () => !frame().includes('"attributes": {'), 'a page down');
	await press(keys.left, () => !frame().includes('Session 1'), 'the pane to close');
	await close();
});

test('list threads the CLI started are the ones the screen polls with, and closed when it ends', async () => {
	const server = await startFixtureServer('v24');
	servers.push(server);
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000});
	const thread = new ListThread(client, {host: client.target.label, keyed: false}).warm();
	const fetched: boolean[] = [];
	const {fetch} = thread;
	Object.defineProperty(thread, 'fetch', {value: async (...args: Parameters<typeof fetch>) => {
		fetched.push(true);
		return fetch(...args);
	}});
	const app = render(<App clients={[client]} listThreads={[thread]} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} />);
	let unmounted = false;
	const close = async () => {
		if (mounted.delete(close)) {
			if (!unmounted) {
				app.unmount();
			}

			await thread.close();
			await client.close();
		}
	};
	mounted.add(close);
	await waitFor(() => plain(app.lastFrame()).includes('maxuser'), 'the first poll');
	assert.ok(fetched.length > 0 && thread.inWorker, 'the list came through the given thread, from its worker');
	unmounted = true;
	app.unmount();
	await waitFor(() => !thread.inWorker, 'the thread closed with the screen');
	await close();
});

test('an error keeps the last good data on screen, with a stale marker', async () => {
	const {frame, server, close} = await mount('v24');
	await waitFor(() => frame().includes('maxuser'), 'the first poll');
	server.fault = {kind: 'status', status: 502, body: '<html>bad gateway</html>'};
	await waitFor(() => frame().includes('HTML page'), 'the error sentence');
	assert.match(frame(), /STALE/);
	assert.ok(frame().includes('maxuser'));
	server.fault = {kind: 'none'};
	await waitFor(() => !frame().includes('STALE'), 'recovery');
	await close();
});

test('q quits', async () => {
	const {app, client, close} = await mount('v24');
	let quit = false;
	app.rerender(<App clients={[client]} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} onQuit={() => (quit = true)} />);
	app.stdin.write('q');
	await waitFor(() => quit, 'quit');
	await close();
});
