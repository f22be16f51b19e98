// What each emulated MaxScale release can do and how its documents look. One row per apiVersion;
// every difference the simulator makes between versions is read from here, so the evidence for
// each flag is written next to it (fixtures in shared/fixtures/maxscale, MaxScale sources).

import type {ApiVersion} from './index.js';

export type VersionCaps = {
	apiVersion: ApiVersion;
	/** Full release reported by /v1/maxscale (the tag each fixture was taken from). */
	release: string;
	commit: string;
	/** 2.5+ dumps with JSON_SORT_KEYS; 2.2 keeps insertion order (links before data). */
	sortKeys: boolean;
	/** 6.4+ self links end in '/': /v1/sessions/1/ (fixtures v6-*, v22.08-*, v23-*, v24-*). */
	trailingSlash: boolean;
	/** 2.5+ relationship links are {related, self}; 2.2 has only {self} (the collection). */
	relatedLinks: boolean;
	/** The /v1 prefix is optional since 2.4 (REST API docs, "API Versioning"). */
	unprefixedRoutes: boolean;
	/** fields[TYPE]= sparse fieldsets, 2.5+ (remove_unwanted_fields in resource.cc). */
	sparseFields: boolean;
	/** filter=: none in 2.2; JSON equality in 2.5-23.02; JSON or eq()/and()/... expressions in 24.02. */
	filter: 'none' | 'json' | 'expression';
	/** page[size]/page[number]: 6.4.4 and 22.08.3; treated as present from 6.4 on. */
	paging: boolean;
	/** DELETE /sessions/:id and POST /sessions/:id/restart exist from 22.08. */
	killRestart: boolean;
	/** PATCH /sessions/:id (log levels) exists from 6.0; errors are 403 in 6.x, 400 later. */
	patch: false | 400 | 403;
	/** `connected`: asctime local time up to 22.08, RFC 1123 GMT from 23.02. */
	rfc1123Connected: boolean;
	/** The state of a routed session: 2.2 "Session ready for routing", 2.4+ "Session started". */
	startedState: string;
	/** 2.4+ lists half-started sessions ("Session created", no user); 2.2 allocates after auth. */
	createdState: boolean;
	// Session attributes present in this version (see the fixture of that version).
	connections: boolean; // 2.3+
	queriesAndLog: boolean; // queries 2.3.1+, log 2.3.10+
	client: boolean; // client.cipher 2.4.13+
	defaultDatabase: boolean; // 2.5 only (fixture v2.5-*)
	port: boolean; // 6.4+
	parameters: boolean; // 6.0+
	logDebug: boolean; // parameters.log_debug in the 23.02/24.02 fixtures
	/** Session trace lines timed to the millisecond: 24.02's log_as_json() uses format_timestamp(tv, true); the older copies keep the logger's own line. */
	logMillis: boolean;
	memory: 'none' | 'flat' | 'nested'; // 22.08 number, 23.02+ object
	ioActivityAndThread: boolean; // 23.02+
	secondsAlive: boolean; // 24.02
	clientExtras: boolean; // client.connection_attributes + sescmd_history_* in the 24.02 fixture
	/** 23.02+ reports idle 0.0 while a query is in progress (client_connection()->is_idle()). */
	idleZeroWhenBusy: boolean;
	/**
	 * The REST API's own behaviour (server/core/admin.cc, httprequest.cc, resource.cc), from the
	 * stored MaxScale sources; each branch is named by its files' BSL "Change Date" (2020-01-01:
	 * 2.2, 2025-01-25: 2.5 before 2.5.9, 2026-09-06: 22.08, 2027-03-14: 23.02).
	 */
	http: HttpCaps;
};

export type HttpCaps = {
	/** pretty=false without JSON_COMPACT ('spaced': ", " and ": ") or with it ('compact'). */
	notPretty: 'spaced' | 'compact';
	/** 'strict': indented only for pretty=true or no value; 'falsy': compact only for false/off/no/0. */
	prettyOption: 'strict' | 'falsy';
	/** X-Frame-Options, X-XSS-Protection, Referrer-Policy and Cache-Control: no-cache on replies. */
	extraHeaders: boolean;
	/** A 401 to X-Requested-With: XMLHttpRequest leaves out WWW-Authenticate. */
	xhrNoChallenge: boolean;
	/** GET / (exactly) answers 200 with no body: 2.2's "Respond to pings with 200 OK". */
	rootPing: boolean;
	/** A request body that is not JSON: 400 with "Invalid JSON in request: ..." (2.5+) or empty (2.2). */
	invalidJsonDetail: boolean;
	/**
	 * GET /v1/auth issues JWTs and "Authorization: Bearer" takes them (2.5+: "/auth introduced in
	 * 2.5.0", fixtures v2.5-/v24-auth-token-response); 2.2 knows only Basic, and /auth is a 404.
	 */
	bearerTokens: boolean;
	/**
	 * The token's payload also has "account" and "sub": seen in the 24.02 example only (2.5's
	 * has neither). When between them it changed is not known: 6.4 to 23.02 keep 2.5's form.
	 */
	tokenAccount: boolean;
	/** ETag/Last-Modified and conditional requests: 2.2's counters (validators.ts), or none. */
	validators: boolean;
};

