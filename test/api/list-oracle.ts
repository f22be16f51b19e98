// The two ways to read a list body, side by side: the streamed reader (json-scanner +
// session-list-reader, chunk by chunk) and the reference it replaced (decode the whole
// body, JSON.parse, readSessionList). Both give an Outcome; the tests demand equal ones.

import {Buffer} from 'node:buffer';
import {endedTooSoon, notJson} from '../../source/api/client.js';
import {looksLikeHtml, type ApiError} from '../../source/api/errors.js';
import {readSessionList, type Origin} from '../../source/api/read-sessions.js';
import {numberFields, SessionDecoder, type SessionColumns} from '../../source/api/session-columns.js';
import {runTimes} from '../../source/api/statement-clock.js';
import {finishList, listBody} from '../../source/api/sessions-api.js';
import type {StringTable} from '../../source/api/string-table.js';
import {plainSession, type Session} from '../../source/model/session.js';

export type Outcome =
	| {ok: true; sessions: Session[]; skipped: number; duplicates: number; aheadMs: number; bytes: number}
	| {ok: false; error: ApiError};

const label = '127.0.0.1:8989';
const what = 'the session list';
export const polledAt = Date.parse('2024-01-05T07:24:16Z');
export const single: Origin = {host: label, keyed: false};

/** The body in pieces cut at `cuts` (byte offsets, any order). */
export function pieces(body: Buffer, cuts: readonly number[]): Buffer[] {
	const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < body.length))].sort((a, b) => a - b);
	const parts: Buffer[] = [];
	let from = 0;
	for (const point of [...points, body.length]) {
		parts.push(body.subarray(from, point));
		from = point;
	}

	return parts;
}

/**
 * `partRows`: read as the list worker does, the list going out in parts of that many
 * sessions (session-list-reader.ts), then rebuilt part after part as list-parts.ts does.
 * `strings`: a StringTable kept from one read to the next, as the worker keeps its own.
 */
export function streamed(body: Buffer, cuts: readonly number[] = [], origin: Origin = single, partRows?: number, strings?: StringTable): Outcome {
	const parts: Array<{columns: SessionColumns; generation: number}> = [];
	const sink = listBody(origin, strings, partRows === undefined ? undefined : {
		rows: partRows,
		take(columns, generation) {
			// Through structured clone, as a part crosses to the main thread.
			parts.push({columns: structuredClone(columns), generation});
		},
	});
	for (const part of pieces(body, cuts)) {
		// A copy, as a socket would give: the reader must not rely on bytes it was handed before.
		sink.write(Buffer.from(part));
	}

	const end = sink.end();
	const {scan} = end;
	if (!scan.valid) {
		return {ok: false, error: notJson(label, what, 200, scan.length, scan.html, scan.cut)};
	}

	const read = finishList(end, polledAt);
	if (!read.ok) {
		return {ok: false, error: {kind: 'shape', message: `${label}: ${read.reason}.`}};
	}

	const sessions: Session[] = [];
	let after = 0;
	const ahead = parts.filter((part) => part.generation === read.generation).map((part) => part.columns);
	// The parts sent ahead carry their running statements' arrivals, timed at the list's end (list-parts.ts).
	for (const columns of ahead) {
		runTimes(columns.numbers[numberFields.indexOf('statementSeconds')]!, read.statementNow);
	}

	for (const columns of [...ahead, structuredClone(read.columns)]) {
		const decoder = new SessionDecoder(columns, [], {into: sessions, after});
		decoder.next(columns.count);
		after = decoder.after;
	}

	// Read out (every getter), so that a field read wrong from the columns shows.
	return {ok: true, sessions: sessions.map((session) => plainSession(session)), skipped: read.skipped, duplicates: read.duplicates, aheadMs: read.aheadMs, bytes: scan.length};
}

/** What the monitor did before streaming: decode it all, JSON.parse, readSessionList. */
export function reference(body: Buffer, origin: Origin = single): Outcome {
	const text = body.toString('utf8');
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (error: unknown) {
		return {ok: false, error: notJson(label, what, 200, text.length, looksLikeHtml(text), endedTooSoon(error, text))};
	}

	const read = readSessionList(document, polledAt, origin);
	if (!read.ok) {
		return {ok: false, error: {kind: 'shape', message: `${label}: ${read.reason}.`}};
	}

	return {ok: true, ...read.list, bytes: text.length};
}

/** Short for the failure messages: the first difference, not two 100k-session dumps. */
export function describe(outcome: Outcome): string {
	return outcome.ok ? `${outcome.sessions.length} sessions, ${outcome.skipped} skipped, ${outcome.duplicates} duplicates, ${outcome.bytes} units` : outcome.error.message;
}
