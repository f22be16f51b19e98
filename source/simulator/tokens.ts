// The JSON Web Tokens of GET /v1/auth (2.5+), shaped as the documentation's examples are
// (fixtures v2.5-auth-token-response.json, v24-auth-token-response.json):
// - header {"alg":"HS256"}, payload keys sorted, no spaces, base64url without padding;
// - payload {"aud", "exp", "iat", "iss":"maxscale"} in 2.5; 24.02's adds "account" and "sub";
// - exp - iat is 28800 in both: a token lasts 8 hours.
// Both examples are for the user "admin", so which claim carries the user and which the account
// type cannot be told apart there: aud and sub carry the user name here, account the type.
// The key is random per simulator, as a restarted MaxScale's is: its tokens do not outlive it.

import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';

/** Seconds between iat and exp in both documented tokens. */
export const tokenLifetime = 28_800;

export type TokenClaims = {user: string; account: 'admin' | 'basic'};

export type Tokens = {
	issue(claims: TokenClaims, nowMs: number): string;
	/** The user a token was issued to, or undefined for a token this simulator did not issue or that expired. */
	verify(token: string, nowMs: number): string | undefined;
};

const header = base64url('{"alg":"HS256"}');

/** withAccount: the 24.02 payload (account, sub); otherwise 2.5's. */
export function createTokens(withAccount: boolean): Tokens {
	const key = randomBytes(32);
	const sign = (data: string): Buffer => createHmac('sha256', key).update(data).digest();
	return {
		issue({user, account}, nowMs) {
			const iat = Math.floor(nowMs / 1000);
			// Keys in sorted order, as the documented tokens have them.
			const payload = withAccount
				? {account, aud: user, exp: iat + tokenLifetime, iat, iss: 'maxscale', sub: user}
				: {aud: user, exp: iat + tokenLifetime, iat, iss: 'maxscale'};
			const data = `${header}.${base64url(JSON.stringify(payload))}`;
			return `${data}.${sign(data).toString('base64url')}`;
		},
		verify(token, nowMs) {
			const parts = token.split('.');
			if (parts.length !== 3 || parts[0] !== header) {
				return undefined;
			}

			const signature = Buffer.from(parts[2]!, 'base64url');
			const expected = sign(`${parts[0]}.${parts[1]!}`);
			if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
				return undefined;
			}

			const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as {aud: string; exp: number};
			// RFC 7519: exp is the time on or after which the token must not be accepted.
			return Math.floor(nowMs / 1000) < payload.exp ? payload.aud : undefined;
		},
	};
}

function base64url(text: string): string {
	return Buffer.from(text).toString('base64url');
}
