#!/usr/bin/env node
// Flags in, then the monitor (a terminal) or batch output (--once, --tsv, --json,
// --watch, or any stdout that is not a terminal). Only meow, the flag list and the
// help text are imported up front, once the process title hides the command line:
// everything else is loaded when the chosen path needs it, so --help and --version
// answer before the configuration is even loaded, and batch output never pays for
// Ink, React, the password prompt or TLS.

import process from 'node:process';
import type {monitorOptions} from './config/options.js';

// First of all: until the title is set, the command line as typed, `-p S3cr3t` included,
// is what `ps` and /proc/PID/cmdline show every local user. meow sets it too, but only once
// its 130K bundle is loaded, which a static import loads before any line here runs: it and
// the rest are imported after this line instead.
process.title = 'sessiontop';
// SIGUSR1 would open Node's inspector on port 9229, through which any local process of this
// user could run code in the one that holds the password: it ends the process as a signal's
// default would (128 + 10), unless a mode stops on it in its own way (the monitor, --watch
// --json and simulate do, as on SIGTERM).
process.on('SIGUSR1', () => {
	if (process.listenerCount('SIGUSR1') === 1) {
		process.exit(138);
	}
});

const [{default: os}, {default: meow}, {argumentsMistake, commandWord, knownFlags, misplacedOption, optionName}, {helpText, simulateHelpText}, {sanitize}] = await Promise.all([
	import('node:os'),
	import('./vendor/meow.js'),
	import('./config/flag-spec.js'),
	import('./help.js'),
	import('./model/sanitize.js'),
]);

// A sentence here may quote what the user typed, a variable or the config file
// (`-h $'evil\e]0;T\ahost'`): sanitized as a server's text is, so that it cannot drive the terminal.
function fail(message: string, code = 2, command = 'sessiontop'): never {
	process.stderr.write(`${command}: ${sanitize(message)}\n`);
	process.exit(code);
}

/** A mistake in `sessiontop simulate`'s command line, under its name, as its own sentences are (simulate-command.ts). */
const failSimulate = (message: string): never => fail(message, 2, 'sessiontop simulate');

function parseArguments(): ReturnType<typeof meow<typeof knownFlags>> | {mistake: unknown} {
	try {
		return meow(helpText, {
			importMeta: import.meta,
			// Checked below, to answer an unknown option in one sentence rather than meow's two lines.
			allowUnknownFlags: true,
			// Answered below (printAndExit), whatever comes with them, and with a failed write said.
			autoHelp: false,
			autoVersion: false,
			// Unset booleans stay undefined, so that a flag that was not given cannot hide
			// the environment or the config file.
			booleanDefault: undefined,
			flags: knownFlags,
		});
	} catch (error: unknown) {
		return {mistake: error};
	}
}

const parsed = parseArguments();
if ('mistake' in parsed) {
	// `--sort -running` is read as -r -u -n -n…, and meow throws for -n given twice: said as what it is.
	const {dashSortValue} = await import('./config/unknown-option.js');
	const argv = process.argv.slice(2);
	if (commandWord(argv) === 'simulate') {
		failSimulate(argumentsMistake(parsed.mistake, true));
	}

	fail(dashSortValue(argv) ?? argumentsMistake(parsed.mistake));
}

const cli = parsed;

/** An option given that meow was not told of, spelt as typed (near enough: --tls-key for tlsKey). */
function unknownOption(flags: Record<string, unknown>): string | undefined {
	const name = Object.keys(flags).find((key) => !Object.hasOwn(knownFlags, key));
	return name === undefined ? undefined : optionName(name);
}

function warn(message: string): void {
	process.stderr.write(`sessiontop: warning: ${sanitize(message)}\n`);
}

/** Whether stdout is a terminal that can draw a full screen: a TTY whose TERM is not `dumb`. */
function fullScreen(): boolean {
	return process.stdout.isTTY === true && process.env['TERM'] !== 'dumb';
}

/**
 * --help and --version: the text written, then exit 0; or, when stdout took none of it (a
 * full disk), one sentence and 1, as the batch output and GNU tools do (meow's own exit 0
 * came before the write had failed). A closed pipe (`| head -1`) is the reader's choice.
 */
