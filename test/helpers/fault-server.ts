// A MaxScale REST API stand-in that a test can break on purpose. The good answers
// are 24.02-shaped documents the test controls (`sessions`, `details`, `version`);
// `fault` switches, per test and at any moment, to one of the ways a real MaxScale
// (or what stands in front of it) goes wrong: refused, reset mid-body, slow headers,
// a stalled or dribbling body, truncated JSON, a proxy's HTML, 401/403/404/500/503,
// a body over the client's cap, invalid UTF-8, JSON that is not a session document,
// and a restart on the same port.
//
// Nothing here imports the monitor: it speaks HTTP only.

import {Buffer} from 'node:buffer';
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo, Socket} from 'node:net';

/** One element of `data` in `GET /v1/sessions`: any JSON, so tests can send junk too. */
export type Resource = unknown;

export type Fault =
	| {kind: 'none'}
	/** Headers and half of a good body, then the socket is destroyed. */
	| {kind: 'reset'}
	/** The connection is accepted and the request read, but no headers ever come. */
	| {kind: 'slow-headers'}
	/** Headers (with the full Content-Length) and the first bytes of a good body, then nothing. */
	| {kind: 'slow-body'}
	/** A good body one small chunk every `everyMs`: never idle long enough for a body timeout. */
	| {kind: 'trickle'; everyMs: number; chunkBytes?: number}
	/** A complete HTTP answer whose JSON is cut in half. */
	| {kind: 'truncated'}
	/** Any status, body and headers. */
	| {kind: 'status'; status: number; body: string | Buffer; headers?: Record<string, string>}
	/** A 200 JSON answer of `bytes` bytes; `declared`: with a Content-Length, else chunked. */
	| {kind: 'too-large'; bytes: number; declared: boolean}
	/** A 200 answer with this exact body (e.g. invalid UTF-8 bytes, or JSON that is no session document). */
	| {kind: 'raw'; body: string | Buffer; contentType?: string};

/** The faults the brief names, answered the way the real thing answers. */
export const faults = {
	html502: {
		kind: 'status',
		status: 502,
		body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n',
		headers: {'content-type': 'text/html'},
	},
	unauthorized: {
		kind: 'status',
		status: 401,
		body: '{"errors": [ { "detail": "Access denied" } ] }',
		headers: {'content-type': 'application/json', 'www-authenticate': 'Basic realm="maxscale"'},
	},
	forbidden: {
		kind: 'status',
		status: 403,
		body: '{"errors": [ { "detail": "Administrative access required" } ] }',
		headers: {'content-type': 'application/json'},
	},
	notFoundEmpty: {kind: 'status', status: 404, body: ''},
	internal: {
		kind: 'status',
		status: 500,
		body: '{"errors": [ { "detail": "Internal error: the thread pool is exhausted" } ] }',
		headers: {'content-type': 'application/json'},
	},
	shuttingDown: {
		kind: 'status',
		status: 503,
		body: '{"errors": [ { "detail": "MaxScale is shutting down" } ] }',
		headers: {'content-type': 'application/json'},
	},
} as const satisfies Record<string, Fault>;

/** Which requests a fault hits: everything (a proxy, a dead server), or one route. */
export type FaultScope = 'all' | 'list' | 'detail' | 'maxscale';

export type SessionFields = {
	user?: string;
	remote?: string;
	port?: number;
	service?: string;
	state?: string;
	idle?: number;
	secondsAlive?: number;
	memory?: number;
	io?: number;
	connected?: string;
};

/** A 24.02-shaped session resource, as `GET /v1/sessions` lists it. */
export function sessionResource(id: string, fields: SessionFields = {}, base = 'http://127.0.0.1:8989/v1/'): Resource {
	return {
		attributes: {
			client: {cipher: '', connection_attributes: {_client_name: 'libmariadb'}},
			connected: fields.connected ?? 'Fri, 05 Jan 2024 07:24:06 GMT',
			connections: [{cipher: '', connection_id: 129, server: 'server1'}],
			idle: fields.idle ?? 5.2,
			io_activity: fields.io ?? 16,
			log: [],
			memory: {total: fields.memory ?? 67_977},
			port: fields.port ?? 40_664,
			queries: [],
			remote: fields.remote ?? '127.0.0.1',
			seconds_alive: fields.secondsAlive ?? 12.5,
			state: fields.state ?? 'Session started',
			thread: 1,
			user: fields.user ?? 'maxuser',
		},
		id,
		links: {self: `${base}sessions/${id}/`},
		relationships: {
			services: {data: [{id: fields.service ?? 'RW-Split-Router', type: 'services'}], links: {self: `${base}services/`}},
		},
		type: 'sessions',
	};
}

export type FaultServerOptions = {
	sessions?: Resource[];
	version?: string;
	/** Serve HTTPS with this key and certificate. */
	tls?: {key: string | Buffer; cert: string | Buffer};
	/** Check Basic auth: anything else gets MaxScale's 401. */
	credentials?: {user: string; password: string};
};

