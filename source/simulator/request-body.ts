// The request body as admin.cc takes it, and its JSON check, which comes after authentication
// and before any routing (Client::process() parses m_data before resource_handle_request()).
// - 2.5+ (Client::handle): a request with a Content-Length waits for its data, whatever the
//   method; without one it is processed at once, body or not (a chunked upload is not read).
// - 2.2 (handle_client): only POST, PUT, DELETE and PATCH with a Content-Length wait for data.
// A non-empty body jansson refuses (json_loadb(data, size, 0)) is answered there: 400 with
// "Invalid JSON in request: " + err.text spliced unescaped into a canned string (2.5+), or 400
// with no body at all (2.2).

import type {IncomingMessage, ServerResponse} from 'node:http';
import {writes} from './auth.js';
import {sendCanned} from './http-reply.js';
import {janssonLoadError} from './jansson-load.js';
import type {VersionCaps} from './versions.js';

/** The body MaxScale would read (empty when it would not wait for one); the rest is drained. */
export async function readBody(caps: VersionCaps, req: IncomingMessage): Promise<Buffer> {
	const declared = Number.parseInt(req.headers['content-length'] ?? '', 10);
	const waits = declared > 0 && (caps.http.invalidJsonDetail || writes.has(req.method ?? ''));
	const chunks: Buffer[] = [];
	for await (const chunk of req) {
		if (waits) {
			chunks.push(chunk as Buffer);
		}
	}

	return Buffer.concat(chunks);
}

/** A body checked as json_loadb() checks it: its value (undefined: no body), or refused (400 sent). */
export type Parsed = {ok: true; json: unknown} | {ok: false};

export function parseBody(caps: VersionCaps, body: Buffer, res: ServerResponse): Parsed {
	if (body.length === 0) {
		return {ok: true, json: undefined};
	}

	const error = janssonLoadError(body);
	if (error === undefined) {
		return {ok: true, json: JSON.parse(body.toString()) as unknown};
	}

	sendCanned(res, 400, caps.http.invalidJsonDetail ? Buffer.concat([Buffer.from('{"errors": [ { "detail": "Invalid JSON in request: '), error, Buffer.from('" } ] }')]) : '');
	return {ok: false};
}
