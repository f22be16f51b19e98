// A non-2xx answer in one sentence: the status, MaxScale's own detail when it sent
// one (as a status line's reason: `(401 Access denied)`), then what to do. Statuses
// with a cause of their own (401, 403, 404, 503, a redirect) say it; the others say
// what their class means: the server failed (5xx), too many requests (429), or the
// request was not taken as sent (4xx).

import {errorDetailOf} from './answered-error.js';
import type {ApiError} from './errors.js';
import {describeRedirect, type Requested} from './redirect.js';
import {around, subject} from './server-text.js';

export type {Requested} from './redirect.js';

/** The `errors[0].detail` of a JSON:API error body, if it has a word to show (server-text.ts cuts it). */
function errorDetail(body: string): string | undefined {
	try {
		return errorDetailOf(JSON.parse(body));
	} catch {
		return undefined;
	}
}

/** MaxScale's detail ends our sentence's parenthesis, not a sentence of its own. */
function withoutFullStop(detail: string): string {
	return detail.replace(/[.\s]+$/, '');
}

export function looksLikeHtml(body: string): boolean {
	return /^\s*</.test(body);
}

/** What to do about a status of no cause of its own, by its class; undefined below 400. */
function classAdvice(status: number, repeats: boolean): string | undefined {
	if (status === 502 || status === 504) {
		// Gateway statuses: only a proxy sends them, about the MaxScale behind it.
		return 'a proxy in front of MaxScale got no answer from it; check that MaxScale is running (it may be restarting)';
	}

	if (status >= 500) {
		return "MaxScale failed on it; see its log (it may be restarting)";
	}

	if (status === 429) {
		// --interval paces only what polls again: a single print is refused the flag.
		return repeats ? 'it is getting too many requests; raise --interval to poll less often' : 'it is getting too many requests; wait a little before running sessiontop again';
	}

	// With a detail too: an error body says why, not what to do (QA: "418 (teapot)." ended there),
	// and MaxScale sends no 4xx of these to a list or a version it was asked for as it expects.
	if (status >= 400) {
		return "it did not take the request as sent; check that -h points at MaxScale's REST API itself, not at a proxy or another service";
	}

	return undefined;
}

/**
 * The host without its `/v1`, when the entry was the API's base URL pasted whole
 * (`http://mx:8989/v1`, as MaxScale's documentation writes it): taken as a proxy's prefix, as
 * maxctrl takes it, it made every request `/v1/v1/…`, and the 404 asked whether this was
 * MaxScale at all (QA). Not stripped up front: a proxy may serve MaxScale under a prefix ending
 * in /v1, and maxctrl, which reads the same file, keeps it too. A port the scheme implies is
 * left out, as typed.
 */
function pastedApiBase(requested: Requested | undefined): string | undefined {
	const base = requested?.base.replace(/\/+$/, '');
	if (base?.endsWith('/v1') !== true) {
		return undefined;
	}

	return base.slice(0, -'/v1'.length).replace(/^(http:\/\/[^/]+):80(?=\/|$)|^(https:\/\/[^/]+):443(?=\/|$)/, '$1$2');
}

/**
 * A non-2xx answer to one sentence. `answer`: the Location header and what was asked,
 * for a redirect's sentence (where it points, and the -h that gets there); `repeats`:
 * whether the request is polled again (--interval then paces it); `credentials`: what a
 * 401 says to check, the user tried and where it and the password came from
 * (config/credentials.ts), else --user and --password.
 */
export function describeStatus(
	status: number,
	body: string,
	host: string,
	what: string,
	answer: {location?: string | string[]; requested?: Requested; repeats?: boolean; credentials?: string} = {},
): ApiError {
	const detail = errorDetail(body);
	const asked = subject(what);
	// MaxScale's detail, as long as the rest of the sentence leaves room for: what to do is never
	// what gets cut. Its own details are short ("Internal error: the thread pool is exhausted" is
	// 44 characters): one that long is shown whole, the sentence fitted to a wider terminal.
	const told = (sentence: (shown: string | undefined) => string) => (detail === undefined ? sentence(undefined) : around(detail, sentence, {least: 48, tidy: withoutFullStop}));
	const reason = (shown: string | undefined) => (shown === undefined ? `(${status})` : `(${status} ${shown})`);
	const said = (shown: string | undefined) => (shown === undefined ? '' : ` (${shown})`);
	if (status === 401) {
		return {kind: 'auth', status, message: told((shown) => `${host} refused the credentials ${reason(shown)}: check ${answer.credentials ?? '--user and --password'}.`)};
	}

	if (status === 403) {
		return {
			kind: 'forbidden',
			status,
			message: told((shown) => `${host} refused the request for ${asked} ${reason(shown)}: this REST API user lacks the rights for it.`),
		};
	}

	if (status === 404) {
		const pasted = pastedApiBase(answer.requested);
		const advice = pasted === undefined ? "is this MaxScale's REST API?" : `sessiontop adds /v1 itself, so give the host without it (${pasted}).`;
		return {kind: 'not-found', status, message: told((shown) => `${host} answered 404 to the request for ${asked}${said(shown)}: ${advice}`)};
	}

	if (status === 503) {
		// MaxScale's own detail, "MaxScale is shutting down", already says what our guess would.
		const advice = detail !== undefined && /shutting down/i.test(detail.slice(0, 480)) ? 'wait for it to come back' : 'MaxScale may be shutting down';
		return {kind: 'unavailable', status, message: told((shown) => `${host} is unavailable ${reason(shown)}: ${advice}.`)};
	}

	if (status >= 300 && status <= 399 && status !== 304) {
		return {kind: 'http', status, message: describeRedirect(status, answer.location, host, asked, answer.requested)};
	}

	if (detail === undefined && looksLikeHtml(body)) {
		return {
			kind: 'html',
			status,
			message: `${host} answered ${status} with an HTML page instead of MaxScale's JSON: is a proxy in front of it failing?`,
		};
	}

	const advice = classAdvice(status, answer.repeats ?? true);
	return {kind: 'http', status, message: told((shown) => `${host} answered ${status} to the request for ${asked}${said(shown)}${advice === undefined ? '' : `: ${advice}`}.`)};
}
