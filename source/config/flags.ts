// The command line as meow hands it over, to the flags the rest of sessiontop takes.
// flag-spec.ts declares the switches (--readonly, -n, --once…) to meow as strings, so
// that their values can be read here the way the environment and the config file
// read theirs: meow's own booleans turn `--readonly=maybe`, and even `--readonly=yes`,
// into false without a word, and leave `-n 0` a stray "0" command.

import {knownFlags, optionName} from './flag-spec.js';
import type {Flags} from './settings.js';
import {otherBooleans, parseBoolean, parseSort} from './values.js';

/** Flags that are on or off. */
export const switchNames = ['secure', 'tlsVerifyServerCert', 'readonly', 'mouse', 'demo', 'once', 'tsv', 'json', 'watch'] as const;
type SwitchName = (typeof switchNames)[number];

/** Flags that take a text value (--hosts, a list, is apart). */
export const valueNames = [
	'config',
	'user',
	'password',
	'timeout',
	'tlsKey',
	'tlsCert',
	'tlsPassphrase',
	'tlsCaCert',
	'interval',
	'sort',
	'grouping',
	'columns',
	'maxBody',
	'serverTz',
	'record',
	'replay',
] as const;

export type CommandLine = Flags & Partial<Record<SwitchName, boolean>> & {record?: string; replay?: string};

/**
 * `-h` or `--hosts` with nothing after it: meow hands over [] for it, as when it is
 * not given at all. (A dash word is never taken as an option's value, so any such
 * token before `--` is the flag itself.)
 */
function hostsGivenEmpty(argv: readonly string[]): boolean {
	const end = argv.indexOf('--');
	return (end === -1 ? argv : argv.slice(0, end)).some((token) => /^(?:--hosts|-[a-zA-Z]*h)$/.test(token));
}

/**
 * A switch's name as typed, for the sentence about its value: `-n maybe` was said to be
 * `--tls-verify-server-cert "maybe"`, a flag never typed (QA). The short letter (alone, or
 * last of a group: `-sn maybe`), the long name or its camelCase, with `=` or a space; the
 * long name when the argument is not found. meow refuses a flag given twice, so there is one.
 */
function switchAsTyped(argv: readonly string[], name: SwitchName): string {
	const end = argv.indexOf('--');
	const long = optionName(name);
	const short = (knownFlags as Record<string, {shortFlag?: string}>)[name]?.shortFlag;
	for (const token of end === -1 ? argv : argv.slice(0, end)) {
		const flag = token.replace(/=.*$/s, '');
		if (flag === long || flag === `--${name}`) {
			return flag;
		}

		if (short !== undefined && new RegExp(`^-[a-zA-Z]*${short}$`).test(flag)) {
			return `-${short}`;
		}
	}

	return long;
}

/**
 * meow's flags (switches as strings, --hosts as a list) to checked flags, or one
 * sentence. `argv`: the arguments as given, to tell `-h` alone from no `-h`.
 */
export function readFlags(raw: Record<string, unknown>, argv: readonly string[]): CommandLine | {error: string} {
	const flags: CommandLine = {};
	for (const name of switchNames) {
		const value = raw[name];
		if (value === undefined) {
			continue;
		}

		// `--readonly` alone is '' (on); `--no-readonly` is meow's false; anything else
		// is read as a variable would be: true/false, yes/no, on/off, 1/0.
		const on = value === '' ? true : typeof value === 'boolean' ? value : typeof value === 'string' ? parseBoolean(value) : undefined;
		if (on === undefined) {
			const flag = switchAsTyped(argv, name);
			return {error: `${flag} "${String(value)}" is not true or false: give ${flag} alone to turn it on, or ${flag}=false (${otherBooleans}).`};
		}

		flags[name] = on;
	}

	for (const name of valueNames) {
		const value = raw[name];
		if (value === undefined) {
			continue;
		}

		if (typeof value !== 'string') {
			// `--no-user`: meow's negation of a flag that takes a value.
			return {error: `--no-${optionName(name).slice(2)} is not an option: ${optionName(name)} takes a value (see sessiontop --help).`};
		}

		flags[name] = value;
	}

	// -h/--hosts may be repeated, as an operator expects: `-h a -h b` is `-h a,b`.
	const hosts = raw['hosts'];
	const list = hosts === undefined ? [] : Array.isArray(hosts) ? (hosts as unknown[]) : [hosts];
	if (list.some((entry) => typeof entry !== 'string')) {
		return {error: '--no-hosts is not an option: --hosts takes host:port entries (see sessiontop --help).'};
	}

	if (list.length > 0) {
		flags.hosts = list.join(',');
	} else if (hostsGivenEmpty(argv)) {
		// The empty entry is refused by buildConfig as `-h ''` is, in the same words.
		flags.hosts = '';
	}

	return flags;
}

