// The configuration file: maxctrl's own `~/.maxctrl.cnf`, read the way maxctrl reads
// it (npm's `ini` parser, section `[maxctrl]`, the option names and their short
// aliases), plus a `[sessiontop]` section for our own settings. A maxctrl user's
// file works unchanged.

import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import type ini from 'ini';
import {sanitize} from '../model/sanitize.js';
import {keyLines, type FileLines} from './file-lines.js';
import {keepWords, repeatedKeyError} from './file-values.js';
import {readSmallFile, smallFileReason} from './small-file.js';

// ini is loaded only when there is a file to parse: importing a CommonJS package from
// an ES module (Node lexes it for its exports) costs ~9 ms of every start, and most
// starts have no file. require() of it is synchronous, as readConfigFile is.
const requireCommonJs = createRequire(import.meta.url);

export const defaultConfigName = '.maxctrl.cnf';

export type ConfigFile = {
	path: string;
	/** `[maxctrl]`: connection options under maxctrl's names (see `maxctrlKeys`). */
	maxctrl: Record<string, unknown>;
	/** `[sessiontop]`: interval, sort, grouping, columns, readonly, mouse, max-body, server-tz. */
	sessiontop: Record<string, unknown>;
	/** Where each key of the two sections stands; absent for a file made in code (tests). */
	lines?: FileLines;
};

export type FileResult = {ok: true; file?: ConfigFile; warnings: string[]} | {ok: false; error: string};

/** `~/x` and `~` to the home folder; the shell usually does it, a config value or `-c '~/x'` may not. */
export function expandHome(file: string, home: string): string {
	if (file === '~') {
		return home;
	}

	return file.startsWith('~/') ? path.join(home, file.slice(2)) : file;
}

export function defaultConfigPath(home: string): string {
	return path.join(home, defaultConfigName);
}