async function printAndExit(text: string): Promise<never> {
	const error = await new Promise<(Error & {code?: string}) | undefined>((resolve) => {
		process.stdout.once('error', resolve);
		try {
			process.stdout.write(text, (failed) => {
				resolve(failed ?? undefined);
			});
		} catch (thrown: unknown) {
			resolve(thrown as Error);
		}
	});
	if (error !== undefined && error.code !== 'EPIPE') {
		process.stderr.write(`sessiontop: cannot write the output (${error.code ?? error.message}).\n`);
		process.exit(1);
	}

	process.exit(0);
}

async function main(): Promise<number> {
	if (cli.flags.help) {
		// The simulator's options alone: meow knows one help text, so it is printed here, as meow would.
		await printAndExit(`${cli.input[0] === 'simulate' ? simulateHelpText : cli.help}\n`);
	}

	if (cli.flags.version) {
		await printAndExit(`${cli.pkg.version ?? ''}\n`);
	}

	const unknown = unknownOption(cli.flags);
	if (unknown !== undefined) {
		// A value glued to its flag, or a password that starts with "-", reads as options never
		// typed, and the password's letters would be quoted: said as what it is, unquoted.
		const {dashSortValue, gluedOrDashValue} = await import('./config/unknown-option.js');
		const argv = process.argv.slice(2);
		const said = dashSortValue(argv) ?? gluedOrDashValue(argv);
		// Under simulate's name, with its own help (QA: `simulate --prot 5` was sent to the monitor's).
		if (said === undefined && cli.input[0] === 'simulate') {
			failSimulate(`unknown option ${unknown}: run sessiontop simulate --help to see its options.`);
		}

		fail(said ?? `unknown option ${unknown}: run sessiontop --help to see the options.`);
	}

	const [command, ...rest] = cli.input;
	const misplaced = misplacedOption(cli.flags, command === 'simulate');
	if (misplaced !== undefined && command === 'simulate') {
		failSimulate(misplaced);
	}

	if (misplaced !== undefined && command === undefined) {
		fail(misplaced);
	}

	if (command === 'simulate') {
		// The simulator is loaded only for its own command and for --demo.
		const {runSimulate, strayWordMistake} = await import('./simulate-command.js');
		const stray = strayWordMistake(rest, process.argv.slice(2));
		if (stray !== undefined) {
			failSimulate(stray);
		}

		return runSimulate(cli.flags);
	}

	if (command !== undefined || rest.length > 0) {
		// Not quoted when it may be the rest of a password (`-p my secret`): review.
		const {strayAfterSecret} = await import('./config/unknown-option.js');
		fail(strayAfterSecret(command!, process.argv.slice(2)) ?? `unknown command "${command}": run sessiontop --help.`);
	}

	const {batchMode, readFlags, recordMistake, recordNeedsScreen, replayMistake} = await import('./config/flags.js');
	const flags = readFlags(cli.flags, process.argv.slice(2));
	if ('error' in flags) {
		fail(flags.error);
	}

	const mistake = replayMistake(flags);
	if (mistake !== undefined) {
		fail(mistake);
	}

	if (flags.replay !== undefined && (!process.stdout.isTTY || !process.stdin.isTTY)) {
		// Played to a pipe or a file, the full screen would be written there for as long as it plays.
		fail('--replay shows the recording on screen: it needs a terminal.');
	}

	if (flags.replay !== undefined && !fullScreen()) {
		fail('--replay shows the recording on screen: this terminal (TERM=dumb) cannot draw one.');
	}

	const mode = batchMode(flags);
	if (typeof mode === 'object') {
		fail(mode.error);
	}

	// A dumb terminal (Emacs's M-x shell, TERM=dumb) cannot move its cursor: the list, once, as to a pipe.
	const batch = flags.replay === undefined ? (mode ?? (fullScreen() ? undefined : 'table')) : undefined;
	const {demoWarning, loadConfig, monitorOptions, unusedSettings} = await import('./config/options.js');
	const config = loadConfig(flags, process.env, os.homedir(), unusedSettings(batch));
	if ('error' in config) {
		fail(config.error);
	}

	const demoIgnores = flags.demo ? demoWarning(config) : undefined;
	// Said on stderr for batch output, on the screen's status line for the monitor: written
	// before the full screen starts, a warning would not be seen until it ends.
	const warnings = [...config.warnings, ...(demoIgnores === undefined ? [] : [demoIgnores])];

	const recordWith = recordMistake(flags, mode);
	if (recordWith !== undefined) {
		fail(recordWith);
	}

	if (flags.replay !== undefined) {
		return replay(flags.replay, monitorOptions(config), warnings, config.mouse);
	}

	if (batch !== undefined && flags.record !== undefined) {
		fail(recordNeedsScreen(process.stdout.isTTY === true));
	}

	if (batch === undefined && (!process.stdout.isTTY || !process.stdin.isTTY)) {
		fail('the monitor needs a TTY on stdin and stdout; --once prints the list.');
	}

	const {connect} = await import('./connect.js');
	const connected = await connect(config, {demo: flags.demo === true, repeats: batch === undefined || batch === 'watch-json'});
	if ('error' in connected) {
		fail(connected.error, connected.code);
	}

	const {clients, hostEntries, demo} = connected;
	warnings.push(...connected.warnings);

	if (batch !== undefined) {
		for (const text of warnings) {
			warn(text);
		}

		const [{runBatch}, {crashText}] = await Promise.all([import('./batch/run-batch.js'), import('./crash-text.js')]);
		// A failure of sessiontop's own (the monitor has its own: ui/run-monitor.tsx): its message
		// cleaned of anything that drives a terminal (it may quote a server's text), and 70.
		const onCrash = (error: unknown) => {
			process.stderr.write(crashText(error));
			process.exit(70);
		};

		process.on('uncaughtException', onCrash);
		process.on('unhandledRejection', onCrash);
		try {
			return await runBatch({
				mode: batch,
				hosts: clients.map((client, index) => ({entry: hostEntries[index] ?? client.target.label, client})),
				intervalMs: config.intervalMs,
				sort: config.sort,
				// A terminal's table fits its width (rows no longer wrap); a pipe or a file gets every
				// text whole, as scripts expect. A pty whose size was never set says 0 columns: whole.
				columns: process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined,
				...(config.columns === undefined ? {} : {shownColumns: config.columns}),
			});
		} finally {
			await demo?.close();
		}
	}

	let recorder;
	if (flags.record !== undefined) {
		const {Recorder, cannotRecord} = await import('./api/recording.js');
		recorder = new Recorder(flags.record);
		try {
			await recorder.start(clients.map((client) => client.target.label));
		} catch (error: unknown) {
			fail(cannotRecord(flags.record, error));
		}
	}

	// Each MaxScale's list worker starts now, so that its start-up runs beside the screen's loading.
	const {listThreadsFor} = await import('./api/list-thread.js');
	const listThreads = listThreadsFor(clients).map((thread) => thread.warm());
	const runMonitor = await loadMonitor();
	const recording = flags.record === undefined ? undefined : `Recording every poll to ${flags.record}.`;
	const {startNotice} = await import('./model/status-line.js');
	const notice = startNotice(warnings, [demo?.notice, recording]);
	return runMonitor({clients, options: monitorOptions(config), notice, onExit: demo?.close, recorder, listThreads, mouse: config.mouse});
}

