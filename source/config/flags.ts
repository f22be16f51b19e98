// The command line as meow hands it over, to the flags the rest of sessiontop takes.
// flag-spec.ts declares the switches (--readonly, -n, --once…) to meow as strings, so
// that their values can be read here the way the environment and the config file
// read theirs: meow's own booleans turn `--readonly=maybe`, and even `--readonly=yes`,
// into false without a word, and leave `-n 0` a stray "0" command.

import {optionName} from './flag-spec.js';
import type {Flags} from './settings.js';
import {parseBoolean} from './values.js';

/** Flags that are on or off. */
export const switchNames = ['secure', 'tlsVerifyServerCert', 'readonly', 'demo', 'once', 'tsv', 'json', 'watch'] as const;
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
			const flag = optionName(name);
			return {error: `${flag} "${String(value)}" is not true or false: give ${flag} alone to turn it on, or ${flag}=false (yes/no, on/off and 1/0 work too).`};
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
