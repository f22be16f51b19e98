import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test, type TestContext} from 'node:test';
import {Client} from '../../source/api/client.js';
import {Poller} from '../../source/api/poller.js';
import {backoffMs, waitAfter} from '../../source/model/schedule.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';

/** `versionDelayMs`: how long the version takes, when not `delayMs`. */
type Behaviour = {status: number; delayMs: number; versionDelayMs?: number};

async function server(behaviour: Behaviour) {
	let inFlight = 0;
	let maxInFlight = 0;
	let listsInFlight = 0;
	let maxListsInFlight = 0;
	let lists = 0;
	/** What happened, in order: `ask list`, `answer version`, … */
	const log: string[] = [];
	const instance = http.createServer((request, response) => {
		const list = request.url?.startsWith('/v1/sessions') === true;
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		if (list) {
			lists++;
			listsInFlight++;
			maxListsInFlight = Math.max(maxListsInFlight, listsInFlight);
		}

		log.push(`ask ${list ? 'list' : 'version'}`);
		setTimeout(() => {
			inFlight--;
			listsInFlight -= list ? 1 : 0;
			log.push(`answer ${list ? 'list' : 'version'}`);
			const body = list ? '{"data":[]}' : '{"data":{"attributes":{"version":"24.02.3"}}}';
			response.writeHead(behaviour.status, {'content-type': 'application/json'}).end(behaviour.status === 200 ? body : '{"errors": [ { "detail": "MaxScale is shutting down" } ] }');
		}, list ? behaviour.delayMs : (behaviour.versionDelayMs ?? behaviour.delayMs));
	});
	await new Promise<void>((resolve) => {
		instance.listen(0, '127.0.0.1', resolve);
	});
	const {port} = instance.address() as AddressInfo;
	const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs: 2000});
	return {
		client,
		stats: () => ({maxInFlight, maxListsInFlight, lists, log}),
		async close() {
			await client.close();
			instance.closeAllConnections();
			await new Promise((resolve) => {
				instance.close(resolve);
			});
		},
	};
}

test('polls never overlap, even when the server is slower than the interval', async () => {
	const s = await server({status: 200, delayMs: 60});
	let results = 0;
	const poller = new Poller(s.client, 5, {onList: () => results++, onError() {}, onServerInfo() {}});
	poller.start();
	await new Promise((resolve) => {
		setTimeout(resolve, 500);
	});
	poller.refresh(); // A refresh during a poll waits for it.
	poller.refresh();
	await new Promise((resolve) => {
		setTimeout(resolve, 200);
	});
	poller.stop();
	assert.equal(s.stats().maxListsInFlight, 1);
	// The version goes alongside the first list, never a second time while it is known.
	assert.equal(s.stats().maxInFlight, 2);
	assert.equal(s.stats().log.filter((entry) => entry === 'ask version').length, 1);
	assert.ok(results >= 4, `${results} polls`);
	await s.close();
});

test('the first poll asks for the version and the list at once, and shows the list with the version known', async () => {
	const s = await server({status: 200, delayMs: 20, versionDelayMs: 150});
	const events: string[] = [];
	const poller = new Poller(s.client, 10_000, {
		onList: () => events.push('list'),
		onError() {},
		onServerInfo: (info) => events.push(`version ${info.version}`),
	});
	poller.start();
	await new Promise((resolve) => {
		setTimeout(resolve, 400);
	});
	poller.stop();
	// The list was asked for before the slow version came back: not one after the other.
	assert.deepEqual(s.stats().log, ['ask version', 'ask list', 'answer list', 'answer version']);
	assert.deepEqual(events, ['version 24.02.3', 'list']);
	await s.close();
});

