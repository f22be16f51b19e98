// A 3xx answer in one sentence: where it points and what -h to use instead.
// sessiontop never follows one: the Authorization header would go wherever the
// Location says, another host included. The Location is the server's text:
// parsed, stripped of any credentials, sanitized and cut (server-text.ts) to leave
// the -h to use room on the status line.

import {around} from './server-text.js';

/** What was asked: `base` the target's origin and prefix (`http://proxy:80/maxscale`), `path` the request's (`/v1/sessions?…`). */
export type Requested = {base: string; path: string};

const longest = 100;
/** An -h longer than this is not suggested: it would push the rest of the sentence off the status line. */
const longestSuggestion = 60;

/** The -h that reaches what the Location points at, when it is the same call under another origin or prefix. */
function suggestion(url: URL, requested: Requested): string | undefined {
	const call = requested.path.replace(/[?#].*$/, '');
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.pathname.endsWith(call)) {
		return undefined;
	}

	const hosts = `${url.protocol}//${url.host}${url.pathname.slice(0, url.pathname.length - call.length)}`;
	// Pointing back at where it was asked (a redirect that only changes the query) is no advice; nor is an -h cut short.
	return hosts.length > longestSuggestion || hosts.replace(/:(?:80|443)(?=\/|$)/, '') === requested.base.replace(/:(?:80|443)(?=\/|$)/, '') ? undefined : hosts;
}

export function describeRedirect(status: number, location: string | string[] | undefined, host: string, what: string, requested: Requested | undefined): string {
	const raw = (Array.isArray(location) ? location[0] : location)?.trim() ?? '';
	if (raw === '') {
		return `${host} answered ${status}, a redirect to no place it names, to the request for ${what}: point -h at MaxScale's REST API itself (sessiontop does not follow redirects).`;
	}

	let url: URL | undefined;
	try {
		url = new URL(raw, requested === undefined ? undefined : `${requested.base}${requested.path}`);
	} catch {}

	// Shown without credentials, and without the query and fragment: the list's own query is long and says nothing.
	const where = url === undefined ? raw : `${url.protocol}//${url.host}${url.pathname}`;
	const hosts = url === undefined || requested === undefined ? undefined : suggestion(url, requested);
	const advice = hosts === undefined ? "point -h at MaxScale's REST API itself" : `use -h ${hosts}`;
	return around(where, (shown) => `${host} redirects the request for ${what} (${status}) to ${shown}: ${advice} (sessiontop does not follow redirects).`, {most: longest, least: 40});
}
