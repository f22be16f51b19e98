// The TLS side of a connection: the PEM files named by --tls-ca-cert, --tls-cert and
// --tls-key, read once at start (a file that cannot be read is one sentence), and
// whether the server's certificate is verified (-n false turns that off, loudly).

import {createSecureContext} from 'node:tls';
import type {Buffer} from 'node:buffer';
import type {ClientOptions} from '../api/client.js';
import {sanitize} from '../model/sanitize.js';
import type {Config} from './options.js';
import {certificateProblem, isEncryptedKey, keyFailure, keyProblem} from './pem.js';
import {settings} from './settings.js';
import {readSmallFile, smallFileReason} from './small-file.js';
import {usesHttps} from './target.js';

export type TlsOptions = NonNullable<ClientOptions['tls']>;

type TlsFile = 'tlsCaCert' | 'tlsCert' | 'tlsKey';

/**
 * Where a TLS setting was given, as the sentences about it name it: `--tls-key` typed, else
 * `SESSIONTOP_TLS_KEY` or `tls-key in [maxctrl] of FILE`, never a flag the operator did not
 * pass. (A Config made in code may lack `where`: its flag, then.)
 */
function whereOf(config: Config, name: TlsFile | 'tlsPassphrase'): string {
	return config.where?.[name] ?? settings[name].flag;
}

/** The file with where it was named: `--tls-ca-cert /ca.pem`, `SESSIONTOP_TLS_CA_CERT (/ca.pem)`. */
function named(config: Config, name: TlsFile, file: string): string {
	const where = whereOf(config, name);
	return where.startsWith('--') ? `${where} ${file}` : `${where} (${file})`;
}

function readPem(file: string, label: string, what: string): Buffer | string {
	try {
		const content = readSmallFile(file);
		if (!content.toString('latin1').includes('-----BEGIN')) {
			return `${label} is not a PEM file (no "-----BEGIN" line): give the ${what} in PEM form.`;
		}

		return content;
	} catch (error: unknown) {
		const code = (error as {code?: unknown} | null)?.code;
		const reason =
			code === 'ENOENT'
				? 'does not exist'
				: code === 'EACCES' || code === 'EPERM'
					? 'cannot be read (permission denied)'
					: code === 'EISDIR'
						? 'is a folder'
						: smallFileReason(code) ?? `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`;
		return `${label} ${reason}: give the path of the ${what}.`;
	}
}

/** The sentence for a certificate and key given the wrong way round, the likeliest mix-up of the two. */
function swappedPair(config: Config, tls: TlsOptions): string | undefined {
	if (tls.cert === undefined || tls.key === undefined) {
		return undefined;
	}

	const cert = tls.cert.toString('latin1');
	const key = tls.key.toString('latin1');
	const certIsKey = certificateProblem(cert) !== undefined && keyProblem(cert) === undefined;
	const keyIsCert = keyProblem(key) !== undefined && certificateProblem(key) === undefined;
	return certIsKey && keyIsCert
		? `${whereOf(config, 'tlsCert')} and ${whereOf(config, 'tlsKey')} are the wrong way round: ${config.tlsCert} holds the private key and ${config.tlsKey} the certificate.`
		: undefined;
}

