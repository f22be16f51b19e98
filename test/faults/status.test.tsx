// What the header and the status line say while polls fail. The header's
// `STALE <age>` must carry an age from the first frame that says STALE: the age of
// the data is what tells the operator how far to trust it. The status line is
// where a failure says what happened: a message from a key press ("Polling now…",
// "Sent session id …") may stand in front of it for a moment, but not for as long as the
// failure lasts.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {faults, sessionResource, startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {guardProcess, mountApp, plain, until, waitFor} from './harness.js';

guardProcess();

const servers: FaultServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

test('STALE shows the data\'s age at once, never `STALE ?`, whatever the moment of the failure', async () => {
	const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'})]});
	servers.push(server);
	const screen = mountApp({origin: server.origin, label: server.label});
	await waitFor(() => screen.frame().includes('alice'), 'the first good poll');
	const bad: string[] = [];
	// Several failures, each injected at a different point of the header's one-second clock.
	for (const delay of [0, 330, 660]) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, delay);
		});
		const from = screen.frames().length;
		server.set(faults.shuttingDown);
		// eslint-disable-next-line no-await-in-loop
		await waitFor(() => /shutting down/.test(screen.status()), 'the failure');
		server.clear();
		// eslint-disable-next-line no-await-in-loop
		await waitFor(() => !screen.header().includes('STALE'), 'recovery');
		for (const raw of screen.frames().slice(from)) {
			const stale = /STALE (\S+)/.exec(plain(raw));
			if (stale !== null && !/^\d+s$/.test(stale[1]!)) {
				bad.push(stale[0]);
			}
		}
	}

	await screen.unmount();
	assert.deepEqual(
		[...new Set(bad)],
		[],
		'the header said STALE without an age: it computes the age from a clock that ticks once a second (useNow in source/ui/header.tsx), so a poll newer than the last tick gives a negative age, which formatDuration shows as "?"',
	);
});

for (const [key, said] of [
	['r', /Polling now/],
	['y', /Sent session id/],
] as const) {
	test(`after "${key}" (${String(said)}), a failure's sentence still reaches the status line`, async () => {
		const server = await startFaultServer({sessions: [sessionResource('1', {user: 'alice'})]});
		servers.push(server);
		const screen = mountApp({origin: server.origin, label: server.label});
		await until(screen, () => screen.frame().includes('alice') && /▶/.test(screen.frame()), 'the first poll');
		if (key === 'r') {
			// "Polling now…" lasts only until that poll answers: a slow answer, so that it is drawn at all.
			server.set({kind: 'trickle', everyMs: 40, chunkBytes: 64});
		}

		const from = screen.frames().length;
		screen.press(key);
		await until(screen, () => screen.frames().slice(from).some((raw) => said.test(plain(raw))), `the message of "${key}"`);
		server.set(faults.shuttingDown);
		await until(screen, () => /STALE/.test(screen.header()), 'the failure in the header');
		// A second of failure, ten intervals: the message has had its moment.
		await new Promise((resolve) => {
			setTimeout(resolve, 1000);
		});
		assert.match(
			screen.status(),
			/shutting down/,
			`the status line still says "${screen.status()}" while every poll fails: messages fade after ${3} successful polls (source/model/monitor-state.ts reducer, messagePolls) and come before the error (source/ui/footer.tsx statusLine), so while polls fail the failure is never told`,
		);
		server.clear();
		await screen.unmount();
	});
}
