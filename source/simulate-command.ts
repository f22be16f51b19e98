// `sessiontop simulate`: the simulator as a standalone server, one line on stdout
// when it is ready, a clean stop on SIGINT/SIGTERM.

import process from 'node:process';
import {parseDuration} from './config/duration.js';
import {optionName, secretBefore} from './config/flag-spec.js';
import {keyFailure} from './config/pem.js';
import {sanitize} from './model/sanitize.js';
import {apiVersions, type ApiVersion, type SimulatorOptions} from './simulator/index.js';

/** An error's message on one line (a TLS key that does not match its certificate says so in OpenSSL's words). */
const sanitizeOneLine = (text: string) => text.replaceAll(/\s+/g, ' ').trim();

export type SimulateFlags = {
	host?: string;
	port?: string;
	sessions?: string;
	seed?: string;
	churn?: string;
	uptime?: string;
	apiVersion?: string;
	user?: string;
	password?: string;
	basicUser?: string;
	/** Its own certificate and key, to serve HTTPS as MaxScale does with admin_ssl_cert and admin_ssl_key. */
	tlsCert?: string;
	tlsKey?: string;
};

/**
 * A number option in [min, max]. `whole` for a count, a port and a seed: `--port 1.5` reached
 * Node's own error, and `--sessions 2.5` was announced as such and served 2 (QA). --churn, a
 * rate, may be a fraction (0.5: one session a second opened and closed every two seconds).
 */
function numberOption(name: string, text: string | undefined, fallback: number, min: number, max: number, whole: boolean): number | string {
	if (text === undefined) {
		return fallback;
	}

	if (text.trim() === '') {
		return `--${name} needs a value: a ${whole ? 'whole number' : 'number'} from ${min} to ${max}.`;
	}

	const value = Number(text);
	if (!(whole ? /^\s*\d+\s*$/ : /^\s*\d+(\.\d+)?\s*$/).test(text) || value < min || value > max) {
		return `--${name} "${text}" must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}.`;
	}

	return value;
}

/**
 * `--basic-user NAME:PASSWORD`: the name up to the first ":", the password after it (it may hold
 * ":" itself, as a Basic password may). The value is never quoted back: it holds a password.
 */
export function basicUser(text: string | undefined, admin: string): SimulatorOptions['basicUser'] | string | undefined {
	if (text === undefined) {
		return undefined;
	}

	const colon = text.indexOf(':');
	if (colon <= 0 || colon === text.length - 1) {
		return '--basic-user takes NAME:PASSWORD, both not empty.';
	}

	const user = text.slice(0, colon);
	return user === admin ? `--basic-user must name another user than --user (${admin}).` : {user, password: text.slice(colon + 1)};
}

/**
 * A word after `simulate` that is no option's value (`simulate extra`), refused as the monitor
 * refuses `sessiontop foo` rather than dropped (QA). Not quoted when it follows the value of
 * --password or --basic-user: the rest of a password with a space, written unquoted.
 */
export function strayWordMistake(words: readonly string[], argv: readonly string[]): string | undefined {
	const word = words[0];
	if (word === undefined) {
		return undefined;
	}

	const flag = secretBefore(word, argv, ['--password', '--basic-user', '--basicUser']);
	if (flag !== undefined) {
		return `the word after ${flag}'s value is not an option, so it is not shown (it may be part of a password): quote a password that holds a space.`;
	}

	return `"${word}" is not an option: sessiontop simulate takes options only (sessiontop simulate --help lists them).`;
}

/** The simulator's options from the command line, or the mistake as one sentence. */
export function simulatorOptions(flags: SimulateFlags): SimulatorOptions | string {
	const port = numberOption('port', flags.port, 8989, 0, 65_535, true);
	const sessions = numberOption('sessions', flags.sessions, 200, 0, 1_000_000, true);
	const seed = numberOption('seed', flags.seed, 1, 0, 2 ** 31, true);
	const churn = numberOption('churn', flags.churn, 0, 0, 100_000, false);
	for (const value of [port, sessions, seed, churn]) {
		if (typeof value === 'string') {
			return value;
		}
	}

	// `--uptime 0`: a MaxScale just (re)started, which a restart of the simulator with the same
	// seed otherwise is not (its uptime drawn again, days long).
	const uptimeMs = flags.uptime === undefined ? undefined : parseDuration(flags.uptime, 's');
	if (flags.uptime !== undefined && (uptimeMs === undefined || uptimeMs < 0 || uptimeMs > 10 * 365 * 86_400_000)) {
		return `--uptime "${sanitize(flags.uptime)}" must be a time from 0 to 10 years: 0, 90s, 2h, 16d.`;
	}

	const apiVersion = flags.apiVersion ?? '24.02';
	if (!(apiVersions as readonly string[]).includes(apiVersion)) {
		return `--api-version must be one of ${apiVersions.join(', ')}.`;
	}

	// Given with no value, each once meant its default quietly gone: every interface for
	// --host, or anyone let in with an empty name or password (QA).
	const empty = (['host', 'user', 'password', 'basicUser'] as const).find((name) => flags[name] !== undefined && flags[name].trim() === '');
	if (empty !== undefined) {
		return `${optionName(empty)} needs a value (sessiontop simulate --help says what it takes).`;
	}

	const user = flags.user ?? 'admin';
	const basic = basicUser(flags.basicUser, user);
	if (typeof basic === 'string') {
		return basic;
	}

	return {
		host: flags.host ?? '127.0.0.1',
		port: port as number,
		sessions: sessions as number,
		seed: seed as number,
		churn: churn as number,
		...(uptimeMs === undefined ? {} : {uptimeMs}),
		apiVersion: apiVersion as ApiVersion,
		user,
		password: flags.password ?? 'mariadb',
		basicUser: basic,
	};
}

