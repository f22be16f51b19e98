// A 2xx answer that is a JSON:API error document (`{"errors":[{"detail": …}]}`) rather than
// the list or the session asked for: MaxScale's own words are said, as a 4xx or 5xx's are
// (status-errors.ts), not only that there was no `data` (QA: "Something broke inside" was lost).

import {sanitize, truncate} from '../model/sanitize.js';

/** Why a JSON answer is not a session list, and what to check (after "host: "; the caller ends it with a full stop). */
export const notASessionList = 'the answer is JSON but not a MaxScale sessions document (no "data" array): check that -h is MaxScale\'s REST API';

/** The `errors[0].detail` of a parsed JSON:API error document, if it has a word to show. */
export function errorDetailOf(document: unknown): string | undefined {
	const errors = typeof document === 'object' && document !== null ? (document as {errors?: unknown}).errors : undefined;
	const detail = Array.isArray(errors) ? (errors[0] as {detail?: unknown} | undefined)?.detail : undefined;
	// Looked for in its start only: a long run of spaces would make the search slow.
	return typeof detail === 'string' && /[^.\s]/.test(detail.slice(0, 480)) ? detail : undefined;
}

/** The detail as a sentence's end: cleaned of anything that drives a terminal, cut, without its own full stop. */
const quoted = (detail: string) => `"${truncate(sanitize(detail.trim()).replace(/[.\s]+$/, ''), 160)}"`;

/** Why `document` (a 2xx list answer, parsed) is not a session list: MaxScale's error when it sent one. */
export function notAListBecause(document: unknown): string {
	const detail = errorDetailOf(document);
	return detail === undefined ? notASessionList : `MaxScale answered with an error instead of the session list: ${quoted(detail)}`;
}

/** Why `document` (a 2xx answer for one session, parsed) is not a session's document. */
export function notADocumentBecause(document: unknown): string {
	const detail = errorDetailOf(document);
	return detail === undefined ? 'the answer is JSON but not a MaxScale session document (no "data" object)' : `MaxScale answered with an error instead of the session's document: ${quoted(detail)}`;
}