/**
 * The screen from build/ui/monitor-bundle.js (`npm run build` makes it: one file,
 * Ink patched, ~1 s sooner on screen; monitor-bundle.ts), or module by module.
 */
async function loadMonitor() {
	const [{prepareMonitorProcess}, {monitorBundle}] = await Promise.all([import('./monitor-process.js'), import('./monitor-bundle-file.js')]);
	const bundle = monitorBundle(new URL('.', import.meta.url));
	const bundled = bundle !== undefined;
	await prepareMonitorProcess({inkPatched: bundled});
	const {runMonitor} = bundled ? ((await import(bundle.href)) as typeof import('./ui/run-monitor.js')) : await import('./ui/run-monitor.js');
	return runMonitor;
}

/** --replay FILE: the full UI on a recording, with no MaxScale at all. */
async function replay(file: string, options: ReturnType<typeof monitorOptions>, warnings: string[], mouse: boolean): Promise<number> {
	const {readRecording} = await import('./api/recording.js');
	const recording = await readRecording(file);
	if (typeof recording === 'string') {
		fail(recording);
	}

	const runMonitor = await loadMonitor();
	// The screen names the recording's span itself (model/replay.ts replayNotice), after any warning.
	const {startNotice} = await import('./model/status-line.js');
	return runMonitor({clients: [], options: {...options, readonly: true}, recording, notice: startNotice(warnings, []), mouse});
}

process.exitCode = (await main()) || process.exitCode; // A failure set meanwhile (run-batch.ts: stdout unwritable) stays.
