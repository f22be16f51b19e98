import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {App} from '../../source/ui/app.js';
import {Header} from '../../source/ui/header.js';
import {themeFor} from '../../source/ui/theme.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {plain, waitFor} from '../helpers/ink.js';

const servers: FixtureServer[] = [];
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
	// Also what a failed test left mounted, so that the run ends.
	await Promise.all(cleanups.map(async (cleanup) => cleanup()));
	await Promise.all(servers.map(async (server) => server.close()));
});

const theme = themeFor({NO_COLOR: '1'});
const sleep = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

test('- brings the next poll forward at once, not when the old interval is up', async () => {
	const server = await startFixtureServer('v24');
	servers.push(server);
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000});
	const app = render(<App clients={[client]} options={{intervalMs: 10_000}} theme={theme} listWorker={false} writeTerminal={() => undefined} />);
	cleanups.push(async () => {
		app.unmount();
		await client.close();
	});
	const frame = () => plain(app.lastFrame());
	const lists = () => server.requests.filter((request) => request.startsWith('GET /v1/sessions?')).length;
	await waitFor(() => frame().includes('every 10s') && frame().includes('maxuser'), 'the first poll');
	const before = lists();
	for (let i = 0; i < 5; i++) {
		app.stdin.write('-');
	}

	await waitFor(() => frame().includes('every 500ms'), 'the interval at 500 ms');
	// Due 500 ms after the last poll, so now or very soon: not 10 s after it.
	await waitFor(() => lists() > before, 'a poll at the new interval', 2000);
	await waitFor(() => lists() > before + 2, 'and then every 500 ms', 3000);
	assert.doesNotMatch(frame(), /slow polls/, 'quick polls are not slow polls');
	// Slower again: nothing sooner, and the polls go on.
	app.stdin.write('+');
	await waitFor(() => frame().includes('every 1s'), 'the interval at 1 s');
	const slower = lists();
	await waitFor(() => lists() > slower, 'polls go on at 1 s', 3000);
});

/**
 * A state whose last poll took `latencyMs`, `agoMs` ago, made at `polledAtMs`, looked at
 * under `intervalMs`: + and - pressed since, as many as it takes.
 */
function polled(intervalMs: number, latencyMs: number, agoMs: number, polledAtMs = intervalMs): MonitorState {
	let state = reducer(initialState({intervalMs: polledAtMs}), {type: 'poll-ok', sessions: [], at: Date.now() - agoMs, latencyMs, bytes: 10});
	for (let i = 0; i < 10 && state.intervalMs !== intervalMs; i++) {
		state = reducer(state, {type: 'interval-step', delta: Math.sign(intervalMs - state.intervalMs)});
	}

	assert.equal(state.intervalMs, intervalMs, 'an interval + and - reach');
	return state;
}

test('the header says "slow polls" only when slow polls stretched the wait, and its "next in" counts down', async () => {
	// A 14 ms poll at 10 s, then five -: the poll loop's pause of 10 s was the old interval's, not slow polls.
	const quick = polled(500, 14, 100, 10_000);
	const header = (state: MonitorState) => render(<Header state={state} host="mx" theme={theme} width={160} shown={0} />);
	const plainQuick = header(quick);
	assert.doesNotMatch(plain(plainQuick.lastFrame()), /slow polls/);
	assert.match(plain(plainQuick.lastFrame()), /every 500ms/);
	plainQuick.unmount();

	// A 2 s poll at a 1 s interval: the next waits 4 s, so 3 s from a poll 1 s ago, and ticking down.
	const slow = header(polled(1000, 2000, 1000));
	const nextIn = () => {
		const text = /slow polls: next in (\d+(?:\.\d)?)(s|ms)/.exec(plain(slow.lastFrame()));
		assert.ok(text, plain(slow.lastFrame()));
		return Number(text[1]) * (text[2] === 's' ? 1000 : 1);
	};

	cleanups.push(async () => {
		slow.unmount();
	});
	const first = nextIn();
	assert.ok(first > 2500 && first <= 3000, String(first));
	await sleep(2100);
	const later = nextIn();
	assert.ok(later < first - 1500, `${later} after ${first}`);

	// Due (the poll is on its way, and slow): `next in 0ms` would read as stuck.
	const due = header(polled(1000, 2000, 4200));
	cleanups.push(async () => {
		due.unmount();
	});
	assert.match(plain(due.lastFrame()), /\(slow polls: polling…\)/);
});

test('with several MaxScales the status line leaves slow polls to the host line: each has its own pause', () => {
	const hosts = ['mx1:8989', 'mx2:8989'];
	const now = Date.now();
	// mx1 quick, then mx2 slow (6 s at 10 s): the status line's last poll is mx2's.
	let state = reducer(initialState({hosts, intervalMs: 10_000}), {type: 'poll-ok', host: 'mx1:8989', sessions: [], at: now - 2000, latencyMs: 20, bytes: 1});
	state = reducer(state, {type: 'poll-ok', host: 'mx2:8989', sessions: [], at: now - 1000, latencyMs: 6000, bytes: 1});
	const app = render(<Header state={state} host="mx1:8989" theme={theme} width={200} shown={0} />);
	const frame = plain(app.lastFrame());
	app.unmount();
	assert.doesNotMatch(frame, /slow polls/, frame);
	assert.match(frame, /mx2:8989 ok 6000ms slow, next in/, frame);
	// One MaxScale: the status line says it.
	const single = render(<Header state={reducer(initialState({intervalMs: 10_000}), {type: 'poll-ok', sessions: [], at: now - 1000, latencyMs: 6000, bytes: 1})} host="mx" theme={theme} width={200} shown={0} />);
	assert.match(plain(single.lastFrame()), /slow polls: next in/);
	single.unmount();
});
