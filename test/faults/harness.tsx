// Shared by the fault tests: mount the real App (real Client, real Poller, real
// reducer) against a fault server, read its screen the way a person does, and
// check what every failure must look like: one sentence in the status line, the
// last good data kept with `STALE` and its age, a retry countdown, and recovery
// once the fault clears.

import assert from 'node:assert/strict';
import {after, afterEach} from 'node:test';
import {render} from 'ink-testing-library';
import {Client, type ClientOptions} from '../../source/api/client.js';
import type {Recorder} from '../../source/api/recording.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain, waitFor} from '../helpers/ink.js';

export {keys, plain, waitFor} from '../helpers/ink.js';

export const intervalMs = 100;
/** Client timeout for the slow faults: tight, so the folder stays fast. */
export const slowTimeoutMs = 300;

/**
 * Any unhandled rejection or uncaught exception while a test runs fails that test.
 * Call once at the top of a test file.
 */
export function guardProcess(): {problems: string[]} {
	const problems: string[] = [];
	const onRejection = (reason: unknown) => {
		problems.push(`unhandledRejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
	};

	const onException = (error: Error) => {
		problems.push(`uncaughtException: ${error.stack ?? error.message}`);
	};

	process.on('unhandledRejection', onRejection);
	process.on('uncaughtException', onException);
	// A failed test leaves its App polling: unmount whatever is still mounted, so the file can end.
	after(async () => {
		await Promise.all([...mounted].map(async (screen) => screen.unmount()));
	});
	afterEach(async () => {
		// Let late rejections of the test's last requests surface before judging.
		await new Promise((resolve) => {
			setTimeout(resolve, 30);
		});
		const seen = problems.splice(0);
		assert.deepEqual(seen, [], 'no unhandled rejection or uncaught exception');
	});
	return {problems};
}

const mounted = new Set<Screen>();

export type Screen = {
	app: ReturnType<typeof render>;
	client: Client;
	/** The last frame, colours removed. */
	frame(): string;
	lines(): string[];
	/** The three header rows. */
	header(): string;
	/** The status line: the row above the key hints. */
	status(): string;
	/** Every frame written so far, raw. */
	frames(): string[];
	press(key: string): void;
	unmount(): Promise<void>;
};

export type MountOptions = {
	client?: Partial<ClientOptions>;
	columns?: number;
	rows?: number;
	saveDirectory?: string;
	recorder?: Recorder;
	listWorker?: boolean;
};

/** The App as `sessiontop` runs it, on a terminal `columns` × `rows`. */
export function mountApp(target: {origin: string; label: string}, options: MountOptions = {}): Screen {
	const client = new Client({target, user: 'admin', password: 'mariadb', timeoutMs: 1000, ...options.client});
	const clients = [client];
	const app = render(
		<App
			clients={clients}
			options={{intervalMs}}
			theme={themeFor({NO_COLOR: '1'})}
			writeTerminal={() => undefined}
			saveDirectory={options.saveDirectory}
			recorder={options.recorder}
			listWorker={options.listWorker}
		/>,
	);
	// A wider terminal than ink-testing-library's 100 columns, so a whole sentence fits.
	const columns = options.columns ?? 180;
	const rows = options.rows ?? 30;
	Object.defineProperty(app.stdout, 'columns', {configurable: true, get: () => columns});
	Object.defineProperty(app.stdout, 'rows', {configurable: true, get: () => rows});
	app.stdout.emit('resize');

	const frame = () => plain(app.lastFrame());
	const lines = () => frame().split('\n');
	const screen: Screen = {
		app,
		client,
		frame,
		lines,
		header: () => lines().slice(0, 3).join('\n'),
		status: () => {
			const all = lines();
			return (all.at(-2) ?? '').trim();
		},
		frames: () => app.frames,
		press(key) {
			app.stdin.write(key);
		},
		async unmount() {
			if (!mounted.delete(screen)) {
				return;
			}

			app.unmount();
			app.cleanup();
			await client.close();
		},
	};
	mounted.add(screen);
	return screen;
}

/** `text` is one sentence: one line, ends like a sentence, no second sentence inside. */
export function assertOneSentence(text: string, label: string): void {
	assert.ok(!text.includes('\n'), `one line: ${text}`);
	assert.ok(!text.endsWith('…'), `not cut off: ${text}`);
	assert.match(text, /[.?!]$/, `ends like a sentence: ${text}`);
	// The host label (127.0.0.1:1234) holds dots; what is left may not hold a second sentence.
	const rest = text.split(label).join('HOST').replace(/\d+\.\d+/g, 'N');
	assert.doesNotMatch(rest.slice(0, -1), /[.?!]\s+[A-Z(]/, `a single sentence: ${text}`);
	assert.doesNotMatch(text, /\bat \S+:\d+:\d+\)?|node:internal|Error: /, `no stack trace: ${text}`);
}

export type FaultExpectation = {
	/** What the status line must say. */
	sentence: RegExp;
	/** Text of the last good data that must stay on screen. */
	kept: string[];
	/** host:port as the status line names it. */
	label: string;
	timeoutMs?: number;
};

/** The screen of a failing poll: the sentence, STALE with an age, the countdown, the old data. */
export async function expectFaultScreen(screen: Screen, expected: FaultExpectation): Promise<{sentence: string}> {
	await waitFor(() => expected.sentence.test(screen.status()), `the status line to match ${String(expected.sentence)}; it says "${screen.status()}"`, expected.timeoutMs ?? 4000);
	await waitFor(() => /retry in \d+s/.test(screen.header()), 'the retry countdown', 2000);
	const header = screen.header();
	const sentence = screen.status();
	assert.match(sentence, expected.sentence);
	assertOneSentence(sentence, expected.label);
	// The age: `STALE 0s`. Right after a failure the header may still say `STALE ?`
	// until its one-second clock ticks: status.test.tsx pins that down on its own, so
	// these tests do not wait for the tick (and stay fast).
	assert.match(header, /STALE (\d+s|\?)/, `STALE with the data's age in the header:\n${header}`);
	assert.match(header, /retry in \d+s/, `the retry countdown in the header:\n${header}`);
	const frame = screen.frame();
	for (const text of expected.kept) {
		assert.ok(frame.includes(text), `the last good data (${text}) stays on screen:\n${frame}`);
	}

	return {sentence};
}

/**
 * After the fault is cleared: STALE goes, the status line empties (or says MaxScale answers again), and `fresh`
 * (data the server only has now) shows, within `withinMs`.
 */
export async function expectRecovery(screen: Screen, fresh: string, withinMs: number): Promise<number> {
	const started = Date.now();
	await waitFor(
		() => !screen.header().includes('STALE') && !screen.header().includes('retry in') && screen.frame().includes(fresh),
		`recovery (STALE gone, ${fresh} on screen)`,
		withinMs + 2000,
	);
	const took = Date.now() - started;
	assert.ok(took <= withinMs, `recovered in ${took} ms, more than ${withinMs} ms`);
	// The failure's sentence goes; in its place, for a few polls, that MaxScale answers again.
	assert.match(screen.status(), /^(?:|MaxScale answers again(?:, restarted \(its sessions are all new\))?: its polls failed for .+ before this one\.)$/, `the status line clears after recovery: "${screen.status()}"`);
	return took;
}

/**
 * The longest a recovery may take: the wait already scheduled when the fault
 * cleared (interval × 2^(failures-1), +20 % jitter, for the few failures a test
 * sees), one more request, and the slow faults' timeout.
 */
export function recoveryBound(failuresAtMost = 5, extraMs = 0): number {
	return Math.round(intervalMs * 2 ** (failuresAtMost - 1) * 1.2) + intervalMs + extraMs + 400;
}

/** waitFor, and on a timeout the screen at that moment in the error. */
export async function until(screen: Screen, check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	try {
		await waitFor(check, what, timeoutMs);
	} catch (error: unknown) {
		throw new Error(`${(error as Error).message}; the screen:\n${screen.frame()}`);
	}
}
