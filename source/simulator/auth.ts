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
// - 2.5+: "Authorization: Bearer ..." is a token. The simulator issues none, so every token fails
//   as a bad one does: send_token_auth_error(), 401 "Access denied" without a challenge.
//   2.2 knew no tokens: such a header is just not Basic, and gets the Basic 401.

import type {IncomingMessage, ServerResponse} from 'node:http';
import {accessDenied, sendCanned} from './http-reply.js';
import type {VersionCaps} from './versions.js';

export type Accounts = {
	/** "user:password" of the admin account. */
	admin: string;
	/** "user:password" of the read-only (basic) account, if there is one. */
	basic: string | undefined;
};

/** The methods admin.cc treats as writes: a basic user may not send them, and MaxScale waits for their bodies. */
export const writes: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** True when the request may go on; otherwise the 401 has been sent. */
export function authorize(caps: VersionCaps, accounts: Accounts, req: IncomingMessage, res: ServerResponse): boolean {
	const header = req.headers.authorization ?? '';
	if (caps.http.bearerTokens && header.startsWith('Bearer ')) {
		sendCanned(res, 401, accessDenied);
		return false;
	}

	const credentials = basicCredentials(header);
	const admin = credentials === accounts.admin;
	const basic = !admin && accounts.basic !== undefined && credentials === accounts.basic;
	if (admin || (basic && !writes.has(req.method ?? ''))) {
		return true;
	}

	const xhr = caps.http.xhrNoChallenge && (req.headers['x-requested-with'] ?? '').toString().toLowerCase() === 'xmlhttprequest';
	sendCanned(res, 401, accessDenied, xhr ? {} : {'WWW-Authenticate': 'Basic realm="maxscale"'});
	return false;
}

function basicCredentials(header: string): string | undefined {
	const m = /^Basic\s+(\S+)\s*$/i.exec(header);
	return m ? Buffer.from(m[1]!, 'base64').toString() : undefined;
}
