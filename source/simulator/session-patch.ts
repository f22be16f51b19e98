// PATCH /v1/sessions/:id, the one write MaxScale accepts on a session besides kill and restart.

import type {ServerResponse} from 'node:http';
import {type ReplyStyle, sendEmpty, sendJson} from './http-reply.js';
import {type Fmt, errorDocument, serialize} from './jansson.js';

/**
 * PATCH /v1/sessions/:id (6.0+): only the log levels under data.attributes.parameters are
 * applied (Session::update). The body was parsed before routing (request-body.ts: invalid JSON
 * never gets here); a missing one is refused by the REQUIRE_BODY constraint of the resource, with
 * 403 in 6.x and 400 later, as a document in the request's layout.
 */
export async function patchSession(errorStatus: 400 | 403, levels: number, json: unknown, res: ServerResponse, f: Fmt, style: ReplyStyle, apply: (levels: number) => void): Promise<void> {
	if (json === undefined) {
		await sendJson(res, errorStatus, [serialize(errorDocument('Missing request body'), f.layout, true)], style);
		return;
	}

	const parameters = (json as {data?: {attributes?: {parameters?: Record<string, unknown>}}}).data?.attributes?.parameters ?? {};
	const bits: Record<string, number> = {log_debug: 0, log_info: 1, log_notice: 2, log_warning: 3, log_error: 4};
	let next = levels;
	for (const [key, bit] of Object.entries(bits)) {
		const v = parameters[key];
		if (typeof v === 'boolean') {
			next = v ? next | (1 << bit) : next & ~(1 << bit);
		}
	}

	apply(next);
	sendEmpty(res, 200, {}, style);
}
