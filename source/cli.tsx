#!/usr/bin/env node
// Flags in, then the monitor (a terminal) or batch output (--once, --tsv, --json,
// --watch, or any stdout that is not a terminal). Only meow, the flag list and the
// help text are imported up front, once the process title hides the command line:
// everything else is loaded when the chosen path needs it, so --help and --version
// answer before the configuration is even loaded, and batch output never pays for
// Ink, React, the password prompt or TLS.

import process from 'node:process';

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

const [{default: os}, {default: meow}, {argumentsMistake, commandWord, knownFlags, meantOption, misplacedOption, optionName}, {helpText, simulateHelpText}, {sanitize}] = await Promise.all([
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

/** The command line as meow is to read it: `--no-mouse=false` turned into `--mouse=true` (negated-switches.ts), which meow would take for an unknown option. */
async function commandLine(): Promise<string[]> {
	const argv = process.argv.slice(2);
	if (!argv.some((token) => token.startsWith('--no-') && token.includes('='))) {
		return argv;
	}

	const {turnNegatedSwitches} = await import('./config/negated-switches.js');
	const turned = turnNegatedSwitches(argv);
	return Array.isArray(turned) ? turned : fail(turned.error);
}

const argv = await commandLine();

function parseArguments(): ReturnType<typeof meow<typeof knownFlags>> | {mistake: unknown} {
	try {
		return meow(helpText, {
			importMeta: import.meta,
			argv,
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
	if (commandWord(argv) === 'simulate') {
		failSimulate(argumentsMistake(parsed.mistake, true));
	}

	fail(dashSortValue(argv) ?? argumentsMistake(parsed.mistake, false, argv));
}

const cli = parsed;

/** An option given that meow was not told of, spelt as typed (near enough: --tls-key for tlsKey). */
function unknownOption(flags: Record<string, unknown>): string | undefined {
	const name = Object.keys(flags).find((key) => !Object.hasOwn(knownFlags, key));
	return name === undefined ? undefined : optionName(name);
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

	// `--HOSTS x`: meow dropped it or took it, flag by flag; refused, the way to write it said.
	// Like every check of unknown-option.ts, loaded only when a word may need it, not at every start.
	if (argv.some((token) => /^--[^=]*[A-Z]/.test(token))) {
		const {casedOption} = await import('./config/unknown-option.js');
		const cased = casedOption(argv);
		if (cased !== undefined) {
			fail(cased, 2, commandWord(argv) === 'simulate' ? 'sessiontop simulate' : 'sessiontop');
		}
	}

	const unknown = unknownOption(cli.flags);
	if (unknown !== undefined) {
		// A value glued to its flag, or a password that starts with "-", reads as options never
		// typed, and the password's letters would be quoted: said as what it is, unquoted.
		const {dashSortValue, gluedOrDashValue} = await import('./config/unknown-option.js');
		const said = dashSortValue(argv) ?? gluedOrDashValue(argv);
		// The option it most likely meant, as git says it (QA: `--hots`, `--intervl` got no hint).
		const simulating = cli.input[0] === 'simulate';
		const {meant} = await import('./config/near-miss.js');
		const guess = meantOption(unknown, simulating, meant);
		const typo = guess === undefined ? unknown : `${unknown} (${guess}?)`;
		// Under simulate's name, with its own help (QA: `simulate --prot 5` was sent to the monitor's).
		if (said === undefined && simulating) {
			failSimulate(`unknown option ${typo}: run sessiontop simulate --help to see its options.`);
		}

		fail(said ?? `unknown option ${typo}: run sessiontop --help to see the options.`);
	}

	const [command, ...rest] = cli.input;
	if (command !== 'simulate' && argv.some((token) => /^-[a-zA-Z]{2}/.test(token))) {
		// `-hu x`: every letter a flag, so meow said nothing, and -h was left empty.
		const {valueInGroup} = await import('./config/unknown-option.js');
		const grouped = valueInGroup(argv);
		if (grouped !== undefined) {
			fail(grouped);
		}
	}

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
		const stray = strayWordMistake(rest, argv);
		if (stray !== undefined) {
			failSimulate(stray);
		}

		return runSimulate(cli.flags);
	}

	if (command !== undefined || rest.length > 0) {
		// Not quoted when it may be the rest of a password (`-p my secret`): review.
		const {strayAfterSecret} = await import('./config/unknown-option.js');
		// A dash a web page or a word processor made of `--` (`—once`): its look, not its code, was typed.
		const dashed = /^[\u2010-\u2015\u2212]/.test(command!) ? `: "${command!.charAt(0)}" is not "-" (pasted text often turns -- into a dash): type the option with plain hyphens` : ': run sessiontop --help';
		fail(strayAfterSecret(command!, argv) ?? `unknown command "${command}"${dashed}.`);
	}

	const {batchMode, readFlags, recordMistake, recordNeedsScreen, replayMistake} = await import('./config/flags.js');
	const flags = readFlags(cli.flags, argv);
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
	const {demoWarning, loadConfig, unusedSettings} = await import('./config/options.js');
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
		const {startReplay} = await import('./start-monitor.js');
		return orFail(await startReplay(flags.replay, config, warnings));
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

	warnings.push(...connected.warnings);
	if (batch !== undefined) {
		const {startBatch} = await import('./batch/start-batch.js');
		return startBatch({mode: batch, connected, config, warnings});
	}

	const {startMonitor} = await import('./start-monitor.js');
	return orFail(await startMonitor({connected, config, warnings, record: flags.record}));
}

/** A start's exit status, or its sentence said as any other mistake is. */
function orFail(started: number | {error: string}): number {
	return typeof started === 'number' ? started : fail(started.error);
}

process.exitCode = (await main()) || process.exitCode; // A failure set meanwhile (run-batch.ts: stdout unwritable) stays.