/** The TLS options every https client gets, or one sentence when a file is wrong. */
export function readTlsFiles(config: Config): {ok: true; tls: TlsOptions} | {ok: false; error: string} {
	const tls: TlsOptions = {rejectUnauthorized: config.tlsVerify};
	if (config.tlsKey !== undefined && config.tlsCert === undefined) {
		return {ok: false, error: `${whereOf(config, 'tlsKey')} needs --tls-cert too: the client certificate that goes with the key.`};
	}

	if (config.tlsCert !== undefined && config.tlsKey === undefined) {
		return {ok: false, error: `${whereOf(config, 'tlsCert')} needs --tls-key too: the private key of the client certificate.`};
	}

	const files = [
		['ca', 'tlsCaCert', 'CA certificate that signed the MaxScale certificate', certificateProblem],
		['cert', 'tlsCert', 'client certificate', certificateProblem],
		['key', 'tlsKey', 'client private key', keyProblem],
	] as const;
	for (const [field, name, what] of files) {
		const file = config[name];
		if (file === undefined) {
			continue;
		}

		// `--tls-ca-cert ''`: no file at all, not one named "" that does not exist (QA).
		if (file.trim() === '') {
			return {ok: false, error: `${whereOf(config, name)} names no file: give the path of the ${what}.`};
		}

		const content = readPem(file, named(config, name, file), what);
		if (typeof content === 'string') {
			return {ok: false, error: content};
		}

		tls[field] = content;
		if (field === 'ca') {
			// For the sentence of a certificate that CA did not sign (api/tls-errors.ts): the file, and
			// the setting to change (a config file's key is no flag to give).
			tls.caFile = file;
			tls.caWhere = whereOf(config, 'tlsCaCert');
		}
	}

	const swapped = swappedPair(config, tls);
	if (swapped !== undefined) {
		return {ok: false, error: swapped};
	}

	// Each file holds what its option takes: checked here because OpenSSL says nothing
	// of a CA file without a certificate, and only "no start line" of a cert or key.
	for (const [field, name, what, problemOf] of files) {
		const file = config[name];
		const problem = file === undefined || tls[field] === undefined ? undefined : problemOf(tls[field].toString('latin1'));
		if (problem !== undefined) {
			return {ok: false, error: `${named(config, name, file!)} ${problem}: give the ${what} in PEM form.`};
		}
	}

	if (config.tlsPassphrase !== undefined) {
		tls.passphrase = config.tlsPassphrase;
	}

	// Let OpenSSL read them now, so a wrong passphrase or a key that does not match
	// the certificate is one sentence at start, not a failure on every poll.
	try {
		createSecureContext({ca: tls.ca, cert: tls.cert, key: tls.key, passphrase: tls.passphrase});
	} catch (error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		const keyText = tls.key?.toString('latin1') ?? '';
		const failure = keyFailure(message, keyText);
		if (failure === 'passphrase') {
			// No passphrase given at all: say it is needed, not "check" one never typed (QA).
			return config.tlsPassphrase === undefined && isEncryptedKey(keyText)
				? {ok: false, error: `${named(config, 'tlsKey', config.tlsKey!)} is encrypted: give its passphrase with --tls-passphrase.`}
				: {ok: false, error: `${named(config, 'tlsKey', config.tlsKey!)} cannot be opened: check ${whereOf(config, 'tlsPassphrase')}.`};
		}

		if (failure === 'mismatch') {
			return {ok: false, error: `${named(config, 'tlsKey', config.tlsKey!)} is not the key of ${named(config, 'tlsCert', config.tlsCert!)}: give the matching pair.`};
		}

		const which = /certificate|x509|PEM/i.test(message) ? 'a certificate file' : 'a TLS file';
		const given = files.filter(([, name]) => config[name] !== undefined).map(([, name]) => whereOf(config, name));
		const check = given.length === 0 ? '--tls-ca-cert, --tls-cert and --tls-key' : given.length === 1 ? given[0]! : `${given.slice(0, -1).join(', ')} and ${given.at(-1)!}`;
		return {ok: false, error: `OpenSSL cannot use ${which} (${sanitize(message).slice(0, 80)}): check ${check}.`};
	}

	return {ok: true, tls};
}

/**
 * The one-line warning shown when verification is off for an https host, naming what turned
 * it off: the flag as typed (`typed`: `--no-tls-verify-server-cert`, `-n 0`; flags.ts
 * verifyFlagAsTyped), else the variable or the config file's key, which the operator may have
 * forgotten (and never typed as -n).
 */
export function noVerifyWarning(config: Config, typed?: string): string | undefined {
	if (config.tlsVerify || !usesHttps(config.targets)) {
		return undefined;
	}

	const where = config.sources.tlsVerifyServerCert === 'flag' ? undefined : config.where.tlsVerifyServerCert;
	const off = where === undefined ? (typed ?? '-n false') : `${where} is false`;
	return `TLS certificate verification is off (${off}): sessiontop cannot tell MaxScale from an impostor, who would get the password.`;
}
