// Request routing with the real server's rules (server/core/resource.cc, admin.cc):
// - every request is authenticated first (Basic), before the route is even looked at;
// - a known verb on a path it has no handler for (DELETE /v1/sessions/1 before 22.08, PUT on
//   /v1/sessions, unknown paths) gets 404 with NO body: process_request_type() returns
//   HttpResponse(MHD_HTTP_NOT_FOUND). Only a verb MaxScale does not handle at all (e.g. TRACE)
//   gets 405. So DELETE and restart answer 404, not 405, before 22.08: the "405" in the notes
//   matches only the very first router (2.1 development), which knew just GET/PUT/POST;
// - an unknown session id, numeric or not, is 404 with no body: the id goes through atoi(), so a
//   non-numeric id asks for session 0, which never exists. The "404 with an errors detail" that
//   was asked for does not exist in any release: resource.cc builds the 404 without a body, and
//   MaxScale's own test (rest-api/test/http.js) checks that it is empty;
// - the /v1 prefix is optional from 2.4.

import type {IncomingMessage, ServerResponse} from 'node:http';
import {errorDocument, fmt, serialize} from './jansson.js';
import {sessionDetail, sessionList} from './documents.js';
import {FilterError, parseFilter} from './filter.js';
import {accessDenied, sendCanned, sendEmpty, sendJson} from './http-reply.js';
import {maxscaleDocument} from './maxscale-json.js';
import type {Population} from './population.js';
import {atoi, parseOptions, type RequestOptions} from './query.js';
import {servicesDocument} from './services-json.js';
import {patchSession} from './session-patch.js';
import {sendTree} from './tree-response.js';
import type {WriteContext} from './write-context.js';
import type {VersionCaps} from './versions.js';

export type SimulatorState = {
	caps: VersionCaps;
	population: Population;
	now: () => number;
	/** "http://127.0.0.1:8989/v1/" */
	base: string;
	/** "user:password" */
	credentials: string;
	adminHost: string;
	adminPort: number;
};

const knownVerbs = new Set(['GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS']);

export async function handleRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
	if (basicCredentials(req.headers.authorization) !== state.credentials) {
		// admin.cc: WWW-Authenticate is left out for browsers' XHR so they do not pop a dialog.
		const headers: Record<string, string> = req.headers['x-requested-with'] === 'XMLHttpRequest' ? {} : {'WWW-Authenticate': 'Basic realm="maxscale"'};
		sendCanned(res, 401, accessDenied, headers);
		return;
	}

	const url = new URL(req.url ?? '/', 'http://simulator');
	const parts = url.pathname.split('/').filter(Boolean);
	if (parts[0] === 'v1') {
		parts.shift();
	} else if (!state.caps.unprefixedRoutes) {
		sendEmpty(res, 404);
		return;
	}

	const method = req.method ?? 'GET';
	if (!knownVerbs.has(method)) {
		sendEmpty(res, 405);
		return;
	}

	const options = parseOptions(url.searchParams);
	const t = state.now();
	state.population.advance(t);
	const ctx: WriteContext = {caps: state.caps, f: fmt(options.pretty), base: state.base, slash: state.caps.trailingSlash ? '/' : '', t};
	const [collection, id, action, extra] = parts;
	const session = collection === 'sessions' && id !== undefined ? state.population.get(atoi(id)) : undefined;

	if (method === 'OPTIONS') {
		const allowed = allowedMethods(state.caps, parts, session !== undefined);
		if (allowed.length === 0) {
			sendEmpty(res, 405);
		} else {
			// resource.cc puts the list in HTTP_RESPONSE_HEADER_ACCEPT.
			sendEmpty(res, 200, {Accept: allowed.join(', ')});
		}

		return;
	}

	if (method === 'GET' || method === 'HEAD') {
		if (parts.length === 0) {
			// The root and /v1/ answer 200 so they can serve as health checks.
			sendEmpty(res, 200);
		} else if (collection === 'sessions' && id === undefined) {
			await listSessions(state, ctx, options, res);
		} else if (collection === 'sessions' && action === undefined) {
			if (session) {
				await sendJson(res, 200, [sessionDetail(session, ctx, fieldsFor(state.caps, options, 'sessions'))]);
			} else {
				sendEmpty(res, 404);
			}
		} else if (collection === 'maxscale' && id === undefined) {
			const doc = maxscaleDocument({base: state.base, caps: state.caps, startedAt: state.population.maxscaleStartedAt, t, threads: state.population.threads, adminHost: state.adminHost, adminPort: state.adminPort});
			await sendTree(res, state.caps, options, doc, 'maxscale');
		} else if (collection === 'services' && id === undefined) {
			const p = state.population;
			const doc = servicesDocument({base: state.base, caps: state.caps, startedAt: p.maxscaleStartedAt, current: p.serviceCurrent, total: p.serviceTotal});
			await sendTree(res, state.caps, options, doc, 'services');
		} else {
			sendEmpty(res, 404);
		}

		return;
	}

	if (collection !== 'sessions' || session === undefined || extra !== undefined) {
		sendEmpty(res, 404);
		return;
	}

	if (method === 'DELETE' && state.caps.killRestart && action === undefined) {
		// 200 with an empty body, although the documentation says 204.
		if (options.ttl > 0) {
			state.population.killAfter(session, t, options.ttl);
		} else {
			state.population.end(session);
		}

		sendEmpty(res, 200);
	} else if (method === 'POST' && state.caps.killRestart && action === 'restart') {
		state.population.restart(session);
		sendEmpty(res, 200);
	} else if (method === 'PATCH' && state.caps.patch !== false && action === undefined) {
		await patchSession(state.caps.patch, session.logLevels, req, res, options.pretty, levels => {
			session.logLevels = levels;
			session.renderVersion++;
		});
	} else {
		sendEmpty(res, 404);
	}
}

function basicCredentials(header: string | undefined): string | undefined {
	const m = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
	return m ? Buffer.from(m[1]!, 'base64').toString() : undefined;
}

function allowedMethods(caps: VersionCaps, parts: string[], sessionExists: boolean): string[] {
	const [collection, id, action] = parts;
	if (parts.length === 0 || ((collection === 'maxscale' || collection === 'services' || collection === 'sessions') && parts.length === 1)) {
		return ['GET'];
	}

	if (collection === 'sessions' && sessionExists && action === undefined && id !== undefined) {
		return caps.killRestart ? ['GET', 'DELETE'] : ['GET'];
	}

	if (collection === 'sessions' && sessionExists && action === 'restart' && caps.killRestart) {
		return ['POST'];
	}

	return [];
}

function fieldsFor(caps: VersionCaps, options: RequestOptions, type: string): string[] | undefined {
	return caps.sparseFields ? options.fields.get(type) : undefined;
}

async function listSessions(state: SimulatorState, ctx: WriteContext, options: RequestOptions, res: ServerResponse): Promise<void> {
	let filter;
	try {
		filter = parseFilter(options.filter, state.caps.filter);
	} catch (error) {
		if (error instanceof FilterError) {
			// The parse error is logged, and the REST API returns logged errors as the detail.
			await sendJson(res, 400, [serialize(errorDocument(error.message), ctx.f.pretty, true)]);
			return;
		}

		throw error;
	}

	const page = state.caps.paging ? options.page : undefined;
	await sendJson(res, 200, sessionList(state.population.list(), ctx, {fields: fieldsFor(state.caps, options, 'sessions'), filter, page}));
}
