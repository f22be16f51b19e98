// PATCH /v1/sessions/:id, the one write MaxScale accepts on a session besides kill and restart.

import type {IncomingMessage, ServerResponse} from 'node:http';
import {sendEmpty, sendJson} from './http-reply.js';
import {errorDocument, serialize} from './jansson.js';

/**
 * PATCH /v1/sessions/:id (6.0+): only the log levels under data.attributes.parameters are
 * applied (Session::update). A missing body is refused with 403 in 6.x and 400 later.
 */
export async function patchSession(errorStatus: 400 | 403, levels: number, req: IncomingMessage, res: ServerResponse, pretty: boolean, apply: (levels: number) => void): Promise<void> {
	let body = '';
	for await (const chunk of req) {
		body += String(chunk);
		if (body.length > 1_000_000) {
			break;
		}
	}

	let json: unknown;
	try {
		json = body.trim() === '' ? undefined : JSON.parse(body);
	} catch {
		json = undefined;
	}

	if (json === undefined) {
		await sendJson(res, errorStatus, [serialize(errorDocument(body.trim() === '' ? 'Missing request body' : 'Request body is not valid JSON'), pretty, true)]);
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
	sendEmpty(res, 200);
}
