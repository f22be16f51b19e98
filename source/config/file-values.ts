// Two things npm's `ini` does to the config file without a word, undone or refused from
// where each key stands (file-lines.ts): a key given twice keeps its last value (where a
// flag given twice is refused), and `password = true`, `false` or `null` becomes a boolean
// or null, which for a text setting read "has no value".

import type {ConfigFile} from './config-file.js';
import type {KeyLine} from './file-lines.js';
import {ownSettings, settings, type SettingName} from './settings.js';

type SectionName = 'maxctrl' | 'sessiontop';

const sectionOf = (name: SettingName): SectionName => (ownSettings.has(name) ? 'sessiontop' : 'maxctrl');

function listed(items: readonly string[]): string {
	return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/**
 * The sentence for the first setting given more than once in its section, under one name or
 * several (`p` and `password`), if any: the keys and their lines, never their values. A key
 * written as a list (`hosts[] =`) is left to the sentence that says how to write it.
 */
export function repeatedKeyError(file: ConfigFile): string | undefined {
	for (const name of Object.keys(settings) as SettingName[]) {
		const section = sectionOf(name);
		const names: readonly string[] = settings[name].file;
		const given = (file.lines?.[section] ?? []).filter((entry) => names.includes(entry.key));
		if (given.length < 2 || given.some((entry) => entry.list)) {
			continue;
		}

		const option = settings[name].flag.slice(2);
		const times = given.length === 2 ? 'twice' : `${given.length} times`;
		const sameKey = given.every((entry) => entry.key === given[0]!.key);
		const where = sameKey
			? `lines ${listed(given.map((entry) => String(entry.line)))}`
			: listed(given.map((entry: KeyLine) => `${entry.key} on line ${entry.line}`));
		return `${option} is given ${times} in [${section}] of ${file.path} (${where}): keep one of them.`;
	}

	return undefined;
}

/**
 * `password = true` as the text `true`: ini makes `true`, `false` and `null` (quoted or
 * not) a boolean or null, so a password, a user or a path that is one of those words could
 * not be written at all. maxctrl, which reads the file with ini too, is handed the boolean.
 * Only for text settings, and only on a line with `=`: a bare `password` stays true, "no value".
 */
export function keepWords(file: ConfigFile): void {
	for (const name of Object.keys(settings) as SettingName[]) {
		if (settings[name].kind !== 'string') {
			continue;
		}

		const section = sectionOf(name);
		const values = file[section];
		for (const entry of file.lines?.[section] ?? []) {
			const value = values[entry.key];
			if (entry.assigned && (settings[name].file as readonly string[]).includes(entry.key) && (typeof value === 'boolean' || value === null)) {
				values[entry.key] = String(value);
			}
		}
	}
}
