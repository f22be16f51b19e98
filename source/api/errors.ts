// Every failure a user or a server can cause becomes one sentence: what happened,
// then what to do. Server-sent details are untrusted and sanitized.

import {formatMs} from '../model/format.js';
import {sanitize, truncate} from '../model/sanitize.js';
import {nameMismatch, nameMismatchCodes, untrusted, type Carrier, type GivenCa} from './tls-errors.js';

// A non-2xx answer's sentences live in status-errors.ts; callers keep importing them from here.
export {describeStatus, looksLikeHtml} from './status-errors.js';

import type {ApiError} from '../model/api-error.js';

export type {ApiError, ApiErrorKind} from '../model/api-error.js';

const tlsCodes = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_GET_ISSUER_CERT',
	'CERT_SIGNATURE_FAILURE',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'EPROTO',
]);

// A connection lost once the answer had begun. UND_ERR_RES_CONTENT_LENGTH_MISMATCH is
// undici's word for a body that ended before its Content-Length: the server was reached
// (before the headers were whole it is a malformed answer: unreadableAnswer).
const resetCodes = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);

/** The error, or the cause down its chain, that carries a code. */
function coded(error: unknown): {code: string; carrier: Carrier} | undefined {
	if (typeof error !== 'object' || error === null) {
		return undefined;
	}

	const carrier = error as Carrier;
	return typeof carrier.code === 'string' ? {code: carrier.code, carrier} : coded(carrier.cause);
}

/**
 * A connection closed (or reset) before any byte of an answer, and not over something the
 * server sent that could not be read: what a keep-alive connection the server had just closed
 * as idle gives the next request sent on it (client.ts sends a GET again then).
 */
export function closedUnanswered(error: unknown): boolean {
	const code = codeOf(error);
	return (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') && parserReason(error) === undefined && unreadableAnswer(code, error) === undefined;
}

function codeOf(error: unknown): string {
	return coded(error)?.code ?? '';
}

/**
 * What llhttp found wrong, when undici could not read the status line or the headers as
 * HTTP (an HTTPParserError: a control character in a header, no `HTTP/1.1` at all).
 * Its message ends with llhttp's reason in parentheses; the bytes it choked on are not shown.
 */
function parserReason(error: unknown): string | undefined {
	for (let link = error, depth = 0; typeof link === 'object' && link !== null && depth < 5; link = (link as {cause?: unknown}).cause, depth++) {
		const {name, code, message} = link as {name?: unknown; code?: unknown; message?: unknown};
		if (name === 'HTTPParserError' || (typeof code === 'string' && code.startsWith('HPE_'))) {
			const reason = typeof message === 'string' ? /\(([^()]+)\)\s*$/.exec(message)?.[1] : undefined;
			const said = reason ?? (typeof code === 'string' ? code : 'malformed');
			// llhttp's "Invalid header value char" reads on inside our sentence; a code keeps its capitals.
			return truncate(sanitize(/^[A-Z][a-z]/.test(said) ? said.charAt(0).toLowerCase() + said.slice(1) : said), 60);
		}
	}

	return undefined;
}

/**
 * undici's own words for an answer it could not read as HTTP, before its headers were whole
 * (with them whole, the same codes are an answer cut off: describeNetworkError's `answered`).
 * A parser error once a Content-Length had been read (a second one, a bad header after it)
 * comes as a length mismatch, llhttp's reason lost; an interim `100 Continue`, which nothing
 * asked for, or an answer with no request, as a socket error "bad response".
 */
function unreadableAnswer(code: string, error: unknown): string | undefined {
	if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
		return 'its headers or its Content-Length are malformed';
	}

	const message = (coded(error)?.carrier as {message?: unknown} | undefined)?.message;
	if (code === 'UND_ERR_SOCKET' && message === 'bad response') {
		return 'an interim 100 Continue or an answer to no request';
	}

	if (code === 'UND_ERR_SOCKET' && message === 'bad upgrade') {
		return 'a protocol upgrade nothing asked for';
	}

	return undefined;
}

/** A request given up on purpose (quitting, or the poller stopped). */
export const cancelled: ApiError = {kind: 'aborted', message: 'The request was cancelled.'};

/**
 * What the client knew of a failed request. `answered`: the status line and headers had
 * come, so the server was reached and whatever breaks now cuts the answer off. `plainHttp`:
 * the request went out as http://, so a server that closes without a word may be speaking
 * TLS (MaxScale's admin_ssl_key), as a TLS port does to plain HTTP. `ca`: the CA it was given.
 */
/** `answeredPlain`: the host has answered over plain HTTP before (client.ts), so it does not use TLS. */
export type Circumstances = {answered?: boolean; plainHttp?: boolean; answeredPlain?: boolean; ca?: GivenCa; hostsWhere?: string};

/** A thrown network error (undici or node) to one sentence. */
export function describeNetworkError(error: unknown, host: string, timeoutMs: number, {answered = false, plainHttp = false, answeredPlain = false, ca, hostsWhere = '--hosts'}: Circumstances = {}): ApiError {
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
		return {kind: 'dns', message: `${host} could not be found (its host name does not resolve): check ${hostsWhere}.`};
	}

	if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
		// The deadline is the whole answer's (client.ts), so a server still trickling it out meets it too (QA: not "stopped").
		const what = code === 'UND_ERR_BODY_TIMEOUT' ? 'did not finish sending its answer' : 'did not answer';
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

	const verdict = untrusted(code, host, ca);
	if (verdict !== undefined) {
		return verdict;
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

	// The host answered, with bytes that are not HTTP: not "could not be reached".
	const malformed = parserReason(error) ?? unreadableAnswer(code, error);
	// llhttp's "Expected HTTP/, RTSP/ or ICE/" says no HTTP at all: most often -h names a port of
	// another protocol, MaxScale's SQL listener (3306) or SSH's, which speak first (QA: RTSP/ and ICE/ meant nothing).
	if (malformed !== undefined && /^expected HTTP\//i.test(malformed)) {
		return {kind: 'http', message: `${host} answered with something that is not HTTP at all (no status line): is this MaxScale's REST API port (admin_port, 8989 by default), not a SQL listener's or another service's?`};
	}

	if (malformed !== undefined) {
		return {kind: 'http', message: `${host} answered with something that is not valid HTTP (${malformed}): is this MaxScale's REST API?`};
	}

	if (code === 'UND_ERR_HEADERS_OVERFLOW') {
		// Reached, and answering: headers that big are no MaxScale's (its are a few hundred bytes).
		return {kind: 'http', message: `${host} answered with headers too large to read (${code}): is this MaxScale's REST API, with no proxy in front of it adding headers?`};
	}

	if (resetCodes.has(code)) {
		// Once it has answered plain HTTP, TLS is not why: the far end of a tunnel or a proxy may be (QA).
		if (answeredPlain) {
			return {kind: 'reset', message: `${host} closed the connection without answering: MaxScale may be restarting, or a tunnel or proxy in between cannot reach it.`};
		}

		const tls = plainHttp ? ' if its REST API uses TLS (admin_ssl_key), use https:// or -s/--secure; else' : '';
		return {kind: 'reset', message: `${host} closed the connection without answering:${tls} MaxScale may be restarting.`};
	}

	const detail = error instanceof Error ? sanitize(error.message) : 'unknown error';
	return {kind: 'network', message: `${host} could not be reached (${code || truncate(detail, 80)}): check ${hostsWhere} and the network between here and there.`};
}
