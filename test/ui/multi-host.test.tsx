import assert from 'node:assert/strict';
import {tmpdir} from 'node:os';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {plain, waitFor} from '../helpers/ink.js';

const servers: FixtureServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

test('two MaxScales: one merged list with a MaxScale column; one down never disturbs the other; kill goes to its own host', async () => {
	const a = await startFixtureServer('v24');
	const b = await startFixtureServer('v23');
	servers.push(a, b);
	const clients = [a, b].map((server) => new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000}));
	const app = render(<App clients={clients} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} />);
	const frame = () => plain(app.lastFrame());
	await waitFor(() => frame().includes('24.02.3') && frame().includes('23.02.11') && frame().split('maxuser').length === 3, 'both hosts');
	assert.match(frame(), /2 sessions/);
	assert.match(frame(), /MaxScale/); // The column title.
	assert.ok(frame().includes(a.label) && frame().includes(b.label));
	const statuses = frame().split('\n')[1] ?? '';
	assert.match(statuses, new RegExp(`${a.label} ok \\d+ms 24\\.02\\.3\\s+${b.label} ok \\d+ms 23\\.02\\.11`));

	// Host B fails: its last sessions stay, it is marked stale, A keeps polling.
	b.fault = {kind: 'status', status: 503, body: '{"errors": [ { "detail": "MaxScale is shutting down" } ] }'};
	await waitFor(() => /STALE/.test(frame().split('\n')[1] ?? ''), 'B stale');
	assert.match(frame().split('\n')[1] ?? '', new RegExp(`${a.label} ok .*${b.label} STALE`));
	const before = a.requests.length;
	await waitFor(() => a.requests.length > before + 2, 'A still polled');
	assert.equal(frame().split('maxuser').length, 3, "B's last good data stays on screen");
	assert.match(frame(), /shutting down/);

	// The cursor is on A's session 1 (the list is sorted by id, then host order): kill it.
	await waitFor(() => /▶.*maxuser/.test(frame()), 'the cursor on a session');
	const cursorLine = frame().split('\n').find((line) => line.startsWith('▶')) ?? '';
	const target = cursorLine.includes(a.label) ? a : b;
	const other = target === a ? b : a;
	app.stdin.write('K');
	await waitFor(() => /Kill session 1 on /.test(frame()), 'the confirmation naming the host');
	app.stdin.write('y');
	await waitFor(() => target.requests.some((r) => r.startsWith('DELETE /v1/sessions/1')), 'the DELETE on its own host');
	assert.ok(!other.requests.some((r) => r.startsWith('DELETE')));
	app.unmount();
	await Promise.all(clients.map(async (client) => client.close()));
});
