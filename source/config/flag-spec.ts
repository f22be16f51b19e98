// The flags sessiontop declares to meow, and meow's own mistakes as one sentence.
// Apart from config/flags.ts (which reads the values) so that cli.tsx loads only
// this before --help and --version answer: no imports here.

// The switches (-s, -n, --readonly, --demo, --once…) are strings to meow: its booleans
// read `--readonly=yes` as false and leave `-n 0` a stray "0"; config/flags.ts reads
// the text as the environment's values are read (`--readonly` alone is '', on).
export const knownFlags = {
	// Repeatable, as an operator expects: `-h a -h b` is `-h a,b`.
	hosts: {type: 'string', shortFlag: 'h', isMultiple: true},
	user: {type: 'string', shortFlag: 'u'},
	password: {type: 'string', shortFlag: 'p'},
	secure: {type: 'string', shortFlag: 's'},
	timeout: {type: 'string', shortFlag: 't'},
	config: {type: 'string', shortFlag: 'c'},
	tlsKey: {type: 'string'},
	tlsCert: {type: 'string'},
	tlsPassphrase: {type: 'string'},
	tlsCaCert: {type: 'string'},
	tlsVerifyServerCert: {type: 'string', shortFlag: 'n'},
	interval: {type: 'string'},
	sort: {type: 'string'},
	grouping: {type: 'string'},
	columns: {type: 'string'},
	readonly: {type: 'string'},
	mouse: {type: 'string'},
	maxBody: {type: 'string'},
	serverTz: {type: 'string'},
	demo: {type: 'string'},
	once: {type: 'string'},
	tsv: {type: 'string'},
	json: {type: 'string'},
	watch: {type: 'string'},
	record: {type: 'string'},
	replay: {type: 'string'},
	host: {type: 'string'},
	port: {type: 'string'},
	sessions: {type: 'string'},
	seed: {type: 'string'},
	churn: {type: 'string'},
	uptime: {type: 'string'},
	apiVersion: {type: 'string'},
	basicUser: {type: 'string'},
	// meow answers these by itself only when they come alone: `sessiontop -h db1 --help`
	// or `sessiontop simulate --help` must not start anything either.
	help: {type: 'boolean'},
	version: {type: 'boolean'},
} as const;

/** What `sessiontop simulate` reads (TLS: its own certificate and key, to serve HTTPS); the rest is the monitor's. */
export const simulateFlags: ReadonlySet<string> = new Set(['host', 'port', 'sessions', 'seed', 'churn', 'uptime', 'apiVersion', 'user', 'password', 'basicUser', 'tlsCert', 'tlsKey', 'help', 'version']);
/** What only `sessiontop simulate` reads. */
const simulateOnly: ReadonlySet<string> = new Set(['host', 'port', 'sessions', 'seed', 'churn', 'uptime', 'apiVersion', 'basicUser']);

/**
 * An option given where it does nothing, as one sentence: the monitor given the simulator's
 * --port (or --host, for -h/--hosts), or the simulator given the monitor's --interval. Else
 * it would be dropped without a word, and `simulate --tls-ca-cert` would serve plain HTTP.
 */
export function misplacedOption(flags: Record<string, unknown>, simulate: boolean): string | undefined {
	// -h/--hosts is an empty list when not given.
	const given = Object.keys(flags).filter((key) => {
		const value = flags[key];
		return value !== undefined && !(Array.isArray(value) && value.length === 0) && Object.hasOwn(knownFlags, key);
	});
	const name = given.find((key) => (simulate ? !simulateFlags.has(key) : simulateOnly.has(key)));
	if (name === undefined) {
		return undefined;
	}

	if (simulate) {
		// Said under simulate's name, as its own mistakes are (cli.tsx failSimulate; QA).
		return `${optionName(name)} is an option of the monitor, not of the simulator (sessiontop simulate --help lists the simulator's).`;
	}

	const hint = name === 'host' ? ': the monitor takes -h/--hosts' : '';
	return `${optionName(name)} is an option of sessiontop simulate${hint} (sessiontop --help lists the monitor's).`;
}