/** Flags for reaching a MaxScale, which a replay does not do; -h/--hosts is named apart. */
const connectionNames = ['user', 'password', 'timeout', 'tlsKey', 'tlsCert', 'tlsPassphrase', 'tlsCaCert', 'secure', 'tlsVerifyServerCert', 'maxBody'] as const;

/**
 * --replay with a flag it cannot honour, in one sentence: a replay shows a recording on the
 * screen, at its own pace, and reaches no MaxScale; a flag it would silently ignore is refused.
 * Only the command line's flags: a config file that names hosts still serves its sort.
 */
export function replayMistake(flags: CommandLine): string | undefined {
	if (flags.replay === undefined) {
		return undefined;
	}

	if (flags.replay.trim() === '') {
		return '--replay needs a file name: --replay FILE plays the recording FILE.';
	}

	if (flags.record !== undefined) {
		return '--replay and --record exclude each other: a replay polls no MaxScale, so there is nothing to record.';
	}

	if (flags.demo === true) {
		return '--replay and --demo exclude each other: choose the recording or the demo.';
	}

	const batch = (['once', 'json', 'tsv', 'watch'] as const).find((name) => flags[name] === true);
	if (batch !== undefined) {
		return `--replay shows the recording on screen, so ${optionName(batch)} has nothing to print: leave out one of the two.`;
	}

	if (flags.hosts !== undefined) {
		return '--replay shows the MaxScales the recording holds and connects to none: leave out -h/--hosts.';
	}

	const connection = connectionNames.find((name) => flags[name] !== undefined);
	if (connection !== undefined) {
		return `--replay connects to no MaxScale, so ${optionName(connection)} has nothing to do: leave it out.`;
	}

	return flags.interval === undefined ? undefined : '--replay plays at the pace the recording was made at: leave out --interval.';
}

/** The output a run prints instead of the screen: --once's table, --tsv, --json, --watch --json. */
export type BatchMode = 'table' | 'tsv' | 'json' | 'watch-json';

/** The batch mode the flags ask for; undefined for the monitor. */
export function batchMode(flags: CommandLine): BatchMode | undefined | {error: string} {
	const {once, tsv, json, watch} = flags;
	if (tsv && json) {
		return {error: '--tsv and --json exclude each other: choose one.'};
	}

	// Each mistake named as given: --once --watch --json is not helped by "use --watch --json".
	if (watch && once) {
		return {error: '--once and --watch exclude each other: --watch --json repeats.'};
	}

	if (watch && tsv) {
		return {error: '--watch prints JSON lines, not TSV: use --watch --json or --tsv.'};
	}

	// --json carries no statements (every field of the list: `queries` is not one it asks for).
	const sorted = json && flags.sort !== undefined ? parseSort(String(flags.sort))?.key : undefined;
	const byStatement = sorted === 'running' || sorted === 'statement' ? sorted : undefined;
	if (byStatement !== undefined) {
		const title = byStatement === 'running' ? 'Running' : 'Statement';
		return {error: `--sort ${byStatement} sorts by the ${title} column; ${watch ? '--watch --json' : '--json'} carries no statements: sort by another column, or use --once.`};
	}

	if (watch && json && flags.columns !== undefined) {
		return {error: "--columns chooses the screen's and --once's columns; --watch --json prints every field: leave out --columns."};
	}

	// Each poll's line is the sessions ungrouped, as --json's list: refused as there (QA: it was ignored).
	if (watch && json && flags.grouping !== undefined) {
		return {error: "--grouping groups the screen's list; --watch --json prints the sessions ungrouped: leave out --grouping."};
	}

	if (watch) {
		return json ? 'watch-json' : {error: '--watch streams JSON lines: use --watch --json.'};
	}

	const mode = tsv ? 'tsv' : json ? 'json' : once ? 'table' : undefined;
	// A view flag given with a batch flag that cannot honour it is a wrong expectation: said, as
	// --replay's are, rather than the output quietly not being what was asked for. (The same
	// settings from the config file or the environment are the monitor's, and stay silent.)
	if (mode !== undefined && flags.interval !== undefined) {
		return {error: `--interval paces the monitor and --watch --json; ${modeFlag(mode)} prints once: leave out --interval, or use --watch --json.`};
	}

	if (mode === 'tsv' && flags.sort !== undefined) {
		return {error: "--tsv prints the sessions in the server's order, as maxctrl does: leave out --sort (--once and --json sort)."};
	}

	if ((mode === 'tsv' || mode === 'json') && flags.columns !== undefined) {
		return {error: `--columns chooses the screen's and --once's columns; ${modeFlag(mode)} prints ${mode === 'tsv' ? "maxctrl's" : 'every field'}: leave out --columns.`};
	}

	if (mode !== undefined && flags.grouping !== undefined) {
		return {error: `--grouping groups the screen's list; ${modeFlag(mode)} prints the sessions ungrouped: leave out --grouping.`};
	}

	return mode;
}

