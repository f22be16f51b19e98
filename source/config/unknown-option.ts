// The sentence for an option meow was not told of, read back from the arguments as typed.
// meow takes no dash word as a value and splits a short group into its letters, so two
// mistakes surface as an "unknown option" the operator never typed: a value glued to its
// short flag (`-h127.0.0.1:8989`: `-1`; `-uadmin`: `-a`), and a password that starts with
// `-` (`-p --hunter2`, mysql's `-pS3cr3t`), whose text the sentence would then quote.
// Also what meow takes without a word: a value flag inside a short group (`-hu x`) and a long
// option in capitals (`--HOSTS`). Loaded only when a word may be one: most starts never need it.

import {parseSort} from './values.js';
import {sanitize} from '../model/sanitize.js';
import {knownFlags, optionName, secretBefore} from './flag-spec.js';

/** Short flags that take a value; `-s` and `-n` take one too, but only a boolean word is read as theirs. */
const valueLetters = new Set(['h', 'u', 'p', 't', 'c']);
const switchLetters = new Set(['s', 'n']);
const shortLetters: ReadonlySet<string> = new Set(
	Object.values(knownFlags).flatMap((flag) => ('shortFlag' in flag ? [flag.shortFlag] : [])),
);
/** Flags whose value is a secret, never quoted. */
const secretFlags = new Set(['--password', '--tls-passphrase', '--tlsPassphrase']);
const booleanWord = /^(?:true|false|yes|no|on|off|1|0)$/i;
// What meow (yargs-parser) takes as a glued value rather than as more letters: a number.
const numberText = /^-?\d+(?:\.\d*)?(?:e-?\d+)?$/;

