// QA: a MaxScale that accepts the connection and never answers its FIRST poll read
// "connecting to HOST…" for the whole timeout (-t 20s). The real App, against a server that
// takes the request and says nothing: late is said after 2 s, as of a later poll.

import assert from 'node:assert/strict';
import net from 'node:net';
import {tmpdir} from 'node:os';
import {test, type TestContext} from 'node:test';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {startFixtureServer} from '../helpers/fixture-server.js';
import {plain, waitFor} from '../helpers/ink.js';

/** Accepts every connection, reads the request, never answers. */
async function silentServer(t: TestContext): Promise<string> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.resume();
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.after(async () => {
		for (const socket of sockets) {
			socket.destroy();
		}

		await new Promise((resolve) => {
			server.close(resolve);
		});
	});
	return `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

function watch(t: TestContext, labels: Array<{origin: string; label: string}>) {
	// The timeout far off, as -t 20s: what is said before it is what is tested.
	const clients = labels.map((target) => new Client({target, user: 'admin', password: 'mariadb', timeoutMs: 20_000}));
	const app = render(<App clients={clients} options={{intervalMs: 500}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} />);
	t.after(async () => {
		app.unmount();
		await Promise.all(clients.map(async (client) => client.close()));
	});
	return () => plain(app.lastFrame());
}

test('one MaxScale that never answers its first poll: "connecting to HOST… waiting 3s" before the timeout', async (t) => {
	const label = await silentServer(t);
	const frame = watch(t, [{origin: `http://${label}`, label}]);
	await waitFor(() => frame().includes(`connecting to ${label}…`), 'connecting');
	await waitFor(() => new RegExp(`connecting to ${label.replaceAll('.', '\\.')}… waiting [3-9]s`).test(frame()), 'the first poll said late', 8000);
	assert.match(frame(), /Waiting for the first answer…/);
});

test('two MaxScales, one silent from the start: the host line says it is late; the other is ok', async (t) => {
	const label = await silentServer(t);
	const answering = await startFixtureServer('v24');
	t.after(async () => answering.close());
	const frame = watch(t, [{origin: answering.origin, label: answering.label}, {origin: `http://${label}`, label}]);
	await waitFor(() => new RegExp(`${label.replaceAll('.', '\\.')} connecting… waiting [3-9]s`).test(frame().split('\n')[1] ?? ''), 'the silent one said late', 8000);
	assert.match(frame().split('\n')[1] ?? '', new RegExp(`^${answering.label.replaceAll('.', '\\.')} ok`));
});
