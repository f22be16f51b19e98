// ETag and Last-Modified, and the conditional requests they answer, as 2.2's resource.cc has
// them: a ResourceWatcher counts the successful writes to each path (the ETag, "0" until then)
// and remembers when the last one was (Last-Modified, MaxScale's start until then). Nothing a
// 2.2 simulator accepts is a write, so every ETag is "0" and every Last-Modified is the start.
// The conditions are read before the request is processed, the first header present decides:
// If-Modified-Since (304), If-Unmodified-Since (412), If-Match (412), If-None-Match (304), the
// tags compared as numbers (strtol of the text between the first and last characters).
//
// 2.5 and later are left without them: there the ETag is the SHA1 of the whole document dumped
// with jansson in its members' insertion order (resource.cc: mxs::checksum<SHA1Checksum> of
// json_dump(response)), which the simulator, writing sorted documents, cannot reproduce; and what
// a non-matching If-None-Match does there (no fields trimming, no headers) depends on files not
// in the stored sources for 22.08 and later.

import type {IncomingMessage, ServerResponse} from 'node:http';
import {httpDate} from './dates.js';
import {sendEmpty, type ReplyStyle} from './http-reply.js';
import {atoi} from './query.js';

/** The tag between its quotes, as `str.substr(1, str.length() - 2)` cuts it. */
function tag(text: string): number {
	return atoi(text.length >= 2 ? text.slice(1, -1) : '');
}

/** http_from_date: seconds, or NaN when the date does not parse (then nothing compares true). */
function seconds(text: string): number {
	return Math.floor(Date.parse(text) / 1000);
}

type Validators = {etag: number; lastModified: number};

/** 304 or 412 when a condition of the request stops it, undefined when it goes on. */
function precondition(req: IncomingMessage, v: Validators): 304 | 412 | undefined {
	const h = (name: string): string => {
		const value = req.headers[name];
		return typeof value === 'string' ? value : '';
	};

	const modified = Math.floor(v.lastModified / 1000);
	if (h('if-modified-since')) {
		return modified <= seconds(h('if-modified-since')) ? 304 : undefined;
	}

	if (h('if-unmodified-since')) {
		return modified > seconds(h('if-unmodified-since')) ? 412 : undefined;
	}

	if (h('if-match')) {
		return v.etag === tag(h('if-match')) ? undefined : 412;
	}

	if (h('if-none-match')) {
		return v.etag === tag(h('if-none-match')) ? 304 : undefined;
	}

	return undefined;
}

/** The headers a GET or HEAD gets, whatever its status. */
function validatorHeaders(v: Validators): Record<string, string> {
	return {'Last-Modified': httpDate(Math.floor(v.lastModified / 1000) * 1000), ETag: `"${v.etag}"`};
}

/**
 * 2.2 resource_handle_request(): the conditions before the request (true: the 304 or 412 has been
 * sent), and the validators on every read, whatever its status. No counter ever moves here.
 */
export function conditions22(req: IncomingMessage, res: ServerResponse, method: string, startedAt: number, style: ReplyStyle): boolean {
	const validators = {etag: 0, lastModified: startedAt};
	const stop = precondition(req, validators);
	if (stop !== undefined) {
		sendEmpty(res, stop);
		return true;
	}

	if (method === 'GET' || method === 'HEAD') {
		style.headers = validatorHeaders(validators);
	}

	return false;
}
