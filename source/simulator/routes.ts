// Request routing with the real server's rules (server/core/resource.cc, admin.cc, httprequest.cc):
// - every request is authenticated and authorized first, before the route is even looked at
//   (auth.ts), then its body is checked as JSON (request-body.ts), then it is routed;
// - the verb routed is X-HTTP-Method-Override when the request has one (HttpRequest's
//   constructor, every release), while authorization looked at the request line's method;
// - links are built from the request (HttpRequest's m_hostname): "http://" or "https://", the
//   Host header as sent, "/", and "v1/" only when the path began with /v1 (2.4+; 2.2 requires
//   the prefix, so its links always have it);
// - a known verb on a path it has no handler for (DELETE /v1/sessions/1 before 22.08, PUT on
//   /v1/sessions, unknown paths) gets 404 with NO body: process_request_type() returns
//   HttpResponse(MHD_HTTP_NOT_FOUND). Only a verb MaxScale does not handle at all (e.g. TRACE)
//   gets 405. So DELETE and restart answer 404, not 405, before 22.08: the "405" in the notes
//   matches only the very first router (2.1 development), which knew just GET/PUT/POST;
// - an unknown session id, numeric or not, is 404 with no body: the id goes through atoi(), so a
//   non-numeric id asks for session 0, which never exists. The "404 with an errors detail" that
//   was asked for does not exist in any release: resource.cc builds the 404 without a body, and
//   MaxScale's own test (rest-api/test/http.js) checks that it is empty;
// - the /v1 prefix is optional from 2.4;
// - GET /v1/auth (2.5+) hands out a token (tokens.ts) only over HTTPS: admin_secure_gui is true,
//   MaxScale's default and what /v1/maxscale reports, so over plain HTTP it is the canned 401
//   "Connection is not encrypted", without a challenge (fixture error-401-not-encrypted.json),
//   before any credential is looked at; over HTTPS, only Basic credentials, and a failure is a
//   401 without a challenge (auth.ts tokenCaller). Not simulated, for want of evidence:
//   persist=yes (204, the token in cookies: their names and attributes are not documented in
//   the notes; refused with 501 rather than answered unlike MaxScale) and a max-age parameter
//   (ignored: tokens last the documented 8 hours).

import type {IncomingMessage, ServerResponse} from 'node:http';
import {type Accounts, authorize, type Caller} from './auth.js';
import {errorDocument, fmt, serialize} from './jansson.js';
import {sessionDetail, sessionList} from './documents.js';
import {FilterError, parseFilter} from './filter.js';
import {type ReplyStyle, sendEmpty, sendJson} from './http-reply.js';
import {maxscaleDocument} from './maxscale-json.js';
import type {Population} from './population.js';
import {atoi, option, parseOptions, type RequestOptions} from './query.js';
import {parseBody, readBody} from './request-body.js';
import {servicesDocument} from './services-json.js';
import {patchSession} from './session-patch.js';
import {sendTree} from './tree-response.js';
import type {Tokens} from './tokens.js';
import {conditions22} from './validators.js';
import {type WriteContext, layoutId, linkBase} from './write-context.js';
import type {VersionCaps} from './versions.js';

export type SimulatorState = {
	caps: VersionCaps;
	population: Population;
	now: () => number;
	accounts: Accounts;
	/** Signs and checks the tokens of GET /v1/auth. */
	tokens: Tokens;
	/** "http" or "https": the scheme of every link. */
	scheme: string;
	adminHost: string;
	adminPort: number;
};

const knownVerbs = new Set(['GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS']);

