// The real App against the simulator over loopback, driven with real key bytes: shared by
// the screen tests that need a lively MaxScale. `written`: what the app wrote to the
// terminal itself (OSC 52 for y).

import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {startSimulator, type Simulator, type SimulatorOptions} from '../../source/simulator/index.js';
import {plain, waitFor} from '../helpers/ink.js';
import {tempFolder} from '../helpers/temp-folder.js';

export type Mounted = Awaited<ReturnType<typeof mountSimulated>>;

const open = new Set<() => Promise<void>>();

/** For a test file's after(): what a failed test left running (a passing one closes its own). */
export async function closeAll(): Promise<void> {
	await Promise.all([...open].map(async (close) => close()));
}

export async function mountSimulated({rows = 40, intervalMs = 200, simulator: options = {}}: {rows?: number; intervalMs?: number; simulator?: SimulatorOptions} = {}) {
	const simulator: Simulator = await startSimulator({port: 0, sessions: 60, seed: 3, churn: 0, ...options});
	const client = new Client({target: {origin: simulator.url, label: `127.0.0.1:${simulator.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 2000});
	const directory = await tempFolder('sessiontop-');
	const written: string[] = [];
	const app = render(<App clients={[client]} options={{intervalMs}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={directory} writeTerminal={(text) => written.push(text)} />);
	Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
	app.stdout.emit('resize');
	const frame = () => plain(app.lastFrame());
	const press = async (key: string, until: () => boolean, what: string) => {
		app.stdin.write(key);
		await waitFor(until, what);
	};

	/** Keys one at a time, as typed: each one's frame before the next. */
	const typeText = async (text: string) => {
		for (const char of text) {
			app.stdin.write(char);
			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 5);
			});
		}
	};

	const close = async () => {
		if (!open.delete(close)) {
			return;
		}

		app.unmount();
		await client.close();
		await simulator.close();
	};
	open.add(close);

	await waitFor(() => /▶\s+\d/.test(frame()), 'the first poll');
	return {simulator, client, app, frame, press, typeText, written, directory, close};
}

/** The id on the cursor's row. */
export const cursorId = (frame: string) => /▶.\s*(\d+) /.exec(frame)?.[1];
