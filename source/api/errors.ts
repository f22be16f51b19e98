// Every failure a user or a server can cause becomes one sentence: what happened,
// then what to do. Server-sent details are untrusted and sanitized.

import {sanitize, truncate} from '../model/sanitize.js';

// A non-2xx answer's sentences live in status-errors.ts; callers keep importing them from here.
export {describeStatus, looksLikeHtml} from './status-errors.js';

export type ApiErrorKind =
	| 'refused'
	| 'dns'
	| 'timeout'
	| 'tls'
	| 'reset'
	| 'auth'
	| 'forbidden'
	| 'not-found'
	| 'unavailable'
	| 'http'
	| 'html'
	| 'json'
	| 'too-large'
	| 'shape'
	| 'aborted'
	| 'network';

export type ApiError = {kind: ApiErrorKind; status?: number; message: string};

const tlsCodes = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'EPROTO',
]);

// A connection lost once the answer had begun. UND_ERR_RES_CONTENT_LENGTH_MISMATCH is
// undici's word for a body that ended before its Content-Length: the server was reached.
const resetCodes = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);

// Node's own check of the name (tls.checkServerIdentity), and OpenSSL's, for when it made it.
const nameMismatchCodes = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'IP_ADDRESS_MISMATCH']);

/** What node and undici hang on an error; `host` and `cert` come with ERR_TLS_CERT_ALTNAME_INVALID. */
type Carrier = {code?: unknown; cause?: unknown; host?: unknown; cert?: {subjectaltname?: unknown; subject?: {CN?: unknown}}};

/** The error, or the cause down its chain, that carries a code. */
function coded(error: unknown): {code: string; carrier: Carrier} | undefined {
	if (typeof error !== 'object' || error === null) {
		return undefined;
	}

	const carrier = error as Carrier;
	return typeof carrier.code === 'string' ? {code: carrier.code, carrier} : coded(carrier.cause);
}

function codeOf(error: unknown): string {
	return coded(error)?.code ?? '';
}

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
			names.push(truncate(sanitize(name), 60));
		}
	}

	const commonName = cert?.subject?.CN;
	if (names.length === 0 && typeof commonName === 'string' && commonName !== '') {
		names.push(truncate(sanitize(commonName), 60));
	}

	return names;
}

/** The certificate is good but made out for other names than the one in -h. */
function nameMismatch(carrier: Carrier | undefined, host: string): ApiError {
	const port = /:(\d+)$/.exec(host)?.[1];
	const reached = typeof carrier?.host === 'string' && carrier.host !== '' ? truncate(sanitize(carrier.host), 60) : host.replace(/:\d+$/, '');
	const names = certificateNames(carrier);
	const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
	const first = names[0];
	// A wildcard name is no address to connect to; an IPv6 address takes brackets in -h.
	const example = first === undefined || first.includes('*') || port === undefined ? '' : ` (-h ${first.includes(':') ? `[${first}]` : first}:${port})`;
	const what = names.length === 0 ? `is made out for another name than ${reached}` : `names ${shown}, not ${reached}`;
	return {
		kind: 'tls',
		message: `${host} presents a certificate that ${what}: connect by a name it holds${example} or give MaxScale a certificate for ${reached}; turning verification off with -n false is the last resort.`,
	};
}

/** A request given up on purpose (quitting, or the poller stopped). */
export const cancelled: ApiError = {kind: 'aborted', message: 'The request was cancelled.'};

/**
 * A thrown network error (undici or node) to one sentence. `answered`: the status line
 * and headers had come, so the server was reached and whatever breaks now cuts the answer off.
 * `plainHttp`: the request went out as http://, so a server that closes without a word may
 * be speaking TLS (MaxScale's admin_ssl_key), as a TLS port does to plain HTTP.
 */
export function describeNetworkError(error: unknown, host: string, timeoutMs: number, answered = false, plainHttp = false): ApiError {
	const code = codeOf(error);
	const name = error instanceof Error ? error.name : '';
	if (name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED') {
		return cancelled;
	}

	if (code === 'ECONNREFUSED') {
		return {
			kind: 'refused',
			message: `${host} refused the connection: is MaxScale running with its REST API (admin_host, admin_port) there?`,
		};
	}

	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
		return {kind: 'dns', message: `${host} could not be found (its host name does not resolve): check --hosts.`};
	}

	if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
		const what = code === 'UND_ERR_BODY_TIMEOUT' ? 'stopped sending its answer' : 'did not answer';
		return {
			kind: 'timeout',
			message: `${host} ${what} within ${formatMs(timeoutMs)}: MaxScale may be overloaded; raise --timeout if it is just slow.`,
		};
	}

	if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
		// What OpenSSL says when the other end answers in plain HTTP.
		return {
			kind: 'tls',
			message: `${host} does not speak HTTPS (${code}): use http:// or leave out -s/--secure, or check that this is MaxScale's TLS port.`,
		};
	}

	if (nameMismatchCodes.has(code)) {
		return nameMismatch(coded(error)?.carrier, host);
	}

	if (tlsCodes.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
		return {
			kind: 'tls',
			message: `${host}: the TLS handshake failed (${code}): pass its CA with --tls-ca-cert, or turn verification off with -n false.`,
		};
	}

	// Past the headers any failure (undici's parser errors on a garbled body carry no code) is an answer cut off, never "could not reach".
	if (answered) {
		return {kind: 'reset', message: `${host} closed the connection mid-answer: MaxScale may be restarting.`};
	}

	if (resetCodes.has(code)) {
		const tls = plainHttp ? ' if its REST API uses TLS (admin_ssl_key), use https:// or -s/--secure; else' : '';
		return {kind: 'reset', message: `${host} closed the connection without answering:${tls} MaxScale may be restarting.`};
	}

	const detail = error instanceof Error ? sanitize(error.message) : 'unknown error';
	return {kind: 'network', message: `${host} could not be reached (${code || truncate(detail, 80)}): check --hosts and the network between here and there.`};
}

export function formatMs(ms: number): string {
	return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}