function isSection(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with the file, and what to do about it when it was not named (~/.maxctrl.cnf). */
function reasonOf(code: unknown): {reason: string; remedy?: string} {
	if (code === 'ENOENT') {
		return {reason: 'does not exist'};
	}

	if (code === 'EACCES' || code === 'EPERM') {
		return {reason: 'cannot be read (permission denied)', remedy: 'make it readable (chmod 600)'};
	}

	if (code === 'EISDIR') {
		return {reason: 'is a folder, not a file', remedy: 'remove it'};
	}

	const small = smallFileReason(code);
	if (small !== undefined) {
		return {reason: small};
	}

	return {reason: `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`};
}

/**
 * The sentence for a file that cannot be read. A named one points back at where it was
 * named; the default one was named by no one, so "check -c" would send the operator to
 * an option never given: say what to do with the file, or how to read another.
 */
function unreadable(file: string, code: unknown, namedBy: string | undefined): string {
	const {reason, remedy} = reasonOf(code);
	if (namedBy !== undefined) {
		return `the config file ${file} ${reason}: check ${namedBy}.`;
	}

	return `the default config file ${file} ${reason}: ${remedy === undefined ? '' : `${remedy}, or `}name another file with -c.`;
}

const passwordKeys: ReadonlySet<string> = new Set(['p', 'password']);
// The TLS key's passphrase is as secret (QA: a file others could read with it drew no word).
const passphraseKeys: ReadonlySet<string> = new Set(['tls-passphrase', 'tlsPassphrase']);

/**
 * Sections whose name is [maxctrl] or [sessiontop] but for case or spaces (`[MaxCtrl]`): ini, and
 * maxctrl, read only the exact name. `beside` when the exact one is there too, whose options are
 * read while these go unread (QA: a `user` under `[MaxCtrl]` beside `[maxctrl]` passed without a
 * word). Shown sanitized: a section name is no secret, but it is the file's text.
 */
function misCasedSections(parsed: Record<string, unknown>): Array<{found: string; meant: string; beside: boolean}> {
	return Object.keys(parsed).flatMap((name) => {
		const meant = name.trim().toLowerCase();
		return (meant === 'maxctrl' || meant === 'sessiontop') && name !== meant && isSection(parsed[name])
			? [{found: sanitize(name), meant, beside: isSection(parsed[meant])}]
			: [];
	});
}

/**
 * Whether [maxctrl] holds a value under one of `keys`. A line written without `=` (`password:
 * S3cr3t`) holds one as well; `p =` holds none (it asks, as maxctrl's -p ''): no warning before
 * the sentence about it (QA).
 */
function holdsSecret(config: ConfigFile, keys: ReadonlySet<string>): boolean {
	const misWritten = config.lines?.maxctrl.some((entry) => entry.leadingWord !== undefined && keys.has(entry.leadingWord)) ?? false;
	return misWritten || Object.entries(config.maxctrl).some(([key, value]) => keys.has(key) && value !== '' && value !== undefined && value !== null);
}

/** Who other than you (or root) can change the file: its owner, another user; its mode, others too; else no one. */
function changedBy(stats: fs.Stats): 'owner' | 'others' | undefined {
	const me = process.getuid?.();
	if (me !== undefined && stats.uid !== me && stats.uid !== 0) {
		return 'owner';
	}

	return (stats.mode & 0o022) === 0 ? undefined : 'others';
}

/**
 * Read and parse the file. `namedBy` ('-c' or 'SESSIONTOP_CONFIG', where the file was
 * named): a missing file is an error. The default file (undefined) may be missing. A
 * file without either section is refused, as maxctrl refuses one without `[maxctrl]`.
 */
export function readConfigFile(file: string, namedBy: string | undefined): FileResult {
	let stats: fs.Stats;
	let text: string;
	try {
		stats = fs.statSync(file);
		if (stats.isDirectory()) {
			return {ok: false, error: unreadable(file, 'EISDIR', namedBy)};
		}

		text = readSmallFile(file).toString('utf8');
	} catch (error: unknown) {
		const code = (error as {code?: unknown} | null)?.code;
		if (code === 'ENOENT' && namedBy === undefined) {
			return {ok: true, warnings: []};
		}

		return {ok: false, error: unreadable(file, code, namedBy)};
	}

	// A byte-order mark, which Windows editors put first, is no part of the text: ini would read
	// `\uFEFF[maxctrl]` as a key, and the section's options, unread, as no section at all.
	text = text.replace(/^\uFEFF/, '');
	const {parse} = requireCommonJs('ini') as typeof ini;
	const parsed = parse(text);
	const maxctrl = parsed['maxctrl'];
	const sessiontop = parsed['sessiontop'];
	const misCased = misCasedSections(parsed);
	if (!isSection(maxctrl) && !isSection(sessiontop)) {
		const found = misCased.length === 0 ? '' : `, only ${misCased.map((name) => `[${name.found}]`).join(' and ')} (section names are case-sensitive)`;
		const remedy = misCased.length === 0 ? 'put the options under one of them' : `name ${misCased.length === 1 ? 'it' : 'them'} ${misCased.map((name) => `[${name.meant}]`).join(' and ')}`;
		return {ok: false, error: `the config file ${file} has no [maxctrl] or [sessiontop] section${found}: ${remedy}.`};
	}

	const config: ConfigFile = {
		path: file,
		maxctrl: isSection(maxctrl) ? {...maxctrl} : {},
		sessiontop: isSection(sessiontop) ? {...sessiontop} : {},
		lines: keyLines(text, parse),
	};
	const repeated = repeatedKeyError(config);
	if (repeated !== undefined) {
		return {ok: false, error: repeated};
	}

	keepWords(config);
	// `[SessionTop]` beside a `[maxctrl]`, or `[MaxCtrl]` beside `[maxctrl]`: its settings would go
	// unread without a word. Beside the right one, renaming it would make the right one twice.
	const warnings: string[] = misCased.map(
		(name) =>
			`[${name.found}] in ${file} is ignored, as section names are case-sensitive: ${name.beside ? `move its lines into [${name.meant}]` : `name it [${name.meant}]`}.`,
	);
	// Like ssh with a private key: a password or a passphrase others can read is worth a word,
	// once. (maxctrl refuses such a file outright; we say so and go on.)
	const secrets = [
		[passwordKeys, 'a password'],
		[passphraseKeys, 'a TLS key passphrase'],
	] as const;
	const held = secrets.filter(([keys]) => holdsSecret(config, keys)).map(([, what]) => what);
	const changer = changedBy(stats);
	const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
	// One sentence for a file others can both read and change (QA: two, for one chmod 600).
	const readable = held.length > 0 && (stats.mode & 0o077) !== 0;
	if (readable) {
		warnings.push(`${file} holds ${held.join(' and ')} and other users can read ${changer === 'others' ? 'and change ' : ''}it (mode ${mode}): run chmod 600 ${file}.`);
	}

	// Whoever can change the file can change its hosts and its TLS settings, and have sessiontop
	// send them the password (QA; ssh refuses such a file): said whether or not it holds one.
	const changed = changer === 'owner' ? `belongs to another user (uid ${stats.uid})` : changer === 'others' && !readable ? `can be changed by other users (mode ${mode})` : undefined;
	if (changed !== undefined) {
		warnings.push(`${file} ${changed}: whoever changes it can send sessiontop, and your password, to a host of theirs; ${changer === 'owner' ? 'make it yours' : `run chmod go-w ${file}`}.`);
	}

	return {ok: true, file: config, warnings};
}
