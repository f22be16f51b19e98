// Writing replies the way MaxScale's admin interface (libmicrohttpd) does: JSON documents with
// Content-Type application/json; bodiless replies (404, DELETE 200, restart 200) with nothing at
// all; and the canned admin.cc error strings sent verbatim, without a JSON content type.

import type {ServerResponse} from 'node:http';

/** admin.cc auth_failure_response, byte for byte (odd spacing included). */
export const accessDenied = '{"errors": [ { "detail": "Access denied" } ] }';

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
	res.writeHead(status, {...headers, 'Content-Length': '0'});
	res.end();
}

export function sendCanned(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, {...headers, 'Content-Length': String(Buffer.byteLength(body))});
	res.end(body);
}

const smallBody = 1024 * 1024;

/**
 * Send a JSON document given as chunks. Small documents get a Content-Length like MaxScale's;
 * big ones (a large session list) are streamed with chunked encoding and back-pressure instead
 * of being joined into one huge string first.
 */
export async function sendJson(res: ServerResponse, status: number, chunks: Iterable<string | Buffer>): Promise<void> {
	const iterator = chunks[Symbol.iterator]();
	const head: Array<string | Buffer> = [];
	let length = 0;
	let done = false;
	while (length <= smallBody) {
		const next = iterator.next();
		if (next.done) {
			done = true;
			break;
		}

		head.push(next.value);
		length += next.value.length;
	}

	if (done) {
		const body = head.length === 1 && typeof head[0] === 'string' ? head[0] : Buffer.concat(head.map(x => (typeof x === 'string' ? Buffer.from(x) : x)));
		res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body))});
		res.end(body);
		return;
	}

	res.writeHead(status, {'Content-Type': 'application/json'});
	const write = async (chunk: string | Buffer): Promise<void> => {
		if (!res.write(chunk) && !res.destroyed) {
			await new Promise<void>(resolve => {
				const finish = (): void => {
					res.off('drain', finish);
					res.off('close', finish);
					resolve();
				};

				res.once('drain', finish);
				res.once('close', finish);
			});
		}
	};

	for (const chunk of head) {
		// eslint-disable-next-line no-await-in-loop
		await write(chunk);
	}

	for (let next = iterator.next(); !next.done && !res.destroyed; next = iterator.next()) {
		// eslint-disable-next-line no-await-in-loop
		await write(next.value);
	}

	res.end();
}
