// The sentences for a certificate sessiontop would not trust. Each says what is wrong
// with it and the fix for that: a name it does not hold, a CA file that did not sign it,
// its dates. "Pass its CA with --tls-ca-cert" only where no CA was given: to someone who
// gave one, it says to do what they did.

import {sanitize, truncate} from '../model/sanitize.js';
import type {ApiError} from './errors.js';
import {around} from './server-text.js';

/** What node and undici hang on an error; `host` and `cert` come with ERR_TLS_CERT_ALTNAME_INVALID. */
export type Carrier = {code?: unknown; cause?: unknown; host?: unknown; cert?: {subjectaltname?: unknown; subject?: {CN?: unknown}}};

/** The CA the client was given (--tls-ca-cert); `file` its path and `where` the setting that named it, when the caller knows them. */
export type GivenCa = {file?: string; where?: string};

// Node's own check of the name (tls.checkServerIdentity), and OpenSSL's, for when it made it.
export const nameMismatchCodes = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'IP_ADDRESS_MISMATCH']);

// OpenSSL's words for a chain that does not lead to a CA it was given: with --tls-ca-cert,
// not the CA that signed MaxScale's certificate.
const unsignedCodes = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'CERT_SIGNATURE_FAILURE',
]);

/** The DNS names and IP addresses a certificate holds (its subjectAltName, else its CN), sanitized. */
function certificateNames(carrier: Carrier | undefined): string[] {
	const cert = carrier?.cert;
	const names: string[] = [];
	const entries = typeof cert?.subjectaltname === 'string' ? cert.subjectaltname.split(', ') : [];
	for (const entry of entries) {
		const match = /^(?:DNS|IP Address):(.+)$/.exec(entry);
		let name = match?.[1]?.trim() ?? '';
		if (name.startsWith('"')) {
			// Node quotes a name that holds a comma or a quote, as JSON.
			try {
				name = String(JSON.parse(name));
			} catch {}
		}

		if (name !== '') {
			names.push(truncate(sanitize(name), 48));
		}
	}

	const commonName = cert?.subject?.CN;
	if (names.length === 0 && typeof commonName === 'string' && commonName !== '') {
		names.push(truncate(sanitize(commonName), 48));
	}

	return names;
}

/** The certificate is good but made out for other names than the one in -h. */
export function nameMismatch(carrier: Carrier | undefined, host: string): ApiError {
	const port = /:(\d+)$/.exec(host)?.[1];
	const reached = typeof carrier?.host === 'string' && carrier.host !== '' ? truncate(sanitize(carrier.host), 60) : host.replace(/:\d+$/, '');
	const names = certificateNames(carrier);
	const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
	const first = names[0];
	// A wildcard name is no address to connect to, nor is one cut short; an IPv6 address takes brackets in -h, and
	// https:// stays (QA: -h maxscale.example.com:19111, followed to the letter, spoke plain HTTP).
	const example = first === undefined || first.includes('*') || first.endsWith('…') || port === undefined ? '' : ` (-h https://${first.includes(':') ? `[${first}]` : first}:${port})`;
	const sentence = (what: string) =>
		`${host} presents a certificate that ${what}: connect by a name it holds${example} or give MaxScale a certificate for ${reached}; turning verification off with -n false is the last resort.`;
	// The names are the server's text: as much of them as leaves the advice room (server-text.ts).
	return {
		kind: 'tls',
		message: names.length === 0 ? sentence(`is made out for another name than ${reached}`) : around(names.slice(0, 3).join(', '), (list) => sentence(`names ${list}${more}, not ${reached}`), {most: 180}),
	};
}

/**
 * A certificate verification failure, when the client was given a CA: the certificate
 * does not lead to it (named by its file), or its dates are wrong; undefined for any other.
 */
export function untrusted(code: string, host: string, ca: GivenCa | undefined): ApiError | undefined {
	if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
		// Its dates are wrong whoever signed it: no CA file changes that.
		const when = code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet';
		return {kind: 'tls', message: `${host} presents a certificate that ${when} (${code}): renew MaxScale's admin_ssl_cert, or check this machine's clock.`};
	}

	if (ca === undefined) {
		return undefined;
	}

	// The setting to change where it was set: a config file's key is no flag to give (QA: cfg1.cnf).
	const where = ca.where === undefined || ca.where.startsWith('--') ? undefined : sanitize(ca.where);
	const file = ca.file === undefined ? `the CA given with ${where ?? '--tls-ca-cert'}` : `the CA in ${sanitize(ca.file)}`;
	const give = (what: string) => (where === undefined ? `give --tls-ca-cert ${what}` : `point ${where} at ${what}`);
	if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
		return {
			kind: 'tls',
			message: `${host} presents a self-signed certificate, not one signed by ${file} (${code}): ${give('that certificate itself')} (MaxScale's admin_ssl_cert).`,
		};
	}

	if (unsignedCodes.has(code)) {
		return {
			kind: 'tls',
			message: `${host} presents a certificate not signed by ${file} (${code}): ${give('the CA that signed MaxScale\'s admin_ssl_cert')} (its admin_ssl_ca, if set).`,
		};
	}

	return undefined;
}
