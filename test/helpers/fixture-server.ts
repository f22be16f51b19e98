// A server that answers with MaxScale's own example documents (../shared/fixtures),
// verbatim, or with a chosen failure: the monitor must work against each of them.

import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {fixtureText} from './fixtures.js';

export type Fault =
	| {kind: 'none'}
	| {kind: 'status'; status: number; body: string; headers?: Record<string, string>}
	| {kind: 'hang'}
	| {kind: 'garbage'; body: string};

export type FixtureServer = {
	origin: string;
	label: string;
	requests: string[];
	fault: Fault;
	close(): Promise<void>;
};

const versionOf: Record<string, string> = {
	'seed-2.1': '2.1.17',
	'v2.2': '2.2.21',
	'v2.5': '2.5.29',
	v6: '6.4.15',
	'v22.08': '22.08.14',
	v23: '23.02.11',
	v24: '24.02.3',
};

export async function startFixtureServer(version: string): Promise<FixtureServer> {
	const list = fixtureText(`${version}-sessions-list.json`);
	const detail = fixtureText(`${version}-session-detail.json`);
	const detailId = (JSON.parse(detail) as {data: {id: string}}).data.id;
	const hanging = new Set<http.ServerResponse>();
	const state: FixtureServer = {origin: '', label: '', requests: [], fault: {kind: 'none'}, close: async () => undefined};

	const server = http.createServer((request, response) => {
		state.requests.push(`${request.method} ${request.url}`);
		const {fault} = state;
		if (fault.kind === 'hang') {
			hanging.add(response);
			return;
		}

		if (fault.kind === 'status') {
			response.writeHead(fault.status, fault.headers).end(fault.body);
			return;
		}

		if (fault.kind === 'garbage') {
			response.writeHead(200, {'content-type': 'application/json'}).end(fault.body);
			return;
		}

		const path = (request.url ?? '').split('?')[0];
		const json = {'content-type': 'application/json'};
		if (request.method === 'DELETE' || request.method === 'POST') {
			// 22.08+: 200 with an empty body for a listed id, 404 with none otherwise.
			response.writeHead(path?.startsWith(`/v1/sessions/${detailId}`) ? 200 : 404).end();
		} else if (path === '/v1/sessions' || path === '/v1/sessions/') {
			response.writeHead(200, json).end(list);
		} else if (path === `/v1/sessions/${detailId}`) {
			response.writeHead(200, json).end(detail);
		} else if (path?.startsWith('/v1/sessions/')) {
			response.writeHead(404).end();
		} else if (path === '/v1/maxscale') {
			response.writeHead(200, json).end(JSON.stringify({data: {attributes: {version: versionOf[version], uptime: 3600}}}));
		} else {
			response.writeHead(404, json).end('{"errors": [ { "detail": "not found" } ] }');
		}
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	state.origin = `http://127.0.0.1:${port}`;
	state.label = `127.0.0.1:${port}`;
	state.close = async () => {
		for (const response of hanging) {
			response.destroy();
		}

		server.closeAllConnections();
		await new Promise<void>((resolve) => {
			server.close(() => {
				resolve();
			});
		});
	};

	return state;
}
