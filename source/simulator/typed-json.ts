// A small JSON parser that keeps jansson's integer/real distinction (JSON.parse cannot: 5.0 and 5
// both become 5). Used for the `filter` value and expression literals, where MaxScale compares with
// json_equal and an integer never equals a real, and by the tests to check value types.
// parsePrefix mirrors jansson's JSON_DISABLE_EOF_CHECK: it reads one value and reports where it
// stopped, which MaxScale's filter-expression parser relies on.

import {type Json, Real} from './jansson.js';

export class JsonSyntaxError extends Error {}

export function parseTyped(text: string): Json {
	const {value, end} = parsePrefix(text);
	if (text.slice(end).trim() !== '') {
		throw new JsonSyntaxError(`Trailing data at ${end}`);
	}

	return value;
}

export function parsePrefix(text: string, start = 0): {value: Json; end: number} {
	let i = start;
	const value = parseValue();
	return {value, end: i};

	function skipWhitespace(): void {
		while (i < text.length && ' \t\r\n'.includes(text[i]!)) {
			i++;
		}
	}

	function fail(what: string): never {
		throw new JsonSyntaxError(`${what} at ${i}`);
	}

	function parseValue(): Json {
		skipWhitespace();
		const ch = text[i];
		if (ch === '{') {
			return parseObject();
		}

		if (ch === '[') {
			return parseArray();
		}

		if (ch === '"') {
			return parseString();
		}

		for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return v;
			}
		}

		const match = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!match) {
			fail('Invalid JSON');
		}

		i += match[0].length;
		const n = Number(match[0]);
		return match[1] !== undefined || match[2] !== undefined ? new Real(n) : n;
	}

	function parseString(): string {
		i++;
		let out = '';
		for (;;) {
			const ch = text[i];
			if (ch === undefined) {
				fail('Unterminated string');
			}

			if (ch === '"') {
				i++;
				return out;
			}

			if (ch === '\\') {
				const esc = text[i + 1];
				const simple: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};
				if (esc === 'u') {
					const hex = text.slice(i + 2, i + 6);
					if (!/^[\da-fA-F]{4}$/.test(hex)) {
						fail('Invalid escape');
					}

					out += String.fromCharCode(Number.parseInt(hex, 16));
					i += 6;
				} else if (esc !== undefined && simple[esc] !== undefined) {
					out += simple[esc];
					i += 2;
				} else {
					fail('Invalid escape');
				}
			} else {
				out += ch;
				i++;
			}
		}
	}

	function parseArray(): Json[] {
		i++;
		const out: Json[] = [];
		skipWhitespace();
		if (text[i] === ']') {
			i++;
			return out;
		}

		for (;;) {
			out.push(parseValue());
			skipWhitespace();
			if (text[i] === ',') {
				i++;
			} else if (text[i] === ']') {
				i++;
				return out;
			} else {
				fail('Expected , or ]');
			}
		}
	}

	function parseObject(): {[key: string]: Json} {
		i++;
		const out: {[key: string]: Json} = {};
		skipWhitespace();
		if (text[i] === '}') {
			i++;
			return out;
		}

		for (;;) {
			skipWhitespace();
			if (text[i] !== '"') {
				fail('Expected key');
			}

			const key = parseString();
			skipWhitespace();
			if (text[i] !== ':') {
				fail('Expected :');
			}

			i++;
			out[key] = parseValue();
			skipWhitespace();
			if (text[i] === ',') {
				i++;
			} else if (text[i] === '}') {
				i++;
				return out;
			} else {
				fail('Expected , or }');
			}
		}
	}
}

/** Jansson's json_equal: same type and value; object member order does not matter. */
export function jsonEqual(a: Json, b: Json): boolean {
	if (a instanceof Real || b instanceof Real) {
		return a instanceof Real && b instanceof Real && a.value === b.value;
	}

	if (Array.isArray(a) || Array.isArray(b)) {
		return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]!));
	}

	if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
		const ka = Object.keys(a);
		return ka.length === Object.keys(b).length && ka.every(k => k in b && jsonEqual(a[k]!, b[k]!));
	}

	return a === b;
}