export type FaultServer = {
	origin: string;
	/** host:port, as the monitor names it. */
	label: string;
	port: number;
	/** `METHOD url` of every request, in order. */
	requests: string[];
	/** The `data` of the list. */
	sessions: Resource[];
	/** Detail documents by id; an id not here is looked up in `sessions`. */
	details: Map<string, unknown>;
	/** Ids whose `GET /v1/sessions/:id` answers 404 with an empty body, even while the list has them. */
	goneDetails: Set<string>;
	/** The whole `GET /v1/sessions` document instead of `{links, data: sessions}` (any JSON). */
	listDocument?: unknown;
	/** The whole `GET /v1/maxscale` document instead of the version document. */
	maxscaleDocument?: unknown;
	version: string;
	fault: Fault;
	faultScope: FaultScope;
	/** Switch to a fault (for `scope`), or back to good answers with `{kind: 'none'}`. */
	set(fault: Fault, scope?: FaultScope): void;
	clear(): void;
	/** Listening now? */
	readonly listening: boolean;
	/** Stop listening and drop every connection: the next connect is refused. */
	stop(): Promise<void>;
	/** Listen again on the same port. */
	start(): Promise<void>;
	/** stop(), then start(): a restart on the same port. */
	restart(): Promise<void>;
	/** Requests of the list since the start. */
	listCount(): number;
	close(): Promise<void>;
};

function routeOf(path: string): FaultScope | 'other' {
	if (path === '/v1/sessions' || path === '/v1/sessions/') {
		return 'list';
	}

	if (path.startsWith('/v1/sessions/')) {
		return 'detail';
	}

	if (path === '/v1/maxscale' || path === '/v1/maxscale/') {
		return 'maxscale';
	}

	return 'other';
}

