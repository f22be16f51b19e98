// Once a poll is drawn, nothing on the React side may still hold the list before it:
// React keeps a component's previous props and hooks in its alternate fiber until the
// component renders again, which at 100k sessions was a whole second list (use-let-go.ts).
// Real parts: the App against the simulator over loopback, the lists it landed seen
// through its recorder, and V8's own collector deciding what is still reachable.

import assert from 'node:assert/strict';
import {tmpdir} from 'node:os';
import {test} from 'node:test';
import v8 from 'node:v8';
import {runInNewContext} from 'node:vm';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import type {Frame, Recorder} from '../../source/api/recording.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain, waitFor} from '../helpers/ink.js';
import {start} from '../simulator/helpers.js';

// This file runs in a process of its own (node --test), so the flag stays here.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('once a poll is drawn, the sessions of the poll before it can be collected', async () => {
	const sim = await start({sessions: 200, seed: 3, churn: 0});
	const client = new Client({target: {origin: sim.url, label: `127.0.0.1:${sim.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
	// Each poll's first session, held weakly: the list's own array is not what the rows point to.
	const landed: Array<WeakRef<object>> = [];
	const recorder = {
		record(frame: Frame) {
			if (frame.ok && frame.sessions[0] !== undefined) {
				landed.push(new WeakRef(frame.sessions[0]));
			}
		},
		onProblem() {},
		async flush() {},
	} as unknown as Recorder;
	// A second between polls: a list lands in a few milliseconds, so the probe below, taken
	// 300 ms after a poll is recorded, meets a drawn list and none in flight.
	const app = render(<App clients={[client]} options={{intervalMs: 1000}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={tmpdir()} writeTerminal={() => undefined} recorder={recorder} />);
	try {
		await waitFor(() => plain(app.lastFrame()).includes('RW-Split-Router'), 'the first poll');
		for (const polls of [3, 4]) {
			// eslint-disable-next-line no-await-in-loop
			await waitFor(() => landed.length >= polls, `poll ${polls}`, 10_000);
			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 300);
			});
			gc();
			const alive = landed.map((session, index) => (session.deref() === undefined ? undefined : index + 1)).filter((poll) => poll !== undefined);
			assert.deepEqual(alive, [landed.length], `only the list on screen is alive after ${landed.length} polls (alive: polls ${alive.join(', ')})`);
		}
	} finally {
		app.unmount();
		await client.close();
		await sim.close();
	}
});