const camel = (name: string) => name.replaceAll(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** Whether a dash word is an option meow knows, every letter of it for a short group. */
function isKnownOption(token: string): boolean {
	if (token.startsWith('--')) {
		const name = token.slice(2).split('=')[0]!;
		return Object.hasOwn(knownFlags, camel(name)) || (name.startsWith('no-') && Object.hasOwn(knownFlags, camel(name.slice(3))));
	}

	if (numberText.test(token)) {
		return true;
	}

	return [...token.slice(1).split('=')[0]!].every((letter) => shortLetters.has(letter));
}

/** The letters of a short group meow reads as flags: up to the one before a non-word character, which takes the rest. */
function flagLetters(group: string): string {
	const stop = group.search(/\W/);
	return stop === -1 ? group : group.slice(0, stop);
}

/**
 * A value glued to a short flag that takes one (`-h127.0.0.1`, `-sh127.0.0.1`, `-nfalse`):
 * the flag's letter and the value, when meow would read the value as unknown letters. Letters
 * before it must be flags meow knows, else the unknown one is the operator's own.
 */
function gluedValue(token: string): {letter: string; value: string} | undefined {
	if (!/^-[a-zA-Z]/.test(token) || token.startsWith('--')) {
		return undefined;
	}

	const group = token.slice(1);
	for (const [index, letter] of [...group].entries()) {
		const value = group.slice(index + 1);
		const takes = valueLetters.has(letter) || (switchLetters.has(letter) && booleanWord.test(flagLetters(value)));
		if (takes && value !== '' && /^\w/.test(value) && !numberText.test(value) && [...flagLetters(value)].some((other) => !shortLetters.has(other))) {
			return {letter, value};
		}

		if (!shortLetters.has(letter)) {
			return undefined;
		}
	}

	return undefined;
}

/** The secret flag a token ends with (`-p`, `-sp`, `--password`), as its long name. */
function secretFlagOf(token: string): string | undefined {
	if (secretFlags.has(token)) {
		return token === '--tlsPassphrase' ? '--tls-passphrase' : token;
	}

	return /^-[a-zA-Z]*p$/.test(token) ? '--password' : undefined;
}

/** The word after a secret's flag (`token`, `secret` its long name) starts with "-": said, never quoted. */
function dashSecret(token: string, secret: string): string {
	const what = secret === '--password' ? 'password' : 'passphrase';
	const written = secret === '--password' ? "--password='…' or -p='…'" : `${secret}='…'`;
	const variable = secret === '--password' ? 'SESSIONTOP_PASSWORD' : 'SESSIONTOP_TLS_PASSPHRASE';
	return `the word after ${token} starts with "-" and is no option, so it is not shown (it may be the ${what}): write such a ${what} as ${written}, or set ${variable}.`;
}

/**
 * One sentence for the first argument that explains an unknown option, or undefined when none
 * does (the option is then simply unknown). Never quotes a password or a passphrase.
 */
export function gluedOrDashValue(argv: readonly string[]): string | undefined {
	const end = argv.indexOf('--');
	const tokens = end === -1 ? argv : argv.slice(0, end);
	for (const [index, token] of tokens.entries()) {
		const secret = secretFlagOf(token);
		const next = tokens[index + 1];
		if (secret !== undefined && next !== undefined && next.startsWith('-') && next !== '-' && !isKnownOption(next)) {
			return dashSecret(token, secret);
		}

		const glued = gluedValue(token);
		if (glued === undefined) {
			continue;
		}

		if (glued.letter === 'p') {
			return gluedPassword;
		}

		return `-${glued.letter} takes its value after a space or =: ${optionName(glued.letter)} ${sanitize(glued.value)}.`;
	}

	return undefined;
}

/**
 * A long option written in capitals (`--HOSTS x`, `--Once`): meow took some as their
 * lower-case selves and dropped others without a word (QA: `--HOSTS x` watched the default
 * host), so none is taken: options are written in lower case, as `--help` lists them. Not
 * the word after a password's flag, which may be the password (gluedOrDashValue says it).
 */
export function casedOption(argv: readonly string[]): string | undefined {
	const end = argv.indexOf('--');
	const tokens = end === -1 ? argv : argv.slice(0, end);
	for (const [index, token] of tokens.entries()) {
		const name = token.startsWith('--') ? token.slice(2).split('=')[0]! : '';
		const lower = name.toLowerCase();
		const known = Object.hasOwn(knownFlags, camel(lower)) || (lower.startsWith('no-') && Object.hasOwn(knownFlags, camel(lower.slice(3))));
		if (name !== lower && known && (index === 0 || secretFlagOf(tokens[index - 1]!) === undefined)) {
			return `unknown option --${sanitize(name)} (--${lower}?): options are written in lower case, as sessiontop --help lists them.`;
		}
	}

	return undefined;
}

/** mysql's -pS3cr3t: what follows -p is the password, quoted by no sentence. */
const gluedPassword = "-p takes the password after a space or =, not glued to it as mysql's -pPASSWORD, so what follows -p is not shown: write -p='…', or set SESSIONTOP_PASSWORD.";

/**
 * A group of short flags with one that takes a value before its last letter (`-hu x`,
 * `-hs`, `-pnuts`): every letter a flag, so meow reads it without a word, the word after it
 * going to the last letter and the one before left empty (QA: `-hu 127.0.0.1:19215` watched
 * the default host, `-hc x` read x as the config file, and mysql's `-pnuts`, a password all
 * of flag letters, drew a sentence about --timeout). After a password's flag that word may be
 * the password: said as gluedOrDashValue says it, unquoted.
 */
export function valueInGroup(argv: readonly string[]): string | undefined {
	const end = argv.indexOf('--');
	const tokens = end === -1 ? argv : argv.slice(0, end);
	for (const [index, token] of tokens.entries()) {
		if (!/^-[a-zA-Z]{2}/.test(token)) {
			continue;
		}

		const letters = [...flagLetters(token.slice(1))];
		const at = letters.findIndex((letter, i) => valueLetters.has(letter) && i < letters.length - 1);
		if (at === -1 || !letters.every((letter) => shortLetters.has(letter))) {
			continue;
		}

		// After -p, the word may be the password (`-p -hu`): said, not quoted.
		const secret = index > 0 ? secretFlagOf(tokens[index - 1]!) : undefined;
		if (secret !== undefined) {
			return dashSecret(tokens[index - 1]!, secret);
		}

		const letter = letters[at]!;
		return letter === 'p' ? gluedPassword : `-${letters.join('')}: -${letter} takes its value after a space or =, so it comes last in a group of short flags, or alone: -${letter} VALUE.`;
	}

	return undefined;
}

/**
 * `--sort -idle`, as `--sort=-idle` is written with a space: meow reads the word as options
 * (-i -d -l -e), and the sentence was about them (QA: `-n/--tls-verify-server-cert was given
 * more than once` for `--sort -running`). Said as what it is, before what meow made of it.
 */
export function dashSortValue(argv: readonly string[]): string | undefined {
	const end = argv.indexOf('--');
	const tokens = end === -1 ? argv : argv.slice(0, end);
	// Only a sort's name: `--sort -h mx1` is a value left out, not `--sort=-h`.
	const at = tokens.findIndex((token, i) => token === '--sort' && /^-[a-zA-Z/]+$/.test(tokens[i + 1] ?? '') && parseSort(tokens[i + 1]!) !== undefined);
	const word = tokens[at + 1];
	return at === -1 || word === undefined ? undefined : `--sort ${word}: a word after --sort that starts with "-" reads as options: write --sort=${word} (or --sort "${word.slice(1)} desc").`;
}

/** The sentence for a stray word right after a secret's value (secretBefore), never quoting it; undefined for any other word. */
export function strayAfterSecret(word: string, argv: readonly string[]): string | undefined {
	const flag = secretBefore(word, argv, [...secretFlags]);
	return flag === undefined ? undefined : `the word after ${flag}'s value is no command or option, so it is not shown (it may be part of the password): quote a password that holds a space.`;
}
