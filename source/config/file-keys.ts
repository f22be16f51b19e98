// Keys of the config file that nothing reads. In [maxctrl] they are warned about, not
// refused, since maxctrl takes any of its options there: but `interval` put there was
// silently 2 s, and a typo'd `pasword =` came back later as a bare 401. In [sessiontop],
// ours alone, an unknown key is an error.

import {sanitize} from '../model/sanitize.js';
import type {ConfigFile} from './config-file.js';
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

function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_value, index) => index);
	for (const [i, charA] of [...a].entries()) {
		const row = [i + 1];
		for (const [j, charB] of [...b].entries()) {
			row.push(Math.min(previous[j + 1]! + 1, row[j]! + 1, previous[j]! + (charA === charB ? 0 : 1)));
		}

		previous = row;
	}

	return previous[b.length]!;
}

/** The option a typo most likely meant (`pasword`: password), if one is within two edits. */
function meant(key: string, names: readonly string[]): string | undefined {
	const lower = key.toLowerCase();
	let best: {name: string; edits: number} | undefined;
	for (const name of names) {
		const edits = distance(lower, name);
		if (edits <= 2 && edits < lower.length - 1 && (best === undefined || edits < best.edits)) {
			best = {name, edits};
		}
	}

	return best?.name;
}

/** One warning per key of [maxctrl] that neither maxctrl nor sessiontop reads. */
export function maxctrlKeyWarnings(file: ConfigFile): string[] {
	const warnings: string[] = [];
	for (const key of Object.keys(file.maxctrl)) {
		if (maxctrlKeys.has(key)) {
			continue;
		}

		const where = `"${sanitize(key)}" in [maxctrl] of ${file.path}`;
		if (ownKeys.has(key)) {
			warnings.push(`${where} is ignored: sessiontop's own settings go under [sessiontop].`);
			continue;
		}

		const guess = meant(key, [...maxctrlLong, ...ownLong]);
		const advice =
			guess === undefined
				? `check its spelling (sessiontop reads ${readHere.join(', ')} there).`
				: `did you mean ${guess}${ownLong.includes(guess) ? ', under [sessiontop]' : ''}?`;
		warnings.push(`${where} is not an option of maxctrl or sessiontop, so it is ignored: ${advice}`);
	}

	return warnings;
}

/** The error for the first key of [sessiontop] that is not one of its settings, if any. */
export function sessiontopKeyError(file: ConfigFile): string | undefined {
	const key = Object.keys(file.sessiontop).find((name) => !ownKeys.has(name));
	if (key === undefined) {
		return undefined;
	}

	const where = `"${sanitize(key)}" in [sessiontop] of ${file.path}`;
	if (connectionKeys.has(key)) {
		return `${where} is a connection option: put it under [maxctrl], where maxctrl reads it too.`;
	}

	const guess = meant(key, ownLong);
	return guess === undefined
		? `${where} is not a setting: use ${ownLong.slice(0, -1).join(', ')} or ${ownLong.at(-1)!}.`
		: `${where} is not a setting: did you mean ${guess}?`;
}
