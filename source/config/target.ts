// `-h/--hosts` entries as maxctrl takes them (`host:port`, default port 8989), and
// full `http(s)://` URLs too. IPv6 goes in brackets: `[::1]:8989`.

import type {Target} from '../api/client.js';

export const defaultHost = '127.0.0.1:8989';

/** The entry as it may be quoted back: never with the `user:password@` part someone put in it. */
function shown(text: string): string {
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
		return `"${shown(trimmed)}" is not a host:port or an http(s) URL: use e.g. 127.0.0.1:8989.`;
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return `"${shown(trimmed)}" uses ${url.protocol.slice(0, -1)}; MaxScale's REST API speaks http or https.`;
	}

	if (url.username !== '' || url.password !== '') {
		return 'put credentials in --user and --password (or the environment), not in the host URL.';
	}

	const port = url.port === '' ? (hasScheme ? (url.protocol === 'https:' ? '443' : '80') : '8989') : url.port;
	const origin = `${url.protocol}//${url.hostname}:${port}`;
	return {origin, label: `${url.hostname}:${port}`};
}

/** Whether any host speaks https (only then are TLS files read and node:tls loaded). */
export function usesHttps(targets: readonly Target[]): boolean {
	return targets.some((target) => target.origin.startsWith('https:'));
}