test('repeated failures back off exponentially with jitter, capped; success resets it', async () => {
	assert.equal(backoffMs(2000, 0), 2000);
	assert.equal(backoffMs(2000, 1, () => 0.5), 2000);
	assert.equal(backoffMs(2000, 2, () => 0.5), 4000);
	assert.equal(backoffMs(2000, 4, () => 0.5), 16_000);
	// Never past the cap: there the jitter only shortens the wait (QA: 34 s under "up to 30 s").
	assert.equal(backoffMs(2000, 10, () => 1), 30_000);
	assert.equal(backoffMs(2000, 10, () => 0), 24_000);
	assert.equal(backoffMs(2000, 5, () => 1), 30_000, '16 s doubled to 32 s, then the cap');
	for (let failures = 1; failures < 30; failures++) {
		assert.ok(backoffMs(2000, failures) <= 30_000, String(failures));
	}

	assert.equal(backoffMs(2000, 3, () => 0), 6400);
	assert.equal(backoffMs(2000, 3, () => 1), 9600);
	assert.equal(backoffMs(60_000, 5, () => 1), 60_000);

	const behaviour = {status: 503, delayMs: 0};
	const s = await server(behaviour);
	const waits: number[] = [];
	let ok = 0;
	const poller = new Poller(s.client, 40, {
		onList: () => ok++,
		onError(error, at, retryAt) {
			assert.match(error.message, /shutting down/);
			waits.push(retryAt - at);
		},
		onServerInfo() {},
	});
	poller.start();
	await new Promise((resolve) => {
		setTimeout(resolve, 700);
	});
	assert.ok(waits.length >= 3 && waits.length <= 6, `${waits.length} attempts in 700 ms`);
	assert.ok(waits[2]! > waits[0]! * 2.5, `waits grow: ${waits.join(', ')}`);
	behaviour.status = 200;
	poller.refresh(); // r polls at once, whatever the backoff.
	await new Promise((resolve) => {
		setTimeout(resolve, 200);
	});
	poller.stop();
	assert.ok(ok >= 2, 'recovered at the normal interval');
	await s.close();
});

test('a slow poll stretches the pause before the next one (twice its time, never less than the interval)', async () => {
	assert.equal(waitAfter(2000, 100), 2000);
	assert.equal(waitAfter(2000, 700), 2000);
	// Half the interval is where it starts stretching: just past it, a little; just under, not at all.
	assert.equal(waitAfter(2000, 1000), 2000);
	assert.equal(waitAfter(2000, 1001), 2002);
	assert.equal(waitAfter(2000, 1500), 3000);
	assert.equal(waitAfter(500, 400), 800);
	const s = await server({status: 200, delayMs: 80});
	const waits: number[] = [];
	const poller = new Poller(s.client, 30, {onList: (_result, waitMs) => waits.push(waitMs), onError() {}, onServerInfo() {}});
	poller.start();
	await new Promise((resolve) => {
		setTimeout(resolve, 600);
	});
	poller.stop();
	assert.ok(waits.length >= 1);
	assert.ok(waits.every((wait) => wait >= 150), `stretched: ${waits.join(', ')}`);
	await s.close();
});

test('stop() ends it for good, even with a refresh queued behind a poll in flight', async () => {
	const {client, stats, close} = await server({status: 200, delayMs: 150});
	let lists = 0;
	let fetchesAfterStop = 0;
	let stopped = false;
	const poller = new Poller(client, 50, {
		onList() {
			lists++;
		},
		onError() {},
		onServerInfo() {},
	}, {
		async fetchList(signal) {
			if (stopped) {
				fetchesAfterStop++;
			}

			return fetchSessionList(client, signal);
		},
	});
	poller.start();
	await new Promise((resolve) => {
		setTimeout(resolve, 400);
	});
	poller.refresh(); // Queued behind the poll in flight...
	stopped = true;
	poller.stop(); // ...which stop() must cancel too.
	await new Promise((resolve) => {
		setTimeout(resolve, 500);
	});
	assert.equal(fetchesAfterStop, 0, 'no list request after stop()');
	assert.ok(lists >= 1);
	assert.ok(stats().maxListsInFlight <= 1);
	await close();
});

