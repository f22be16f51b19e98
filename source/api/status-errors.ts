// A non-2xx answer in one sentence: the status, MaxScale's own detail when it sent
// one (as a status line's reason: `(401 Access denied)`), then what to do. Statuses
// with a cause of their own (401, 403, 404, 503, a redirect) say it; the others say
// what their class means: the server failed (5xx), too many requests (429), or the
// request was not taken as sent (4xx).

import {sanitize, truncate} from '../model/sanitize.js';
import type {ApiError} from './errors.js';
import {describeRedirect, type Requested} from './redirect.js';

export type {Requested} from './redirect.js';

/** The `errors[0].detail` of a JSON:API error body, if there is one, without a closing full stop. */
function errorDetail(body: string): string | undefined {
	try {
		const parsed: unknown = JSON.parse(body);
		const errors = (parsed as {errors?: unknown}).errors;
		if (Array.isArray(errors)) {
			const detail = (errors[0] as {detail?: unknown} | undefined)?.detail;
			if (typeof detail === 'string') {
				// Cut before the regular expression: a long run of spaces would make it quadratic.
				const text = truncate(sanitize(detail).trim(), 120).replace(/[.\s]+$/, '');
				return text === '' ? undefined : text;
			}
		}
	} catch {}

	return undefined;
}

export function looksLikeHtml(body: string): boolean {
	return /^\s*</.test(body);
}

/** What to do about a status of no cause of its own, by its class; undefined below 400. */
function classAdvice(status: number, detail: string | undefined): string | undefined {
	if (status === 502 || status === 504) {
		// Gateway statuses: only a proxy sends them, about the MaxScale behind it.
		return 'a proxy in front of MaxScale got no answer from it; check that MaxScale is running (it may be restarting)';
	}

	if (status >= 500) {
		return "MaxScale failed on it; see its log (it may be restarting)";
	}

	if (status === 429) {
		return 'it is getting too many requests; raise --interval to poll less often';
	}

	// MaxScale's own detail already says why it refused; without one, the answer may not be MaxScale's.
	if (status >= 400 && detail === undefined) {
		return "it did not take the request as sent; check that -h points at MaxScale's REST API itself, not at a proxy or another service";
	}

	return undefined;
}

/**
 * A non-2xx answer to one sentence. `answer`: the Location header and what was asked,
 * for a redirect's sentence (where it points, and the -h that gets there).
 */
export function describeStatus(status: number, body: string, host: string, what: string, answer: {location?: string | string[]; requested?: Requested} = {}): ApiError {
	const detail = errorDetail(body);
	const reason = detail === undefined ? `(${status})` : `(${status} ${detail})`;
	if (status === 401) {
		return {kind: 'auth', status, message: `${host} refused the credentials ${reason}: check --user and --password.`};
	}

	if (status === 403) {
		return {
			kind: 'forbidden',
			status,
			message: `${host} refused the request for ${what} ${reason}: this REST API user lacks the rights for it.`,
		};
	}

	const said = detail === undefined ? '' : ` (${detail})`;
	if (status === 404) {
		return {kind: 'not-found', status, message: `${host} answered 404 to the request for ${what}${said}: is this MaxScale's REST API?`};
	}

	if (status === 503) {
		// MaxScale's own detail, "MaxScale is shutting down", already says what our guess would.
		const advice = detail !== undefined && /shutting down/i.test(detail) ? 'wait for it to come back' : 'MaxScale may be shutting down';
		return {kind: 'unavailable', status, message: `${host} is unavailable ${reason}: ${advice}.`};
	}

	if (status >= 300 && status <= 399 && status !== 304) {
		return {kind: 'http', status, message: describeRedirect(status, answer.location, host, what, answer.requested)};
	}

	if (detail === undefined && looksLikeHtml(body)) {
		return {
			kind: 'html',
			status,
			message: `${host} answered ${status} with an HTML page instead of MaxScale's JSON: is a proxy in front of it failing?`,
		};
	}

	const advice = classAdvice(status, detail);
	return {kind: 'http', status, message: `${host} answered ${status} to the request for ${what}${said}${advice === undefined ? '' : `: ${advice}`}.`};
}