export async function handleRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const {caps} = state;
	const caller = authorize(caps, state.accounts, state.tokens, state.now(), req, res, {tokenEndpoint: caps.http.bearerTokens && isTokenEndpoint(caps, req.url), encrypted: state.scheme === 'https'});
	if (!caller) {
		return;
	}

	const parsed = parseBody(caps, await readBody(caps, req), res);
	if (!parsed.ok) {
		return;
	}

	const override = req.headers['x-http-method-override'];
	const method = typeof override === 'string' && override !== '' ? override : req.method ?? 'GET';
	const style: ReplyStyle = {head: method === 'HEAD', extraHeaders: caps.http.extraHeaders};
	const url = new URL(req.url ?? '/', 'http://simulator');
	if (caps.http.rootPing && url.pathname === '/') {
		// 2.2 admin.cc: `if (url == "/")` "Respond to pings with 200 OK", whatever the method.
		sendEmpty(res, 200, {}, style);
		return;
	}

	const parts = url.pathname.split('/').filter(Boolean);
	const prefixed = parts[0] === 'v1';
	if (prefixed) {
		parts.shift();
	} else if (!caps.unprefixedRoutes) {
		sendEmpty(res, 404, {}, style);
		return;
	}

	if (caps.http.validators && conditions22(req, res, method, state.population.maxscaleStartedAt, style)) {
		return;
	}

	if (!knownVerbs.has(method)) {
		sendEmpty(res, 405, {}, style);
		return;
	}

	const options = parseOptions(url.searchParams, caps.http.prettyOption);
	const t = state.now();
	state.population.advance(t);
	const f = fmt(options.pretty ? 'pretty' : caps.http.notPretty);
	const base = linkBase(state.scheme, req.headers.host, prefixed);
	const ctx: WriteContext = {caps, f, base, slash: caps.trailingSlash ? '/' : '', t, layoutId: layoutId(base, f)};
	const [collection, id, action, extra] = parts;
	const session = collection === 'sessions' && id !== undefined ? state.population.get(atoi(id)) : undefined;

	if (method === 'OPTIONS') {
		const allowed = allowedMethods(caps, parts, session !== undefined);
		if (allowed.length === 0) {
			sendEmpty(res, 405, {}, style);
		} else {
			// resource.cc puts the list in HTTP_RESPONSE_HEADER_ACCEPT.
			sendEmpty(res, 200, {Accept: allowed.join(', ')}, style);
		}

		return;
	}

	if (method === 'GET' || method === 'HEAD') {
		if (parts.length === 0) {
			// The root and /v1/ answer 200 so they can serve as health checks.
			sendEmpty(res, 200, {}, style);
		} else if (collection === 'sessions' && id === undefined) {
			await listSessions(state, ctx, options, res, style);
		} else if (collection === 'sessions' && action === undefined) {
			if (session) {
				await sendJson(res, 200, [sessionDetail(session, ctx, fieldsFor(caps, options, 'sessions'))], style);
			} else {
				sendEmpty(res, 404, {}, style);
			}
		} else if (collection === 'maxscale' && id === undefined) {
			const doc = maxscaleDocument({base, caps, startedAt: state.population.maxscaleStartedAt, t, threads: state.population.threads, adminHost: state.adminHost, adminPort: state.adminPort});
			await sendTree(res, caps, options, doc, 'maxscale', f, style);
		} else if (collection === 'services' && id === undefined) {
			const p = state.population;
			const doc = servicesDocument({base, caps, startedAt: p.maxscaleStartedAt, current: p.serviceCurrent, total: p.serviceTotal});
			await sendTree(res, caps, options, doc, 'services', f, style);
		} else if (collection === 'auth' && id === undefined && caps.http.bearerTokens) {
			await sendToken(state, caller, url.searchParams, ctx, res, style);
		} else {
			sendEmpty(res, 404, {}, style);
		}

		return;
	}

	if (collection !== 'sessions' || session === undefined || extra !== undefined) {
		sendEmpty(res, 404, {}, style);
		return;
	}

	if (method === 'DELETE' && caps.killRestart && action === undefined) {
		// 200 with an empty body, although the documentation says 204.
		if (options.ttl > 0) {
			state.population.killAfter(session, t, options.ttl);
		} else {
			state.population.end(session);
		}

		sendEmpty(res, 200, {}, style);
	} else if (method === 'POST' && caps.killRestart && action === 'restart') {
		state.population.restart(session);
		sendEmpty(res, 200, {}, style);
	} else if (method === 'PATCH' && caps.patch !== false && action === undefined) {
		await patchSession(caps.patch, session.logLevels, parsed.json, res, f, style, levels => {
			session.logLevels = levels;
			session.renderVersion++;
		});
	} else {
		sendEmpty(res, 404, {}, style);
	}
}

/** Whether a request is for /v1/auth (admin.cc is_auth_endpoint: the path's one part, past the /v1 that 2.4+ may leave out): authenticated its own way (auth.ts). */
function isTokenEndpoint(caps: VersionCaps, path = '/'): boolean {
	const parts = new URL(path, 'http://simulator').pathname.split('/').filter(Boolean);
	if (parts[0] === 'v1') {
		parts.shift();
	} else if (!caps.unprefixedRoutes) {
		return false;
	}

	return parts.length === 1 && parts[0] === 'auth';
}

/** The token of GET /v1/auth, to a caller authorize() let through: over HTTPS only. */
async function sendToken(state: SimulatorState, caller: Caller, search: URLSearchParams, ctx: WriteContext, res: ServerResponse, style: ReplyStyle): Promise<void> {
	if (option(search, 'persist') === 'yes') {
		const detail = 'The simulator does not implement persist=yes (MaxScale would answer 204 and set the token in cookies): ask without it to get the token in the body.';
		await sendJson(res, 501, [serialize(errorDocument(detail), ctx.f.layout, true)], style);
	} else {
		await sendJson(res, 200, [serialize({meta: {token: state.tokens.issue(caller, ctx.t)}}, ctx.f.layout, state.caps.sortKeys)], style);
	}
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

async function listSessions(state: SimulatorState, ctx: WriteContext, options: RequestOptions, res: ServerResponse, style: ReplyStyle): Promise<void> {
	let filter;
	try {
		filter = parseFilter(options.filter, state.caps.filter);
	} catch (error) {
		if (error instanceof FilterError) {
			// The parse error is logged, and the REST API returns logged errors as the detail.
			await sendJson(res, 400, [serialize(errorDocument(error.message), ctx.f.layout, true)], style);
			return;
		}

		throw error;
	}

	const page = state.caps.paging ? options.page : undefined;
	await sendJson(res, 200, sessionList(state.population.list(), ctx, {fields: fieldsFor(state.caps, options, 'sessions'), filter, page}), style);
}