function idOf(resource: Resource): string | undefined {
	const id = (resource as {id?: unknown} | null)?.id;
	return typeof id === 'string' ? id : undefined;
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let server: http.Server | undefined;
	let listening = false;
	let port = 0;
	let lists = 0;
	const scheme = options.tls ? 'https' : 'http';

	const state: FaultServer = {
		origin: '',
		label: '',
		port: 0,
		requests: [],
		sessions: options.sessions ?? [sessionResource('1')],
		details: new Map(),
		goneDetails: new Set(),
		version: options.version ?? '24.02.3',
		fault: {kind: 'none'},
		faultScope: 'all',
		set(fault, scope = 'all') {
			state.fault = fault;
			state.faultScope = scope;
		},
		clear() {
			state.fault = {kind: 'none'};
			state.faultScope = 'all';
		},
		get listening() {
			return listening;
		},
		stop: async () => undefined,
		start: async () => undefined,
		restart: async () => undefined,
		listCount: () => lists,
		close: async () => undefined,
	};

	const later = (ms: number, run: () => void) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			run();
		}, ms);
		timers.add(timer);
	};

	const base = () => `${state.origin}/v1/`;

	/** The good answer to a request: status and JSON body. */
	const goodAnswer = (route: FaultScope | 'other', path: string): {status: number; body: string} => {
		switch (route) {
			case 'list': {
				const document = state.listDocument !== undefined ? state.listDocument : {links: {self: `${base()}sessions/`}, data: state.sessions};
				return {status: 200, body: JSON.stringify(document)};
			}

			case 'detail': {
				const id = decodeURIComponent(path.slice('/v1/sessions/'.length).replace(/\/$/, ''));
				if (state.goneDetails.has(id)) {
					return {status: 404, body: ''};
				}

				const detail = state.details.get(id) ?? state.sessions.find((resource) => idOf(resource) === id);
				if (detail === undefined) {
					return {status: 404, body: ''};
				}

				return {status: 200, body: JSON.stringify(state.details.has(id) ? detail : {links: {self: `${base()}sessions/${id}/`}, data: detail})};
			}

			case 'maxscale': {
				const document = state.maxscaleDocument !== undefined ? state.maxscaleDocument : {
					data: {attributes: {version: state.version, uptime: 3600, threads: 4}, id: 'maxscale', type: 'maxscale'},
					links: {self: `${base()}maxscale/`},
				};
				return {status: 200, body: JSON.stringify(document)};
			}

			default: {
				return {status: 404, body: '{"errors": [ { "detail": "not found" } ] }'};
			}
		}
	};

	const json = {'content-type': 'application/json'};

	const onRequest = (request: http.IncomingMessage, response: http.ServerResponse) => {
		state.requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
		const path = (request.url ?? '').split('?')[0] ?? '';
		const route = routeOf(path);
		if (route === 'list') {
			lists++;
		}

		if (options.credentials) {
			const expected = `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`;
			if (request.headers.authorization !== expected) {
				response.writeHead(401, {...faults.unauthorized.headers}).end(faults.unauthorized.body);
				return;
			}
		}

		const {fault} = state;
		const hit = fault.kind !== 'none' && (state.faultScope === 'all' || state.faultScope === route);
		const good = goodAnswer(route, path);
		if (!hit) {
			response.writeHead(good.status, good.body === '' ? {} : json).end(good.body);
			return;
		}

		switch (fault.kind) {
			case 'reset': {
				const body = Buffer.from(good.body.length > 2 ? good.body : '{"data": [ {"id": "1"} ]}');
				response.writeHead(200, {...json, 'content-length': String(body.length)});
				response.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))), () => {
					later(20, () => {
						request.socket.destroy();
					});
				});
				return;
			}

			case 'slow-headers': {
				// Keep the socket; close() drops it.
				return;
			}

			case 'slow-body': {
				const body = Buffer.from(good.body.length > 2 ? good.body : '{"data": []}');
				response.writeHead(200, {...json, 'content-length': String(body.length)});
				response.write(body.subarray(0, 1));
				return;
			}

			case 'trickle': {
				const body = Buffer.from(good.body.length > 2 ? good.body : '{"data": []}');
				response.writeHead(200, {...json, 'content-length': String(body.length)});
				let sent = 0;
				const step = fault.chunkBytes ?? 1;
				const drip = () => {
					if (response.destroyed || sent >= body.length) {
						return;
					}

					response.write(body.subarray(sent, sent + step));
					sent += step;
					if (sent >= body.length) {
						response.end();
					} else {
						later(fault.everyMs, drip);
					}
				};

				drip();
				return;
			}

			case 'truncated': {
				const whole = good.body.length > 20 ? good.body : '{"links": {"self": "x"}, "data": [ {"id": "1", "type": "sessions"} ]}';
				const cut = whole.slice(0, Math.floor(whole.length / 2));
				response.writeHead(200, json).end(cut);
				return;
			}

			case 'status': {
				response.writeHead(fault.status, fault.headers ?? {}).end(fault.body);
				return;
			}

			case 'too-large': {
				const head = '{"links": {"self": "x"}, "data": [';
				const filler = '{"id": "x", "type": "sessions", "attributes": {"state": "Session started"}},';
				const count = Math.ceil((fault.bytes - head.length) / filler.length);
				const tail = '{"id": "last"}]}';
				const size = head.length + count * filler.length + tail.length;
				response.writeHead(200, fault.declared ? {...json, 'content-length': String(size)} : json);
				response.write(head);
				// In 64 KiB slices, as a real server streams it; stop as soon as the client goes.
				const slice = filler.repeat(Math.ceil(65_536 / filler.length));
				let left = count;
				const pump = () => {
					while (left > 0 && !response.destroyed) {
						const n = Math.min(left, Math.ceil(65_536 / filler.length));
						left -= n;
						const more = response.write(n === Math.ceil(65_536 / filler.length) ? slice : filler.repeat(n));
						if (!more) {
							response.once('drain', pump);
							return;
						}
					}

					if (!response.destroyed) {
						response.end(tail);
					}
				};

				response.on('error', () => undefined);
				pump();
				return;
			}

			case 'raw': {
				response.writeHead(200, {'content-type': fault.contentType ?? 'application/json'}).end(fault.body);
				return;
			}
		}
	};

	const create = () => {
		const instance = options.tls ? https.createServer({key: options.tls.key, cert: options.tls.cert}, onRequest) : http.createServer(onRequest);
		instance.on('connection', (socket: Socket) => {
			sockets.add(socket);
			socket.on('error', () => undefined);
			socket.once('close', () => sockets.delete(socket));
		});
		// A TLS handshake the client gives up on is not the server's business.
		instance.on('tlsClientError', () => undefined);
		instance.on('clientError', (_error, socket) => {
			socket.destroy();
		});
		return instance;
	};

	state.start = async () => {
		if (listening) {
			return;
		}

		const instance = create();
		await new Promise<void>((resolve, reject) => {
			instance.once('error', reject);
			instance.listen(port, '127.0.0.1', () => {
				instance.off('error', reject);
				resolve();
			});
		});
		server = instance;
		listening = true;
		port = (instance.address() as AddressInfo).port;
		state.port = port;
		state.origin = `${scheme}://127.0.0.1:${port}`;
		state.label = `127.0.0.1:${port}`;
	};

	state.stop = async () => {
		const instance = server;
		if (!listening || instance === undefined) {
			return;
		}

		listening = false;
		server = undefined;
		for (const timer of timers) {
			clearTimeout(timer);
		}

		timers.clear();
		const closed = new Promise<void>((resolve) => {
			instance.close(() => {
				resolve();
			});
		});
		instance.closeAllConnections();
		for (const socket of sockets) {
			socket.destroy();
		}

		await closed;
	};

	state.restart = async () => {
		await state.stop();
		await state.start();
	};

	state.close = state.stop;
	await state.start();
	return state;
}

/** A port that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
	const probe = http.createServer();
	await new Promise<void>((resolve) => {
		probe.listen(0, '127.0.0.1', resolve);
	});
	const {port} = probe.address() as AddressInfo;
	await new Promise((resolve) => {
		probe.close(resolve);
	});
	return port;
}
