// Small caches for text that repeats across sessions and requests.

import {formatReal, quote} from './jansson.js';

// Catalog strings (users, hosts, services, SQL) repeat across sessions: quote each once.
const quoted = new Map<string, string>();
export function q(s: string): string {
	let out = quoted.get(s);
	if (out === undefined) {
		out = quote(s);
		if (quoted.size < 10_000) {
			quoted.set(s, out);
		}
	}

	return out;
}

// idle moves in 0.1 s steps, so its text repeats a lot: cache it by tenths of a second.
const idleTexts: string[] = [];
export function idleText(seconds: number): string {
	const tenths = Math.round(seconds * 10);
	if (tenths >= 864_000) {
		return formatReal(seconds);
	}

	return (idleTexts[tenths] ??= formatReal(seconds));
}
