// Mount the monitor full screen and make sure every way out restores the terminal.

import {constants} from 'node:os';
import {render} from 'ink';
import type {Client} from '../api/client.js';
import type {ListThread} from '../api/list-thread.js';
import type {Recorder, Recording} from '../api/recording.js';
import type {Options} from '../model/monitor-state.js';
import type {Notice} from '../model/status-line.js';
import {App} from './app.js';
import {crashText} from '../crash-text.js';
import {sanitize} from '../model/sanitize.js';
import {utf8Locale} from './ascii-frame.js';
import {takeScreen} from './full-screen.js';
import type {RecorderHolder} from './record-toggle.js';
import {themeFor} from './theme.js';

export type RunOptions = {
	clients: Client[];
	options: Options;
	notice?: Notice;
	onExit?: () => Promise<void>;
	recorder?: Recorder;
	recording?: Recording;
	/** Started by the CLI while this module loaded; one per client. */
	listThreads?: ListThread[];
	/** Clicks and the wheel reported (full-screen.ts); off, the terminal keeps them for selecting text. */
	mouse?: boolean;
};

/**
 * The signals whose default is to end the process without a word: each ends the monitor as q
 * does (the terminal handed back), with the shell's code for it. SIGUSR1 too, which Node would
 * take to open its inspector on port 9229: any process of the same user could then run code in
 * the one that holds the REST API password (a listener keeps the inspector shut). SIGABRT from
 * abort() never reaches JavaScript; a `kill -ABRT` does. SIGPROF is left to V8's profiler
 * when Node runs with `--cpu-prof` or `--prof` (it would end the monitor at its first tick).
 */
const profiling = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((flag) => /^--(cpu-)?prof(?:$|[=-])/.test(flag));
const endSignals: NodeJS.Signals[] = [
	...(['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGALRM', 'SIGABRT', 'SIGVTALRM', 'SIGXCPU', 'SIGXFSZ'] as const),
	// Also ended by default, and only Linux has some of them. Not SEGV, BUS, FPE or ILL: after
	// a real fault nothing is safe to run (Node's own warning), and no JavaScript would.
	...(['SIGTRAP', 'SIGSYS', 'SIGIO', 'SIGPWR', 'SIGSTKFLT'] as const).filter((signal) => constants.signals[signal] !== undefined),
	...(profiling ? [] : (['SIGPROF'] as const)),
];

export async function runMonitor({clients, options, notice, onExit, recorder, recording, listThreads, mouse = false}: RunOptions): Promise<number> {
	const screen = takeScreen(process.stdout, !utf8Locale(process.env), mouse);
	let exitCode = 0;
	// --record's recording, or W's: whichever is on at exit is flushed and its gaps said.
	const recorders: RecorderHolder = {current: recorder};
	const instance = render(<App clients={clients} options={options} theme={themeFor(process.env)} notice={notice} recorders={recorders} recording={recording} listThreads={listThreads} />, {
		exitOnCtrlC: false,
		patchConsole: true,
		incrementalRendering: false,
	});

	const finish = (code: number) => {
		exitCode = code;
		instance.unmount();
	};

	// 128 + the signal's number, as a shell reports a process it ended.
	const onSignal = (signal: NodeJS.Signals) => {
		finish(128 + (constants.signals[signal] ?? 15));
	};

	const onCrash = (error: unknown) => {
		instance.unmount();
		screen.restore();
		process.stderr.write(crashText(error));
		process.exit(70);
	};

	for (const signal of endSignals) {
		process.on(signal, onSignal);
	}

	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	try {
		await instance.waitUntilExit();
	} catch (error: unknown) {
		// An error while rendering ends Ink's instance: report it like any other crash.
		screen.restore();
		process.stderr.write(crashText(error));
		exitCode = 70;
	} finally {
		screen.restore();
		for (const signal of endSignals) {
			process.off(signal, onSignal);
		}

		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		await Promise.all(clients.map(async (client) => client.close()));
		await recorders.current?.flush();
		await onExit?.();
	}

	// Said again once the screen is gone (the status line's sentence faded long ago), and
	// a gap too: polls lost while writing failed, even if it recovered since.
	const lost = recorders.current?.lost;
	if (lost !== undefined) {
		process.stderr.write(`sessiontop: ${sanitize(lost)}\n`);
	}

	return exitCode;
}
