// `-h/--hosts` entries as maxctrl takes them (`host:port`, default port 8989), and
// full `http(s)://` URLs too. IPv6 goes in brackets: `[::1]:8989`. A path after the
// port (`http://proxy:80/maxscale/`) is a reverse proxy's prefix, kept before every
// request's `/v1/…` as maxctrl keeps it (it joins host, `/v1/` and the resource).

import type {Target} from '../api/client.js';

export const defaultHost = '127.0.0.1:8989';

const credentialsInEntry = 'put credentials in --user and --password (or the environment), not in the host URL.';

/**
 * The entry as it may be quoted back: never with the `user:password@` part someone put in it.
 * Everything up to the last `@` goes, wherever it stands: a password may hold any character.
 */
function withoutCredentials(text: string): string {
	return text.replace(/^([a-z][a-z\d+.-]*:\/\/)?.*@/i, (_match, scheme: string | undefined) => `${scheme ?? ''}…@`);
}

export function parseTarget(text: string, secure: boolean): Target | string {
	const trimmed = text.trim();
	if (trimmed === '') {
		return 'an empty host was given: use host:port, e.g. 127.0.0.1:8989.';
	}

	const hasScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed);
	let url: URL;
	try {
		url = new URL(hasScheme ? trimmed : `${secure ? 'https' : 'http'}://${trimmed}`);
	} catch {
		return `"${withoutCredentials(trimmed)}" is not a host:port or an http(s) URL: use e.g. 127.0.0.1:8989.`;
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return `"${withoutCredentials(trimmed)}" uses ${url.protocol.slice(0, -1)}; MaxScale's REST API speaks http or https.`;
	}

	if (url.username !== '' || url.password !== '') {
		return credentialsInEntry;
	}

	// sessiontop writes each request's own query (`?pretty=false&fields…`): one in the entry
	// would be dropped or garble it. `?` and `#` are looked for in the text too, since
	// URL leaves search and hash empty for a bare `?` or `#`.
	const cut = trimmed.search(/[?#]/);
	// An `@` after the cut may end credentials that hold a `?` or `#` (`admin:12?34@mx`, which
	// URL reads as host admin, port 12): what comes before the cut is then the user and a part
	// of the password, and no quote of it is safe.
	if (cut !== -1 && trimmed.includes('@')) {
		return credentialsInEntry;
	}

	if (cut !== -1) {
		return `"${withoutCredentials(trimmed.slice(0, cut))}${trimmed[cut]}…": a host takes no query or fragment (sessiontop writes each request's own): leave out the ${trimmed[cut]} and what follows it.`;
	}

	// URL takes port 0, which no server listens on: the request would be refused as if MaxScale
	// were down, exit 1, where a port over 65535 is a mistake in the entry, exit 2 (QA).
	if (url.port === '0') {
		return `"${withoutCredentials(trimmed)}" names port 0, which no server listens on: use MaxScale's admin_port, e.g. 127.0.0.1:8989.`;
	}

	const port = url.port === '' ? (hasScheme ? (url.protocol === 'https:' ? '443' : '80') : '8989') : url.port;
	const origin = `${url.protocol}//${url.hostname}:${port}`;
	// `/maxscale/` and `/maxscale` are one prefix; `/` is none. The pathname is percent-encoded, so
	// no control character can reach a label.
	const pathPrefix = url.pathname.replace(/\/+$/, '');
	// The label carries the prefix: two MaxScales behind one proxy (`/mx1/`, `/mx2/`) share
	// host:port, and the screen and the recordings tell MaxScales apart by their labels.
	return pathPrefix === '' ? {origin, label: `${url.hostname}:${port}`} : {origin, label: `${url.hostname}:${port}${pathPrefix}`, pathPrefix};
}

/** Two entries are one MaxScale when they reach the same origin and prefix (`a` and `a:8989`). */
export function sameMaxScale(a: Target, b: Target): boolean {
	return a.origin === b.origin && (a.pathPrefix ?? '') === (b.pathPrefix ?? '');
}

/** Whether any host speaks https (only then are TLS files read and node:tls loaded). */
export function usesHttps(targets: readonly Target[]): boolean {
	return targets.some((target) => target.origin.startsWith('https:'));
}
