// The sentences for a 2xx answer whose body cannot be used: not JSON, an HTML page,
// over the size cap, or compressed though sessiontop never asks for that.

import type {ApiError} from './errors.js';
import {around, subject} from './server-text.js';
import {looksLikeHtml} from './status-errors.js';

/** "the session list" is the one asked for; what came instead is "a session list" that is not JSON. */
function sentAs(what: string): string {
	return what.replace(/^the /, 'a ');
}

/**
 * A 2xx answer that is not JSON, in one sentence; `length` is the decoded body's (UTF-16) length.
 * `cut`: it was valid up to its end, which came too soon (else it is wrong before its end: QA saw
 * a missing comma, trailing text and two documents all blamed on a cut connection).
 */
export function notJson(label: string, what: string, status: number, length: number, html: boolean, cut = true): ApiError {
	const message = html
		? `${label} answered with an HTML page instead of MaxScale's JSON: is a proxy in front of it?`
		: length === 0
			? `${label} sent an empty answer (${status}) for ${subject(what)}: is it MaxScale's REST API that answers there?`
			: cut
			? `${label} sent ${sentAs(subject(what))} that is not valid JSON (${length} bytes): the answer may have been cut off.`
			: `${label} sent ${sentAs(subject(what))} that is not valid JSON (${length} bytes, wrong before its end): is it MaxScale's REST API that answers there?`;
	return {kind: html ? 'html' : 'json', status, message};
}

/**
 * Whether JSON.parse failed only because `body` ended too soon, as the streamed scanner tells it
 * (json-scanner.ts ScanEnd.cut): V8 says "Unexpected end of JSON input", or names the body's end
 * as the position of its error (`1e` there: "Exponent part is missing a number … at position 7").
 */
export function endedTooSoon(error: unknown, body: string): boolean {
	const message = (error as Error).message;
	const position = /at position (\d+)/.exec(message)?.[1];
	return /end of JSON input/i.test(message) || (position !== undefined && Number(position) >= body.length);
}

/** A 2xx answer's text as JSON, or the sentence notJson makes of it. */
export function parseJsonBody(label: string, what: string, status: number, body: string): {ok: true; json: unknown} | {ok: false; error: ApiError} {
	try {
		return {ok: true, json: JSON.parse(body)};
	} catch (error: unknown) {
		return {ok: false, error: notJson(label, what, status, body.length, looksLikeHtml(body), endedTooSoon(error, body))};
	}
}

/**
 * The answer's Content-Encoding when it is one sessiontop cannot read (gzip, deflate, br…):
 * a server's text, which compressed() sanitizes and cuts. Every request says
 * `accept-encoding: identity`, so only something between here and MaxScale that ignores it compresses.
 */
export function unreadableEncoding(header: string | string[] | undefined): string | undefined {
	const value = (Array.isArray(header) ? header.join(', ') : (header ?? '')).trim();
	return value === '' || /^identity$/i.test(value) ? undefined : value;
}

export function compressed(label: string, status: number, encoding: string): ApiError {
	return {
		kind: 'json',
		status,
		message: around(
			encoding,
			(shown) =>
				`${label} sent a compressed answer (Content-Encoding: ${shown}) that sessiontop did not ask for, likely from a proxy in between: turn its compression off for MaxScale's REST API, or point -h at MaxScale itself.`,
			{most: 40},
		),
	};
}

/**
 * An answer over the --max-body cap. `where`: where the cap was set (`SESSIONTOP_MAX_BODY`,
 * `max-body in [sessiontop] of …`), the place to raise it; none for the default. `what`:
 * what a single answer was for (`session 42`); none for the session list.
 */
export function tooLarge(label: string, bytes: number, where: string | undefined, what?: string): ApiError {
	// --max-body can be under a MiB: say 256 KiB, not "0 MiB".
	const oneDecimal = (value: number) => Math.round(value * 10) / 10;
	const cap = bytes >= 1024 * 1024 ? `${oneDecimal(bytes / 1024 / 1024)} MiB` : `${oneDecimal(bytes / 1024)} KiB`;
	const raise = where === undefined ? `the ${cap} cap: raise --max-body` : `the ${cap} cap set by ${where}: raise it`;
	const message = what === undefined ? `${label} sent an answer over ${raise} if that many sessions are real.` : `${label} sent an answer for ${what} over ${raise} if one that large is real.`;
	return {kind: 'too-large', message};
}
