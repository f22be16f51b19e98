// Authentication and authorization as admin.cc does them: first, for every request, before the
// path is even looked at (Client::handle() calls auth() before process() routes anything).
//
// - Basic credentials of no known user: 401 "Access denied" with WWW-Authenticate: Basic
//   realm="maxscale" (MHD_queue_basic_auth_fail_response). 23.02's send_basic_auth_error() leaves
//   the challenge out when X-Requested-With is XMLHttpRequest (any case); 22.08's does not.
// - A "basic" (read-only) user sending POST, PUT, DELETE or PATCH: authorize_user() fails inside
//   the same Basic branch of auth(), which answers with send_basic_auth_error(): the same 401
//   "Access denied", challenge included. The 403 "Administrative access required"
//   (send_write_access_error, 2.5.9+) is only sent on the JWT paths (Authorization: Bearer, or
//   the token cookie), never to Basic credentials: so in every version a read-only user's kill is
//   a 401 here. Authorization looks at the method MHD read off the request line, not at
//   X-HTTP-Method-Override (which only routing obeys).
// - 2.5+: "Authorization: Bearer ..." is a token from GET /v1/auth (tokens.ts). One this
//   simulator issued and that has not expired stands for its user; any other fails as a bad one
//   does: send_token_auth_error(), 401 "Access denied" without a challenge. A read-only user's
//   token sending a write gets the 403 "Administrative access required", without a challenge
//   (fixture error-403-admin-required.json). 2.2 knew no tokens: such a header is just not
//   Basic, and gets the Basic 401.

import type {IncomingMessage, ServerResponse} from 'node:http';
import {accessDenied, adminRequired, notEncrypted, sendCanned} from './http-reply.js';
import type {TokenClaims, Tokens} from './tokens.js';
import type {VersionCaps} from './versions.js';

export type Account = {user: string; password: string};

export type Accounts = {
	admin: Account;
	/** The read-only (basic) account, if there is one. */
	basic: Account | undefined;
};

/** The methods admin.cc treats as writes: a basic user may not send them, and MaxScale waits for their bodies. */
export const writes: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** Who a request comes from, once authorize() has let it through. */
export type Caller = TokenClaims;

/**
 * The caller when the request may go on; otherwise undefined, and the 401 or 403 has been sent.
 * `tokenEndpoint`: the request is for /v1/auth (2.5+), `encrypted`: it came over HTTPS.
 */
export function authorize(caps: VersionCaps, accounts: Accounts, tokens: Tokens, t: number, req: IncomingMessage, res: ServerResponse, {tokenEndpoint = false, encrypted = false} = {}): Caller | undefined {
	const header = req.headers.authorization ?? '';
	if (tokenEndpoint) {
		return tokenCaller(accounts, req, res, encrypted);
	}

	if (caps.http.bearerTokens && header.startsWith('Bearer ')) {
		const caller = accountOf(accounts, tokens.verify(header.slice('Bearer '.length).trim(), t));
		if (!caller) {
			sendCanned(res, 401, accessDenied);
		} else if (caller.account === 'basic' && writes.has(req.method ?? '')) {
			sendCanned(res, 403, adminRequired);
		} else {
			return caller;
		}

		return undefined;
	}

	const credentials = basicCredentials(header);
	const admin = credentials === pair(accounts.admin);
	const basic = !admin && accounts.basic !== undefined && credentials === pair(accounts.basic);
	if (admin) {
		return {user: accounts.admin.user, account: 'admin'};
	}

	if (basic && !writes.has(req.method ?? '')) {
		return {user: accounts.basic!.user, account: 'basic'};
	}

	const xhr = caps.http.xhrNoChallenge && (req.headers['x-requested-with'] ?? '').toString().toLowerCase() === 'xmlhttprequest';
	sendCanned(res, 401, accessDenied, xhr ? {} : {'WWW-Authenticate': 'Basic realm="maxscale"'});
	return undefined;
}

/**
 * Who asks /v1/auth for a token (admin.cc Client::auth, from 2.5): over plain HTTP, with
 * admin_secure_gui (MaxScale's default), the canned "Connection is not encrypted" before any
 * credential is looked at; else Basic credentials only (a Bearer token gets none), and a
 * failure is send_token_auth_error(): 401 "Access denied" without a challenge.
 */
function tokenCaller(accounts: Accounts, req: IncomingMessage, res: ServerResponse, encrypted: boolean): Caller | undefined {
	if (!encrypted) {
		sendCanned(res, 401, notEncrypted);
		return undefined;
	}

	const credentials = basicCredentials(req.headers.authorization ?? '');
	const write = writes.has(req.method ?? '');
	if (credentials === pair(accounts.admin)) {
		return {user: accounts.admin.user, account: 'admin'};
	}

	if (accounts.basic !== undefined && credentials === pair(accounts.basic) && !write) {
		return {user: accounts.basic.user, account: 'basic'};
	}

	sendCanned(res, 401, accessDenied);
	return undefined;
}

/** The account a token's user name stands for, if it is still one of the simulator's. */
function accountOf(accounts: Accounts, user: string | undefined): Caller | undefined {
	if (user !== undefined && user === accounts.admin.user) {
		return {user, account: 'admin'};
	}

	return user !== undefined && user === accounts.basic?.user ? {user, account: 'basic'} : undefined;
}

function pair(account: Account): string {
	return `${account.user}:${account.password}`;
}

function basicCredentials(header: string): string | undefined {
	const m = /^Basic\s+(\S+)\s*$/i.exec(header);
	return m ? Buffer.from(m[1]!, 'base64').toString() : undefined;
}