test('a poll in flight when p pauses is not shown; r while paused still is', async () => {
	const {client, close} = await server({status: 200, delayMs: 200});
	const shown: boolean[] = [];
	const poller = new Poller(client, 5000, {
		onList(_result, _waitMs, manual) {
			shown.push(manual);
		},
		onError() {},
		onServerInfo() {},
	});
	poller.start();
	await new Promise((resolve) => {
		setTimeout(resolve, 100); // The first list request is in flight.
	});
	poller.setPaused(true);
	await new Promise((resolve) => {
		setTimeout(resolve, 400);
	});
	assert.deepEqual(shown, [], 'the answer that arrived after p is dropped');
	poller.refresh();
	await new Promise((resolve) => {
		setTimeout(resolve, 400);
	});
	assert.deepEqual(shown, [true], 'r polls and shows even while paused, marked as asked for');
	poller.stop();
	await close();
});

const wait = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

/** A poller at `intervalMs` against a quick server, after its first list: the times its lists came. */
async function polledOnce(t: TestContext, intervalMs: number): Promise<{poller: Poller; lists: number[]}> {
	const {client, close} = await server({status: 200, delayMs: 1});
	const lists: number[] = [];
	const poller = new Poller(client, intervalMs, {onList: () => lists.push(Date.now()), onError() {}, onServerInfo() {}});
	// Stopped and closed even when an assertion fails: a live timer would keep the run from ending.
	t.after(async () => {
		poller.stop();
		await close();
	});
	poller.start();
	while (lists.length === 0) {
		// eslint-disable-next-line no-await-in-loop
		await wait(20);
	}

	return {poller, lists};
}

test('resumed after a pause longer than the interval, it polls at once, not an interval later', async (t) => {
	const {poller, lists} = await polledOnce(t, 2000);
	poller.setPaused(true);
	await wait(2300); // The poll due meanwhile came and went unshown: nothing is scheduled now.
	const before = lists.length;
	const resumed = Date.now();
	poller.setPaused(false);
	await wait(500);
	assert.equal(lists.length, before + 1, 'one poll, straight away');
	assert.ok(lists.at(-1)! - resumed < 500);
});

test('resumed after a pause shorter than the interval, it polls at once too: the poll scheduled before the pause comes now', async (t) => {
	const {poller, lists} = await polledOnce(t, 30_000);
	poller.setPaused(true);
	await wait(300); // The next poll is still ~30 s away.
	const resumed = Date.now();
	poller.setPaused(false);
	await wait(500);
	assert.equal(lists.length, 2, 'one poll, straight away, not 30 s later');
	assert.ok(lists.at(-1)! - resumed < 500);
	await wait(300);
	assert.equal(lists.length, 2, 'and only one: the timer it replaced does not poll as well');
});

test('a shorter interval moves the poll already scheduled; a longer one waits for it', async () => {
	const s = await server({status: 200, delayMs: 1});
	const lists: number[] = [];
	const poller = new Poller(s.client, 10_000, {onList: () => lists.push(Date.now()), onError() {}, onServerInfo() {}});
	poller.start();
	const until = async (count: number, ms: number) => {
		const end = Date.now() + ms;
		while (lists.length < count && Date.now() < end) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 10);
			});
		}
	};

	await until(1, 2000);
	assert.equal(lists.length, 1);
	// The next poll is 10 s away; 200 ms brings it forward, not after the 10 s.
	poller.setInterval(200);
	await until(3, 2000);
	assert.ok(lists.length >= 3, `${lists.length} polls within 2 s of the change`);
	// Longer again: the poll already scheduled still comes at the 200 ms pace.
	const before = lists.length;
	poller.setInterval(10_000);
	await until(before + 1, 1000);
	assert.equal(lists.length, before + 1);
	poller.stop();
	await s.close();
});

