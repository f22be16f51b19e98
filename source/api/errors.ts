// Every failure a user or a server can cause becomes one sentence: what happened,
// then what to do. Server-sent details are untrusted and sanitized.

import {sanitize, truncate} from '../model/sanitize.js';

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
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'EPROTO',
]);

function codeOf(error: unknown): string {
	if (typeof error !== 'object' || error === null) {
		return '';
	}

	const {code, cause} = error as {code?: unknown; cause?: unknown};
	if (typeof code === 'string') {
		return code;
	}

	return cause === undefined ? '' : codeOf(cause);
}

/** A request given up on purpose (quitting, or the poller stopped). */
export const cancelled: ApiError = {kind: 'aborted', message: 'The request was cancelled.'};

/** A thrown network error (undici or node) to one sentence. */
export function describeNetworkError(error: unknown, host: string, timeoutMs: number): ApiError {
	const code = codeOf(error);
	const name = error instanceof Error ? error.name : '';
	if (name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED') {
		return cancelled;
	}

	if (code === 'ECONNREFUSED') {
		return {
			kind: 'refused',
			message: `Connection refused by ${host}: is MaxScale running with its REST API (admin_host, admin_port) there?`,
		};
	}

	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
		return {kind: 'dns', message: `The host name of ${host} does not resolve: check --hosts.`};
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

	if (tlsCodes.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
		return {
			kind: 'tls',
			message: `TLS with ${host} failed (${code}): pass its CA with --tls-ca-cert, or turn verification off with -n false.`,
		};
	}

	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
		return {kind: 'reset', message: `${host} closed the connection mid-answer: MaxScale may be restarting.`};
	}

	const detail = error instanceof Error ? sanitize(error.message) : 'unknown error';
	return {kind: 'network', message: `Could not reach ${host} (${code || truncate(detail, 80)}).`};
}

/** The `errors[0].detail` of a JSON:API error body, if there is one. */
function errorDetail(body: string): string | undefined {
	try {
		const parsed: unknown = JSON.parse(body);
		const errors = (parsed as {errors?: unknown}).errors;
		if (Array.isArray(errors)) {
			const detail = (errors[0] as {detail?: unknown} | undefined)?.detail;
			if (typeof detail === 'string') {
				return truncate(sanitize(detail), 120);
			}
		}
	} catch {}

	return undefined;
}

export function looksLikeHtml(body: string): boolean {
	return /^\s*</.test(body);
}

/** A non-2xx answer to one sentence. */
export function describeStatus(status: number, body: string, host: string, what: string): ApiError {
	const detail = errorDetail(body);
	const said = detail === undefined ? '' : ` ("${detail}")`;
	if (status === 401) {
		return {kind: 'auth', status, message: `${host} refused the credentials (401${said}): check --user and --password.`};
	}

	if (status === 403) {
		return {
			kind: 'forbidden',
			status,
			message: `${host} refused the request for ${what} (403${said}): this REST API user lacks the rights for it.`,
		};
	}

	if (status === 404) {
		return {kind: 'not-found', status, message: `${host} answered 404${said} to the request for ${what}: is this MaxScale's REST API?`};
	}

	if (status === 503) {
		return {kind: 'unavailable', status, message: `${host} is unavailable (503${said}): MaxScale may be shutting down.`};
	}

	if (detail === undefined && looksLikeHtml(body)) {
		return {
			kind: 'html',
			status,
			message: `${host} answered ${status} with an HTML page instead of MaxScale's JSON: is a proxy in front of it failing?`,
		};
	}

	return {kind: 'http', status, message: `${host} answered ${status}${said} to the request for ${what}.`};
}

export function formatMs(ms: number): string {
	return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}
