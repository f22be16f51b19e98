import assert from 'node:assert/strict';
import {tmpdir} from 'node:os';
import {after, test, type TestContext} from 'node:test';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {startSimulator} from '../../source/simulator/index.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {plain, waitFor} from '../helpers/ink.js';

const servers: FixtureServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

/**
 * The App watching fixture servers of these versions, each a MaxScale; unmounted after the
 * test whatever happens (a failed assertion left the App polling, and the file, and CI, never ended).
 */
async function watchFixtures<const V extends readonly string[]>(t: TestContext, versions: V) {
	const hosts = (await Promise.all(versions.map(async (version) => startFixtureServer(version)))) as {[K in keyof V]: FixtureServer};
	servers.push(...(hosts as readonly FixtureServer[]));
	const clients = (hosts as readonly FixtureServer[]).map((server) => new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000}));
	const app = render(<App clients={clients} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} />);
	t.after(async () => {
		app.unmount();
		await Promise.all(clients.map(async (client) => client.close()));
	});
	return {hosts, app, frame: () => plain(app.lastFrame())};
}

test('two MaxScales: one merged list with a MaxScale column; one down never disturbs the other; kill goes to its own host', async (t) => {
	const {hosts: [a, b], app, frame} = await watchFixtures(t, ['v24', 'v23']);
	await waitFor(() => frame().includes('24.02.3') && frame().includes('23.02.11') && frame().split('maxuser').length === 3, 'both hosts');
	assert.match(frame(), /2 sessions/);
	assert.match(frame(), /MaxScale/); // The column title.
	assert.ok(frame().includes(a.label) && frame().includes(b.label));
	// On a loaded machine a poll can take half of the 100 ms interval: then its host says so (slow,
	// next in …), and the uptimes, the first to go, may not fit until a poll is quick again.
	const ok = String.raw`ok \d+ms(?: slow, next in [\d.]+m?s)?`;
	// Each one's version and uptime (QA: with several, no uptime showed anywhere).
	const statuses = new RegExp(`${a.label} ${ok} 24\\.02\\.3 up \\d\\S*\\s+${b.label} ${ok} 23\\.02\\.11 up \\d`);
	await waitFor(() => statuses.test(frame().split('\n')[1] ?? ''), 'both versions and uptimes');

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
});

test('several MaxScales: until a key moves it, the cursor stays on the first row as the hosts answer; after, it follows its session', async () => {
	// A answers first; B (down at first) answers later with a session (id 1) that sorts before all of A's.
	let listed = 0;
	const onRequest = (_method: string, url: string) => {
		listed += url.startsWith('/v1/sessions?') ? 1 : 0;
	};

	const a = await startSimulator({port: 0, sessions: 5, seed: 3, churn: 0, onRequest});
	const b = await startFixtureServer('v23');
	servers.push(b);
	b.fault = {kind: 'status', status: 503, body: '{"errors": [ { "detail": "MaxScale is starting" } ] }'};
	const clients = [
		new Client({target: {origin: a.url, label: `127.0.0.1:${a.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 1000}),
		new Client({target: {origin: b.origin, label: b.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000}),
	];
	const app = render(<App clients={clients} options={{intervalMs: 100, grouping: 'flat'}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} />);
	try {
		const frame = () => plain(app.lastFrame());
		const cursorLine = () => frame().split('\n').find((line) => line.startsWith('▶')) ?? '';
		const ids = [...a.sessionIds()].sort((x, y) => Number(x) - Number(y));
		await waitFor(() => cursorLine().includes(` ${ids[0]!} `), "the cursor on A's first session");
		b.fault = {kind: 'none'};
		await waitFor(() => frame().includes('maxuser'), "B's session");
		assert.match(cursorLine(), /^▶\s+1 .*maxuser/, 'on the first row, not left on A\'s session mid-list');

		// Moved: from now on it stays on its session, poll after poll.
		app.stdin.write('j');
		await waitFor(() => cursorLine().includes(` ${ids[0]!} `), "the cursor one down, on A's first session");
		const polled = listed;
		await waitFor(() => listed > polled + 2, 'a few more polls');
		assert.ok(cursorLine().includes(` ${ids[0]!} `), cursorLine());
	} finally {
		app.unmount();
		await Promise.all(clients.map(async (client) => client.close()));
		await a.close();
	}
});

test('several MaxScales: the open pane is fetched again after its own MaxScale\'s polls, not after every host\'s', async () => {
	const a = await startFixtureServer('v24');
	const b = await startFixtureServer('v23');
	const c = await startFixtureServer('v23');
	servers.push(a, b, c);
	const clients = [a, b, c].map((server) => new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000}));
	const app = render(<App clients={clients} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} />);
	try {
		const frame = () => plain(app.lastFrame());
		await waitFor(() => frame().split('maxuser').length === 4, 'the three hosts');
		app.stdin.write('\r');
		const documents = (server: FixtureServer) => server.requests.filter((request) => /^GET \/v1\/sessions\/[^?/]+/.test(request)).length;
		const lists = (server: FixtureServer) => server.requests.filter((request) => request.startsWith('GET /v1/sessions?')).length;
		const servedBy = () => [a, b, c].find((server) => documents(server) > 0);
		await waitFor(() => servedBy() !== undefined, 'the pane\'s document fetched');
		const own = servedBy()!;
		const [listsBefore, documentsBefore] = [lists(own), documents(own)];
		await waitFor(() => lists(own) >= listsBefore + 10, 'ten more polls of its MaxScale');
		const fetched = documents(own) - documentsBefore;
		const polled = lists(own) - listsBefore;
		// Once per poll of its own MaxScale (one more may be on its way); every host's polls would be three times as many.
		assert.ok(fetched <= polled + 2, `${fetched} documents fetched over ${polled} polls of its MaxScale`);
	} finally {
		app.unmount();
		await Promise.all(clients.map(async (client) => client.close()));
	}
});

test('two MaxScales grouped by MaxScale with t: a row for each, counting its sessions, and no MaxScale column', async (t) => {
	const {hosts: [a, b], app, frame} = await watchFixtures(t, ['v24', 'v23']);
	await waitFor(() => frame().split('maxuser').length === 3, 'both hosts');
	for (const grouping of [/group service\b(?! ›)/, /group user/, /group client/, /group maxscale/]) {
		app.stdin.write('t');
		// eslint-disable-next-line no-await-in-loop
		await waitFor(() => grouping.test(frame()), String(grouping));
	}

	const title = frame().split('\n').find((line) => /Id\s+User/.test(line)) ?? '';
	assert.doesNotMatch(title, /MaxScale/, 'the group rows name it');
	assert.match(title, /Service/);
	for (const server of [a, b]) {
		assert.match(frame(), new RegExp(`▾ ${server.label.replaceAll('.', '\\.')}\\s+1\\s+\\(started 1\\)`));
	}
});