test('the version is asked again a minute on: a MaxScale replaced on the same address between two polls is not taken for the old one', async (t) => {
	// What /v1/maxscale answers now: a version, or 404 (2.1, or a proxy that refuses it).
	let version: string | undefined = '22.08.14';
	let versionAsks = 0;
	let lists = 0;
	const instance = http.createServer((request, response) => {
		if (request.url?.startsWith('/v1/sessions') === true) {
			lists++;
			response.writeHead(200, {'content-type': 'application/json'}).end('{"data":[]}');
			return;
		}

		versionAsks++;
		if (version === undefined) {
			response.writeHead(404, {'content-type': 'application/json'}).end('{"errors":[{"detail":"no"}]}');
			return;
		}

		response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({data: {attributes: {version, uptime: 5}}}));
	});
	await new Promise<void>((resolve) => {
		instance.listen(0, '127.0.0.1', resolve);
	});
	const {port} = instance.address() as AddressInfo;
	const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs: 2000});
	const seen: Array<string | undefined> = [];
	const poller = new Poller(client, 10, {onList() {}, onError() {}, onServerInfo: (info) => seen.push(info.version)}, {versionMs: 150});
	t.after(async () => {
		poller.stop();
		await client.close();
		instance.closeAllConnections();
		await new Promise((resolve) => {
			instance.close(resolve);
		});
	});
	const wait = async (ms: number) =>
		new Promise((resolve) => {
			setTimeout(resolve, ms);
		});
	poller.start();
	await wait(100);
	assert.deepEqual(seen, ['22.08.14']);
	version = '2.5.29'; // Another MaxScale on the same address; no poll failed.
	await wait(300);
	assert.equal(seen.at(-1), '2.5.29');
	version = undefined; // And then one with no /v1/maxscale: the old version is forgotten.
	await wait(300);
	poller.stop();
	assert.equal(seen.length > 0 && seen.at(-1), undefined);
	// Not with every poll: about once per 150 ms, while the list went every ~10 ms.
	assert.ok(versionAsks <= 6, `${versionAsks} version requests`);
	assert.ok(lists > versionAsks * 3, `${lists} lists, ${versionAsks} version requests`);
});

test('QA: relearn() (its lists show a restart) has the next poll ask the version again, once', async () => {
	const s = await server({status: 200, delayMs: 5});
	let lists = 0;
	const poller = new Poller(s.client, 20, {onList: () => lists++, onError() {}, onServerInfo() {}});
	poller.start();
	const wait = async (ms: number) =>
		new Promise((resolve) => {
			setTimeout(resolve, ms);
		});
	await wait(200);
	const asked = () => s.stats().log.filter((entry) => entry === 'ask version').length;
	assert.equal(asked(), 1, 'with the first poll only');
	poller.relearn();
	await wait(200);
	poller.stop();
	assert.equal(asked(), 2, 'again with the next poll, and no more');
	assert.ok(lists >= 4, `${lists} polls`);
	await s.close();
});

test('QA: a version that hangs holds the first list a moment only, and no list after it; it is not asked again while on its way', {timeout: 10_000}, async () => {
	const s = await server({status: 200, delayMs: 5, versionDelayMs: 60_000});
	const listed: number[] = [];
	const started = performance.now();
	const poller = new Poller(s.client, 100, {onList: () => listed.push(performance.now() - started), onError() {}, onServerInfo() {}});
	poller.start();
	await new Promise((resolve) => {
		setTimeout(resolve, 2500);
	});
	poller.stop();
	// The first list a second late at most; then one every ~100 ms, not one a timeout (2 s here).
	assert.ok(listed[0]! < 1500, `first list at ${Math.round(listed[0]!)} ms`);
	assert.ok(listed.length >= 8, `${listed.length} lists in 2.5 s`);
	const askedVersion = s.stats().log.filter((entry) => entry === 'ask version').length;
	assert.ok(askedVersion <= 2, `${askedVersion} version requests`);
	await s.close();
});
