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
	readonly: {type: 'string'},
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
	apiVersion: {type: 'string'},
	// meow answers these by itself only when they come alone: `sessiontop -h db1 --help`
	// or `sessiontop simulate --help` must not start anything either.
	help: {type: 'boolean'},
	version: {type: 'boolean'},
} as const;

/** `tlsKey` as typed: `--tls-key`. */
export function optionName(key: string): string {
	return key.length === 1 ? `-${key}` : `--${key.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * What meow throws, as one sentence: it throws (a plain Error, whose stack would
 * show its minified source) for a flag given twice, and perhaps for more in a
 * later version; none of it may reach the operator as a stack trace.
 */
export function argumentsMistake(error: unknown): string {
	const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
	const twice = /^The flag --(\w+) can only be set once\.?$/.exec(message);
	const flag = twice === null ? undefined : (knownFlags as Record<string, {shortFlag?: string}>)[twice[1]!];
	if (twice !== null && flag !== undefined) {
		const names = `${flag.shortFlag === undefined ? '' : `-${flag.shortFlag}/`}${optionName(twice[1]!)}`;
		return `${names} was given more than once: give it once (only -h/--hosts may be repeated).`;
	}

	return `the options cannot be read (${message.replace(/\.$/, '')}): run sessiontop --help.`;
}
