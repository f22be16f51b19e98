// Starting and stopping the simulated MaxScale admin interface (HTTP, or HTTPS when a key and
// certificate are given). Time-dependent state is computed from the clock on every request, so
// there is no churn timer; the only background work is the template warm-up after start, which
// never keeps the process alive. close() stops it, the server and every keep-alive socket.

import http from 'node:http';
import https from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import {asctime, httpDate} from './dates.js';
import type {Simulator, SimulatorOptions} from './index.js';
import {Population} from './population.js';
import {handleRequest, type SimulatorState} from './routes.js';
import {versionTable} from './versions.js';
import {fmt} from './jansson.js';
import {warmUp} from './session-template.js';
import {createTokens} from './tokens.js';
import {layoutId, linkBase} from './write-context.js';

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
	const apiVersion = options.apiVersion ?? '24.02';
	const caps = versionTable[apiVersion];
	if (!caps) {
		throw new RangeError(`Unknown apiVersion ${String(apiVersion)}`);
	}

	const now = options.now ?? Date.now;
	const host = options.host ?? '127.0.0.1';
	const population = new Population({
		seed: options.seed ?? 1,
		size: Math.max(0, Math.floor(options.sessions ?? 200)),
		churn: Math.max(0, options.churn ?? 0),
		...(options.uptimeMs === undefined ? {} : {uptimeMs: Math.max(0, options.uptimeMs)}),
		now,
		formatConnected: caps.rfc1123Connected ? httpDate : asctime,
	});
	const user = options.user ?? 'admin';
	const password = options.password ?? 'mariadb';
	const basic = options.basicUser;
	const state: SimulatorState = {
		caps,
		population,
		now,
		accounts: {admin: {user, password}, basic},
		tokens: createTokens(caps.http.tokenAccount),
		scheme: options.tls ? 'https' : 'http',
		adminHost: host,
		adminPort: 0,
	};

	const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
		options.onRequest?.(req.method ?? '', req.url ?? '');
		handleRequest(state, req, res).catch((error: unknown) => {
			if (res.headersSent) {
				res.destroy(error instanceof Error ? error : undefined);
			} else {
				res.writeHead(500, {'Content-Length': '0'});
				res.end();
			}
		});
	};

	const server = options.tls ? https.createServer({key: options.tls.key, cert: options.tls.cert}, onRequest) : http.createServer(onRequest);
	// libmicrohttpd as MaxScale starts it (no MHD_OPTION_CONNECTION_TIMEOUT) never closes an idle
	// kept-alive connection, and sends no `Keep-Alive: timeout=` for a client to go by: Node's
	// default closed them after 5 s and said so (QA).
	server.keepAliveTimeout = 0;
	const sockets = new Set<Socket>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 8989, host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	const address = server.address() as AddressInfo;
	const urlHost = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
	const url = `${state.scheme}://${urlHost}:${address.port}`;
	state.adminPort = address.port;

	// Templates are made ahead for the links most clients will ask for: Host is the address they
	// connected to, and the path starts with /v1. Any other Host or path just renders them anew.
	const warmBase = linkBase(state.scheme, `${urlHost}:${address.port}`, true);
	const warmFmt = fmt(caps.http.notPretty);
	const stopWarmUp = warmUp(population.list(), () => ({caps, f: warmFmt, base: warmBase, slash: caps.trailingSlash ? '/' : '', t: now(), layoutId: layoutId(warmBase, warmFmt)}));

	let closing: Promise<void> | undefined;
	return {
		url,
		port: address.port,
		apiVersion,
		sessionIds() {
			population.advance(now());
			return population.list().map(s => s.idStr);
		},
		endSession(id) {
			population.advance(now());
			const s = /^\d+$/.test(id) ? population.get(Number(id)) : undefined;
			if (!s) {
				return false;
			}

			population.end(s);
			return true;
		},
		openSession() {
			const t = now();
			population.advance(t);
			return population.open(t).idStr;
		},
		async close() {
			stopWarmUp();
			closing ??= new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
				server.closeAllConnections();
				for (const socket of sockets) {
					socket.destroy();
				}
			});
			return closing;
		},
	};
}