/** `--tls-cert` and `--tls-key` read, both or neither, or the mistake as one sentence. */
async function tlsOf(flags: SimulateFlags): Promise<SimulatorOptions['tls'] | string | undefined> {
	if (flags.tlsCert === undefined && flags.tlsKey === undefined) {
		return undefined;
	}

	if (flags.tlsCert === undefined || flags.tlsKey === undefined) {
		return 'HTTPS takes both --tls-cert and --tls-key (a certificate and its private key, PEM).';
	}

	const [{readFile}, {createSecureContext}] = await Promise.all([import('node:fs/promises'), import('node:tls')]);
	const pems: Array<[option: string, file: string, what: 'CERTIFICATE' | 'PRIVATE KEY']> = [
		['--tls-cert', flags.tlsCert, 'CERTIFICATE'],
		['--tls-key', flags.tlsKey, 'PRIVATE KEY'],
	];
	const texts: string[] = [];
	for (const [option, file, what] of pems) {
		let text: string;
		try {
			// eslint-disable-next-line no-await-in-loop
			text = await readFile(file, 'utf8');
		} catch (error: unknown) {
			return `${option} ${file} cannot be read (${(error as {code?: string}).code ?? 'error'}): check the path.`;
		}

		if (!text.includes('-----BEGIN ') || !text.includes(what)) {
			return `${option} holds no PEM ${what.toLowerCase()}.`;
		}

		texts.push(text);
	}

	const [cert, key] = texts as [string, string];
	// Tried here, where the sentence can name the file: at listen time an encrypted key or one of
	// another certificate read "cannot listen on …: bad decrypt" (QA).
	try {
		createSecureContext({cert, key});
	} catch (error: unknown) {
		const message = String((error as Error).message);
		const failure = keyFailure(message, key);
		return failure === 'passphrase'
			? `--tls-key ${flags.tlsKey} is encrypted: the simulator takes a key without a passphrase (openssl pkey -in ${flags.tlsKey} -out plain.key).`
			: failure === 'mismatch'
				? `--tls-key ${flags.tlsKey} is not the key of --tls-cert ${flags.tlsCert}: give the key the certificate was made with.`
				: `--tls-cert and --tls-key cannot serve HTTPS (${sanitizeOneLine(message)}): check both files.`;
	}

	return {cert, key};
}

export async function runSimulate(flags: SimulateFlags): Promise<number> {
	// meow titled the process `sessiontop`: in ps and top, a simulator should not pass for a monitor.
	process.title = 'sessiontop simulate';
	const options = simulatorOptions(flags);
	if (typeof options === 'string') {
		process.stderr.write(`sessiontop simulate: ${sanitize(options)}\n`);
		return 2;
	}

	const tls = await tlsOf(flags);
	if (typeof tls === 'string') {
		process.stderr.write(`sessiontop simulate: ${sanitize(tls)}\n`);
		return 2;
	}

	if (tls !== undefined) {
		options.tls = tls;
	}

	const {startSimulator} = await import('./simulator/index.js');
	let simulator;
	try {
		simulator = await startSimulator(options);
	} catch (error: unknown) {
		const code = (error as {code?: string}).code;
		const why = code === 'EADDRINUSE' ? 'the port is in use: pick another with --port' : sanitizeOneLine(String((error as Error).message));
		process.stderr.write(`sessiontop simulate: ${sanitize(`cannot listen on ${options.host!}:${String(options.port)}: ${why}.`)}\n`);
		return 1;
	}

	// Reachable from elsewhere with MaxScale's well-known admin password, anyone could kill its
	// sessions or read its made-up clients: said, as a real MaxScale's default would be (QA).
	const loopback = /^(127\.|::1$|localhost$|\[::1\]$)/.test(options.host ?? '127.0.0.1');
	if (!loopback && flags.password === undefined) {
		process.stderr.write(`sessiontop simulate: listening on ${sanitize(options.host!)} with the default password (mariadb): anyone who reaches the port is admin; give --password.\n`);
	}

	process.stdout.write(
		`MaxScale ${simulator.apiVersion} REST API simulator with ${String(options.sessions)} ${options.sessions === 1 ? 'session' : 'sessions'} listening on ${simulator.url}\n`,
	);
	await new Promise<void>((resolve) => {
		const stop = () => {
			resolve();
		};

		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
		// Not Node's inspector on port 9229: a stop, as SIGTERM.
		process.once('SIGUSR1', stop);
	});
	await simulator.close();
	return 0;
}
