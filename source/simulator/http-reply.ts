// Writing replies the way MaxScale's admin interface (libmicrohttpd) does. Every reply is built
// whole before anything is sent and goes out with a Content-Length, never chunked: admin.cc dumps
// the JSON with json_dumps() and hands the buffer to MHD_create_response_from_buffer(size, ...),
// in every release. JSON documents carry Content-Type application/json (HttpResponse adds it
// when there is a body); bodiless replies (404, DELETE 200, restart 200) carry nothing; the
// canned admin.cc errors (401, 403, invalid JSON) are sent verbatim, without a JSON content type
// and without the extra headers, because admin.cc queues them itself.

import type {ServerResponse} from 'node:http';
import {assemble} from './body-arena.js';

/** admin.cc auth_failure_response, byte for byte (odd spacing included). */
export const accessDenied = '{"errors": [ { "detail": "Access denied" } ] }';

/** admin.cc not_admin_response (2.5.9+): a read-only user's token sent a write. */
export const adminRequired = '{"errors": [ { "detail": "Administrative access required" } ] }';

/** admin.cc no_https_response (2.5+): GET /v1/auth over plain HTTP while admin_secure_gui=true. */
export const notEncrypted = '{"errors": [ { "detail": "Connection is not encrypted" } ] }';

/** How the replies to one request are dressed. */
export type ReplyStyle = {
	/**
	 * HEAD: resource.cc runs the GET and calls drop_response(), so the reply has the GET's status
	 * and headers (Content-Type included) but a body, and a Content-Length, of 0.
	 */
	head: boolean;
	/**
	 * 2.5+: queue_response() adds add_extra_headers() (X-Frame-Options, X-XSS-Protection,
	 * Referrer-Policy) and "Cache-Control: no-cache" to every reply it sends.
	 */
	extraHeaders: boolean;
	/** Headers every reply to this request carries (2.2's ETag and Last-Modified on reads). */
	headers?: Record<string, string>;
};

const plain: ReplyStyle = {head: false, extraHeaders: false};

const extra = {
	'X-Frame-Options': 'Deny',
	'X-XSS-Protection': '1',
	'Referrer-Policy': 'same-origin',
	'Cache-Control': 'no-cache',
};

function dressed(style: ReplyStyle, headers: Record<string, string>): Record<string, string> {
	const all = style.headers ? {...style.headers, ...headers} : headers;
	return style.extraHeaders ? {...all, ...extra} : all;
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}, style: ReplyStyle = plain): void {
	res.writeHead(status, dressed(style, {...headers, 'Content-Length': '0'}));
	res.end();
}

/** A reply admin.cc queues itself (auth errors, invalid JSON): the body as it is, nothing added. */
export function sendCanned(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
	res.writeHead(status, {...headers, 'Content-Length': String(Buffer.byteLength(body))});
	res.end(body);
}

/**
 * Send a JSON document given as chunks: assembled whole first (body-arena.ts), then the head with
 * its length and the body in one write. The arena goes back for the next reply once the socket
 * has taken it all ('finish'); a reply cut short leaves its arena to the garbage collector.
 */
export async function sendJson(res: ServerResponse, status: number, chunks: Iterable<string | Buffer>, style: ReplyStyle = plain, headers: Record<string, string> = {}): Promise<void> {
	const {body, release} = assemble(chunks);
	res.writeHead(status, dressed(style, {...headers, 'Content-Type': 'application/json', 'Content-Length': String(style.head ? 0 : body.length)}));
	if (style.head) {
		res.end();
		release();
		return;
	}

	res.once('finish', release);
	res.end(body);
}
