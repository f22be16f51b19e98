// A JSON string's bytes (between its quotes, already checked by the scanner) to the
// string JSON.parse would give. UTF-8 is decoded first: escapes are ASCII, so they pass
// through unchanged, and invalid bytes become U+FFFD exactly as when the whole body is
// decoded (a decoder starts afresh at every ASCII byte, and quotes are ASCII).

import type {Buffer} from 'node:buffer';

const simple: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};

/** Resolves the escapes of a checked JSON string body: \uXXXX gives one UTF-16 unit, as in JSON.parse. */
export function unescapeJson(raw: string): string {
	let out = '';
	let from = 0;
	for (let at = raw.indexOf('\\'); at !== -1; at = raw.indexOf('\\', from)) {
		out += raw.slice(from, at);
		const kind = raw[at + 1]!;
		if (kind === 'u') {
			out += String.fromCharCode(Number.parseInt(raw.slice(at + 2, at + 6), 16));
			from = at + 6;
		} else {
			out += simple[kind]!;
			from = at + 2;
		}
	}

	return out + raw.slice(from);
}

// Buffer's own slicers, without toString()'s argument checks: a 100k list decodes ~1M strings.
export type Slicers = {latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string};

export function decodeJsonString(bytes: Buffer, start: number, end: number, escaped: boolean, ascii: boolean): string {
	const slicers = bytes as unknown as Slicers;
	const raw = ascii ? slicers.latin1Slice(start, end) : slicers.utf8Slice(start, end);
	return escaped ? unescapeJson(raw) : raw;
}
