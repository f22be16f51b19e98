// Requests with node:http, for what undici will not send or hides: any Host header, a HEAD whose
// Content-Length matters, a body of bytes that are not UTF-8, the raw reply bytes.

import http from 'node:http';
import type {Simulator} from '../../source/simulator/index.js';
import {auth} from './helpers.js';

export type RawReply = {status: number; headers: http.IncomingHttpHeaders; body: Buffer};

export async function raw(sim: Simulator, path: string, init: {method?: string; headers?: Record<string, string>; body?: string | Buffer; auth?: string | false} = {}): Promise<RawReply> {
	const url = new URL(sim.url);
	const headers: Record<string, string> = {...init.headers};
	if (init.auth !== false) {
		headers['authorization'] = init.auth ?? auth;
	}

	if (init.body !== undefined) {
		headers['content-length'] = String(Buffer.byteLength(init.body));
	}

	return new Promise((resolve, reject) => {
		const req = http.request({host: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers, agent: false}, res => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks)});
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(init.body);
	});
}