/**
 * The option a mistyped long one most likely meant, as typed (`--hots`: `--hosts`), among the
 * monitor's or the simulator's own; undefined for a short one or none near enough.
 */
export function meantOption(typed: string, simulate: boolean, meant: (word: string, names: readonly string[]) => string | undefined): string | undefined {
	if (!typed.startsWith('--')) {
		return undefined;
	}

	const names = Object.keys(knownFlags)
		.filter((key) => (simulate ? simulateFlags.has(key) : !simulateOnly.has(key)))
		.map((key) => optionName(key).slice(2));
	const guess = meant(typed.slice(2), names);
	return guess === undefined ? undefined : `--${guess}`;
}

/** `tlsKey` as typed: `--tls-key`. */
export function optionName(key: string): string {
	return key.length === 1 ? `-${key}` : `--${key.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * What meow throws, as one sentence: it throws (a plain Error, whose stack would
 * show its minified source) for a flag given twice, and perhaps for more in a
 * later version; none of it may reach the operator as a stack trace.
 */
export function argumentsMistake(error: unknown, simulate = false, argv: readonly string[] = []): string {
	const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
	const twice = /^The flag --(\w+) can only be set once\.?$/.exec(message);
	const flag = twice === null ? undefined : (knownFlags as Record<string, {shortFlag?: string}>)[twice[1]!];
	// The simulator repeats none of its options, and has a help of its own (QA: it was sent to -h/--hosts).
	if (twice !== null && flag !== undefined && simulate) {
		return `${optionName(twice[1]!)} was given more than once: give it once.`;
	}

	// `--no-mouse --no-mouse` is meow's --mouse twice: named as typed.
	const negated = twice === null ? undefined : `--no-${optionName(twice[1]!).slice(2)}`;
	if (twice !== null && flag !== undefined && argv.includes(negated!) && !argv.some((token) => token.replace(/=.*$/s, '') === optionName(twice[1]!))) {
		return `${negated!} was given more than once: give it once.`;
	}

	if (twice !== null && flag !== undefined) {
		const names = `${flag.shortFlag === undefined ? '' : `-${flag.shortFlag}/`}${optionName(twice[1]!)}`;
		return `${names} was given more than once: give it once (only -h/--hosts may be repeated).`;
	}

	return `the options cannot be read (${message.replace(/\.$/, '')}): run sessiontop${simulate ? ' simulate' : ''} --help.`;
}

/**
 * The command word (`simulate`) when meow threw before it could tell: the first word that is
 * no option's value. Every option but --help, --version and a `--no-` one takes a value, after
 * `=` or as the next word (meow's strings take the next word unless it starts with "-").
 */
export function commandWord(argv: readonly string[]): string | undefined {
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') {
			return argv[index + 1];
		}

		if (!token.startsWith('-') || token === '-') {
			return token;
		}

		if (!token.includes('=') && !/^--(?:help|version|no-.*)$/.test(token) && !(argv[index + 1] ?? '-').startsWith('-')) {
			index++;
		}
	}

	return undefined;
}

/**
 * The flag, as typed (`--password`, `-p`), whose secret value a stray `word` came right after
 * (`-p my secret`: the rest of a password with a space, written unquoted), so that the sentence
 * about the word does not quote it; undefined for any other word. `-p` in a group or glued to
 * its value too (`-sp my secret`, `-pmy secret`), and `--password=my secret`. `longNames`: the
 * command's flags that take a secret (the monitor's and the simulator's differ).
 */
export function secretBefore(word: string, argv: readonly string[], longNames: readonly string[]): string | undefined {
	const secret = argv.findIndex((token, index) => {
		const long = token.replace(/=.*/s, '');
		const spaced = token === long && (longNames.includes(token) || /^-[^-]*p$/.test(token));
		const glued = (token !== long && longNames.includes(long)) || /^-[^-]*p./.test(token);
		return (spaced && argv[index + 2] === word) || (glued && argv[index + 1] === word);
	});
	if (secret === -1) {
		return undefined;
	}

	const typed = argv[secret]!;
	return typed.startsWith('--') ? typed.replace(/=.*/s, '') : '-p';
}
