// The MaxScales to talk to, as clients: the demo's own simulator, or the hosts configured,
// with the password (asked for when it is empty) and TLS (its files read only for https
// hosts). Loaded by cli.tsx once the flags hold: undici and node:tls come in only here.

import process from 'node:process';
import type {Client, Target} from './api/client.js';
import {verifyFlagAsTyped} from './config/flags.js';
import type {Config} from './config/options.js';
import {usesHttps} from './config/target.js';
import type {TlsOptions} from './config/tls.js';

export type Connected = {
	clients: Client[];
	/** Each MaxScale as the operator named it (-h), for batch output. */
	hostEntries: string[];
	demo?: {notice: string; close(): Promise<void>};
	/** Warnings to say (TLS verification turned off). */
	warnings: string[];
};

/** Why the clients could not be made, in one sentence, and the exit status. */
export type NotConnected = {error: string; code: number};

/** `repeats`: the clients poll again and again (the monitor, --watch --json), not once. */
export async function connect(config: Config, {demo: wantsDemo, repeats}: {demo: boolean; repeats: boolean}): Promise<Connected | NotConnected> {
	let targets: Target[] = config.targets;
	let hostEntries = config.hostEntries;
	let {user, password} = config;
	let demo: Connected['demo'];
	const warnings: string[] = [];
	/** How the password came, when it was asked for: the 401 sentence names it. */
	let askedBy: 'prompt' | 'stdin' | undefined;
	if (wantsDemo) {
		const {startDemo} = await import('./demo.js');
		const started = await startDemo();
		demo = started;
		targets = [started.target];
		hostEntries = [started.target.label];
		({user, password} = started);
	} else if (password === '') {
		const {askPassword, noPasswordSentence} = await import('./config/password.js');
		const asked = await askPassword(process.stdin, process.stderr);
		if (!asked.ok) {
			// An empty `p =` in the file (or -p ''): the sentence names the one that asked.
			const emptyIn = config.sources.password === 'flag' ? undefined : config.where.password;
			return {error: noPasswordSentence(asked.reason, emptyIn), code: asked.reason === 'cancelled' ? 130 : 2};
		}

		password = asked.password;
		askedBy = process.stdin.isTTY === true ? 'prompt' : 'stdin';
	}

	let tls: TlsOptions | undefined;
	if (demo === undefined && usesHttps(targets)) {
		// sessiontop sets rejectUnauthorized on every connection (-n), so NODE_TLS_REJECT_UNAUTHORIZED=0
		// turns nothing off; left set, it has Node warn at the first connection that it does.
		delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
		// node:tls is loaded only for https hosts.
		const {noVerifyWarning, readTlsFiles} = await import('./config/tls.js');
		const read = readTlsFiles(config);
		if (!read.ok) {
			return {error: read.error, code: 2};
		}

		tls = read.tls;
		const noVerify = noVerifyWarning(config, verifyFlagAsTyped(process.argv.slice(2)));
		if (noVerify !== undefined) {
			warnings.push(noVerify);
		}
	}

	// undici is loaded only now: --help, --version and option mistakes stay quick.
	const [{Client: ClientClass}, {credentialsOrigin}] = await Promise.all([import('./api/client.js'), import('./config/credentials.js')]);
	// What a 401 says to check: the user tried, and where it and the password came from (the
	// demo's are its own, and need none).
	const credentials = demo === undefined ? {credentialsWhere: credentialsOrigin(config, askedBy), ...(config.where.hosts === undefined ? {} : {hostsWhere: config.where.hosts})} : {};
	const clients = targets.map(
		(target) =>
			new ClientClass({
				target,
				user,
				password,
				timeoutMs: config.timeoutMs,
				maxBodyBytes: config.maxBodyBytes,
				maxBodyWhere: config.where.maxBody,
				tls: target.origin.startsWith('https:') ? tls : undefined,
				repeats,
				...credentials,
			}),
	);
	return {clients, hostEntries, ...(demo === undefined ? {} : {demo}), warnings};
}