/** The flag that chose a batch mode, as the operator typed it. */
function modeFlag(mode: 'tsv' | 'json' | 'table'): string {
	return mode === 'table' ? '--once' : `--${mode}`;
}

/**
 * -n/--tls-verify-server-cert as typed, with its value: `-n false`, `-n 0`,
 * `--tls-verify-server-cert=no`, `--no-tls-verify-server-cert` (`=yes`). The warning that verification
 * is off names it so: "(-n false)" after `--no-tls-verify-server-cert` named a flag never typed.
 * meow refuses the flag given twice, so there is one; a value is never a dash word.
 */
export function verifyFlagAsTyped(argv: readonly string[]): string | undefined {
	const end = argv.indexOf('--');
	const tokens = end === -1 ? argv : argv.slice(0, end);
	for (const [index, token] of tokens.entries()) {
		if (/^(?:-n|--(?:tls-verify-server-cert|tlsVerifyServerCert))=/.test(token) || /^--no-(?:tls-verify-server-cert|tlsVerifyServerCert)(?:=.*)?$/s.test(token)) {
			return token;
		}

		// `-n 0`, and -n last in a group of short flags (`-sn 0`), as meow reads them.
		if (/^(?:-[a-zA-Z]*n|--(?:tls-verify-server-cert|tlsVerifyServerCert))$/.test(token)) {
			const value = tokens[index + 1];
			return value === undefined || value.startsWith('-') ? token : `${token} ${value}`;
		}
	}

	return undefined;
}

/**
 * --record with a batch flag, in one sentence as --replay's: the recording is of the monitor's
 * polls, which a batch run does not make. `--watch --json >> FILE` keeps every poll instead.
 */
export function recordMistake(flags: CommandLine, mode: BatchMode | undefined): string | undefined {
	// As --replay '' is (QA: `cannot record to  (ENOENT)`).
	if (flags.record?.trim() === '') {
		return '--record needs a file name: --record FILE keeps every poll in FILE.';
	}

	if (flags.record === undefined || mode === undefined) {
		return undefined;
	}

	if (mode === 'watch-json') {
		return "--record records the monitor's polls, and --watch --json prints them as JSON lines: leave out one of the two (--watch --json >> FILE keeps them in FILE).";
	}

	return `--record records the monitor's polls, and ${modeFlag(mode)} prints the list once: leave out one of the two.`;
}

/** --record where the monitor cannot run: stdout not a terminal, or one that cannot draw it (TERM=dumb). */
export function recordNeedsScreen(dumb: boolean): string {
	const why = dumb ? 'which this terminal (TERM=dumb) cannot draw' : 'which needs a terminal';
	return `--record records the monitor's polls, ${why}: run it in a full terminal, or use --watch --json >> FILE to keep every poll as JSON lines.`;
}