// admin.cc, 2.2 (Change Date 2020-01-01): `int flags = 0;` plus JSON_INDENT(4) only when
// pretty == "true" or empty; no extra headers; `if (url == "/")` answers 200; a body that does
// not parse gets 400 with an empty body.
const http22: HttpCaps = {notPretty: 'spaced', prettyOption: 'strict', extraHeaders: false, xhrNoChallenge: false, rootPing: true, invalidJsonDetail: false, bearerTokens: false, tokenAccount: false, validators: true};
// admin.cc, 2.5 before 2.5.9 (Change Date 2025-01-25): `int flags = JSON_SORT_KEYS;` plus
// JSON_INDENT(4) for pretty == "true" or empty, still no JSON_COMPACT; add_extra_headers() and
// "Cache-Control: no-cache"; "Invalid JSON in request: " + the jansson error. The 2.5.29 file
// itself is not in the stored sources: this is the latest 2.5 admin.cc there is.
const http25: HttpCaps = {...http22, extraHeaders: true, rootPing: false, invalidJsonDetail: true, bearerTokens: true, validators: false};
// admin.cc, 22.08 (Change Date 2026-09-06, commit 011bd158): queue_response() adds JSON_COMPACT
// when pretty is neither "true" nor empty. No 6.x admin.cc is stored: 6.4 keeps compact output as
// before (unverified), and takes the strict pretty test that both 2.5 and 22.08 have.
const http2208: HttpCaps = {...http25, notPretty: 'compact'};
// admin.cc, 23.02 (Change Date 2027-03-14): m_request.is_falsy_option("pretty") picks
// JSON_COMPACT, and send_basic_auth_error() skips the challenge for X-Requested-With:
// XMLHttpRequest (strcasecmp). No 24.02 admin.cc is stored; 24.02 is taken to be the same.
const http2302: HttpCaps = {...http2208, prettyOption: 'falsy', xhrNoChallenge: true};
// 24.02: the same admin.cc as 23.02, but its documented token carries "account" and "sub".
const http2402: HttpCaps = {...http2302, tokenAccount: true};

const base = {
	sortKeys: true,
	trailingSlash: true,
	relatedLinks: true,
	unprefixedRoutes: true,
	sparseFields: true,
	paging: true,
	startedState: 'Session started',
	createdState: true,
	connections: true,
	queriesAndLog: true,
	client: true,
	defaultDatabase: false,
	port: true,
	parameters: true,
} as const;

export const versionTable: Record<ApiVersion, VersionCaps> = {
	'24.02': {
		...base,
		apiVersion: '24.02',
		http: http2402,
		release: '24.02.3',
		commit: 'd77a737db314a3dab3811a1e4b81e20ac2aedbe9',
		filter: 'expression',
		killRestart: true,
		patch: 400,
		rfc1123Connected: true,
		logDebug: true,
		logMillis: true,
		memory: 'nested',
		ioActivityAndThread: true,
		secondsAlive: true,
		clientExtras: true,
		idleZeroWhenBusy: true,
	},
	'23.02': {
		...base,
		apiVersion: '23.02',
		http: http2302,
		release: '23.02.11',
		commit: '2935ebee8db4891e4da79970f8b85ce607c6be09',
		filter: 'json',
		killRestart: true,
		patch: 400,
		rfc1123Connected: true,
		logDebug: true,
		logMillis: false,
		memory: 'nested',
		ioActivityAndThread: true,
		secondsAlive: false,
		clientExtras: false,
		idleZeroWhenBusy: true,
	},
	'22.08': {
		...base,
		apiVersion: '22.08',
		http: http2208,
		release: '22.08.14',
		commit: 'ad380e4cbe244c146359c9e44ede1b0057450bfb',
		filter: 'json',
		killRestart: true,
		patch: 400,
		rfc1123Connected: false,
		logDebug: false,
		logMillis: false,
		memory: 'flat',
		ioActivityAndThread: false,
		secondsAlive: false,
		clientExtras: false,
		idleZeroWhenBusy: false,
	},
	'6.4': {
		...base,
		apiVersion: '6.4',
		http: http2208,
		release: '6.4.15',
		commit: '26db2c1dd66ce94b4cf234b9b5465ac31e2b9f9f',
		filter: 'json',
		killRestart: false,
		patch: 403,
		rfc1123Connected: false,
		logDebug: false,
		logMillis: false,
		memory: 'none',
		ioActivityAndThread: false,
		secondsAlive: false,
		clientExtras: false,
		idleZeroWhenBusy: false,
	},
	'2.5': {
		...base,
		apiVersion: '2.5',
		http: http25,
		release: '2.5.29',
		commit: 'a0b2b230474c71672f8a3a2b3d9f35207e1edd87',
		trailingSlash: false,
		paging: false,
		filter: 'json',
		killRestart: false,
		patch: false,
		rfc1123Connected: false,
		defaultDatabase: true,
		port: false,
		parameters: false,
		logDebug: false,
		logMillis: false,
		memory: 'none',
		ioActivityAndThread: false,
		secondsAlive: false,
		clientExtras: false,
		idleZeroWhenBusy: false,
	},
	'2.2': {
		...base,
		apiVersion: '2.2',
		http: http22,
		release: '2.2.21',
		commit: 'a7a22156810433c5f161efe2121e0a4f509a9548',
		sortKeys: false,
		trailingSlash: false,
		relatedLinks: false,
		unprefixedRoutes: false,
		sparseFields: false,
		paging: false,
		filter: 'none',
		killRestart: false,
		patch: false,
		rfc1123Connected: false,
		startedState: 'Session ready for routing',
		createdState: false,
		connections: false,
		queriesAndLog: false,
		client: false,
		port: false,
		parameters: false,
		logDebug: false,
		logMillis: false,
		memory: 'none',
		ioActivityAndThread: false,
		secondsAlive: false,
		clientExtras: false,
		idleZeroWhenBusy: false,
	},
};
