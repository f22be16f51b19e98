// Keys of the config file that nothing reads. In [maxctrl] they are warned about, not
// refused, since maxctrl takes any of its options there: but `interval` put there was
// silently 2 s, and a typo'd `pasword =` came back later as a bare 401. In [sessiontop],
// ours alone, an unknown key is an error. An unknown key's text is quoted only when it
// cannot be a secret: ini reads `password: S3cr3t` as one key, the whole line, which the
// warning once printed.

import {sanitize} from '../model/sanitize.js';
import type {ConfigFile} from './config-file.js';
import type {KeyLine} from './file-lines.js';
import {meant} from './near-miss.js';
import {ownSettings, settings, type SettingName} from './settings.js';

/**
 * maxctrl's global options, as its documentation lists them from 2.2 to 24.02, with
 * their one-letter aliases, plus `rdns` (its `list sessions` option). sessiontop reads
 * some of them; the others (quiet, tsv, skip-sync, config) are maxctrl's business.
 */
const maxctrlLong = [
	'hosts', 'user', 'password', 'timeout', 'secure', 'tls-key', 'tls-passphrase', 'tls-cert', 'tls-ca-cert',
	'tls-verify-server-cert', 'quiet', 'tsv', 'skip-sync', 'config', 'rdns',
];
const camel = (name: string) => name.replaceAll(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
// yargs, which reads maxctrl's file, takes `tlsKey` for `tls-key`.
const maxctrlKeys = new Set([...maxctrlLong, ...maxctrlLong.map(camel), 'c', 'h', 'u', 'p', 't', 'q', 's', 'n']);

const own = [...ownSettings];
const ownKeys = new Set<string>(own.flatMap((name) => settings[name].file));
const ownLong = own.map((name) => settings[name].flag.slice(2));
const connection = (Object.keys(settings) as SettingName[]).filter((name) => !ownSettings.has(name));
const connectionKeys = new Set<string>(connection.flatMap((name) => settings[name].file));
/** The [maxctrl] options sessiontop reads, for the sentence about a key it cannot place. */
const readHere = connection.map((name) => settings[name].flag.slice(2));
/** Every key either section takes: a word that may be quoted, being no one's secret. */
const knownKeys: ReadonlySet<string> = new Set([...maxctrlKeys, ...ownKeys]);

/** Where a key stands in its section, if the file was read from disk: its last line, as ini keeps the last. */
function lineOf(file: ConfigFile, section: 'maxctrl' | 'sessiontop', key: string): KeyLine | undefined {
	return file.lines?.[section].findLast((entry) => entry.key === key);
}

/**
 * How a sentence may name a key that is not an option. Its text is quoted only when it is
 * written as `name = value` and is within two edits of an option (`pasword`): a line that is
 * not `name = value` is a key named by the whole line, which may be the password itself
 * (`password: S3cr3t`, or the password alone), and so is named by its number.
 */
type Naming = {quote: string; guess: string} | {leadingWord: string; line: number} | {line?: number; assigned: boolean};

function naming(entry: KeyLine | undefined, key: string, names: readonly string[]): Naming {
	const guess = meant(key, names);
	if (guess !== undefined && (entry === undefined || entry.assigned)) {
		return {quote: `"${sanitize(key)}"`, guess};
	}

	if (entry?.leadingWord !== undefined && knownKeys.has(entry.leadingWord)) {
		return {leadingWord: entry.leadingWord, line: entry.line};
	}

	return {line: entry?.line, assigned: entry?.assigned ?? true};
}

/** `the key on line 4` of a `name = value` line, `line 4` of one without `=`, `a key` when no line is known. */
function unnamed(naming: {line?: number; assigned: boolean}): string {
	return naming.line === undefined ? 'a key' : naming.assigned ? `the key on line ${naming.line}` : `line ${naming.line}`;
}

/** One warning per key of [maxctrl] that neither maxctrl nor sessiontop reads. */
export function maxctrlKeyWarnings(file: ConfigFile): string[] {
	const warnings: string[] = [];
	const section = `[maxctrl] of ${file.path}`;
	for (const key of Object.keys(file.maxctrl)) {
		if (maxctrlKeys.has(key)) {
			continue;
		}

		if (ownKeys.has(key)) {
			// One of our own settings' names: nothing secret to quote.
			warnings.push(`"${key}" in ${section} is ignored: sessiontop's own settings go under [sessiontop].`);
			continue;
		}

		const named = naming(lineOf(file, 'maxctrl', key), key, [...maxctrlLong, ...ownLong]);
		const reads = `sessiontop reads ${readHere.join(', ')} there`;
		if ('quote' in named) {
			const under = ownLong.includes(named.guess) ? ', under [sessiontop]' : '';
			warnings.push(`${named.quote} in ${section} is not an option of maxctrl or sessiontop, so it is ignored: did you mean ${named.guess}${under}?`);
		} else if ('leadingWord' in named) {
			const under = ownKeys.has(named.leadingWord) ? ', under [sessiontop]' : '';
			warnings.push(`line ${named.line} in ${section} starts with "${named.leadingWord}" but has no "=", so it is ignored: write it as ${named.leadingWord} = value${under}.`);
		} else if (named.assigned) {
			warnings.push(`${unnamed(named)} in ${section} is not an option of maxctrl or sessiontop, so it is ignored: check its spelling (${reads}).`);
		} else {
			warnings.push(`${unnamed(named)} in ${section} is neither an option nor name = value, so it is ignored: write each option as name = value (${reads}).`);
		}
	}

	return warnings;
}

/** The error for the first key of [sessiontop] that is not one of its settings, if any. */
export function sessiontopKeyError(file: ConfigFile): string | undefined {
	const key = Object.keys(file.sessiontop).find((name) => !ownKeys.has(name));
	if (key === undefined) {
		return undefined;
	}

	const section = `[sessiontop] of ${file.path}`;
	if (connectionKeys.has(key)) {
		return `"${key}" in ${section} is a connection option: put it under [maxctrl], where maxctrl reads it too.`;
	}

	const settingsList = `${ownLong.slice(0, -1).join(', ')} or ${ownLong.at(-1)!}`;
	const named = naming(lineOf(file, 'sessiontop', key), key, ownLong);
	if ('quote' in named) {
		return `${named.quote} in ${section} is not a setting: did you mean ${named.guess}?`;
	}

	if ('leadingWord' in named) {
		const under = ownKeys.has(named.leadingWord) ? '' : ', under [maxctrl]';
		return `line ${named.line} in ${section} starts with "${named.leadingWord}" but has no "=": write it as ${named.leadingWord} = value${under}.`;
	}

	return named.assigned
		? `${unnamed(named)} in ${section} is not a setting: use ${settingsList}.`
		: `${unnamed(named)} in ${section} is neither a setting nor name = value: write each as name = value (${settingsList}).`;
}
