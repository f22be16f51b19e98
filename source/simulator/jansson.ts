// Byte-for-byte imitation of what MaxScale's JSON library (jansson) prints, because clients and
// tests compare against real output and JSON.stringify differs in three ways:
// - reals are printed with "%.17g" and get ".0" appended when they look like integers
//   (62.899999999999999, 0.10000000000000001, 0.0); the exponent loses its "+" and leading zeros;
// - pretty output is JSON_INDENT(4): '"key": value', one member per line, empty containers as
//   [] and {};
// - compact output (pretty=false where admin.cc adds JSON_COMPACT) has no spaces at all;
// - without JSON_COMPACT or an indent (pretty=false where admin.cc passes flags 0 or
//   JSON_SORT_KEYS alone, see versions.ts) jansson's dump.c still writes ", " between members and
//   ": " after a key: {"data": [{"attributes": {...}}], "links": {...}}. That layout is 'spaced'.
// A JS number is always printed as an integer here; a jansson real must be wrapped in Real so the
// integer/real distinction (which jansson keeps, e.g. in json_equal) survives.

export class Real {
	readonly value: number;
	constructor(value: number) {
		this.value = value;
	}
}

export type Json = string | number | boolean | Real | null | Json[] | {[key: string]: Json};

/** pretty: JSON_INDENT(4); compact: JSON_COMPACT; spaced: neither (jansson's default separators). */
export type Layout = 'pretty' | 'compact' | 'spaced';

/** Formatting context: precomputed newline+indent strings per depth. */
export type Fmt = {
	layout: Layout;
	/** Indented (JSON_INDENT(4)). */
	pretty: boolean;
	/** '": ' or '":' — what follows a key's opening quote and name. */
	colon: string;
	/** ': ' or ':' — what follows a complete quoted key. */
	separator: string;
	/** nl[d] is what goes before a member at depth d ('' when compact). */
	nl: string[];
	/** open[d] = '{' + nl[d + 1]: starts a non-empty object at depth d. */
	open: string[];
	/** openArray[d] = '[' + nl[d + 1]. */
	openArray: string[];
	/** next[d] = ',' + nl[d + 1]: between members of a container at depth d. */
	next: string[];
	/** close[d] = nl[d] + '}' and closeArray[d] = nl[d] + ']'. */
	close: string[];
	closeArray: string[];
};

const fmtCache = new Map<Layout, Fmt>();

/** A layout; true and false stand for 'pretty' and 'compact'. */
function layoutOf(layout: Layout | boolean): Layout {
	return layout === true ? 'pretty' : layout === false ? 'compact' : layout;
}

export function fmt(layout: Layout | boolean): Fmt {
	const name = layoutOf(layout);
	let f = fmtCache.get(name);
	if (!f) {
		const pretty = name === 'pretty';
		const nl: string[] = [];
		for (let d = 0; d < 64; d++) {
			nl.push(pretty ? '\n' + ' '.repeat(4 * d) : '');
		}

		const at = (d: number): string => nl[d] ?? '';
		const depths = nl.map((_, d) => d);
		// dump.c: after ',' comes the indent, or one space unless JSON_COMPACT; ': ' after a key
		// unless JSON_COMPACT. Nothing is written after '{' or '[' nor before '}' or ']'.
		const comma = name === 'spaced' ? ', ' : ',';
		f = {
			layout: name,
			pretty,
			colon: name === 'compact' ? '":' : '": ',
			separator: name === 'compact' ? ':' : ': ',
			nl,
			open: depths.map(d => '{' + at(d + 1)),
			openArray: depths.map(d => '[' + at(d + 1)),
			next: depths.map(d => comma + at(d + 1)),
			close: depths.map(d => at(d) + '}'),
			closeArray: depths.map(d => at(d) + ']'),
		};
		fmtCache.set(name, f);
	}

	return f;
}

/** C printf("%.17g") followed by jansson's touch-ups (".0" suffix, exponent clean-up). */
export function formatReal(x: number): string {
	if (!Number.isFinite(x)) {
		// Jansson refuses to encode these; MaxScale never produces them.
		throw new RangeError(`jansson cannot encode ${x}`);
	}

	if (x === 0) {
		return Object.is(x, -0) ? '-0.0' : '0.0';
	}

	const ax = Math.abs(x);
	let out: string;
	if (ax >= 1e-4 && ax < 1e17) {
		// In this range both %.17g and toPrecision(17) use plain notation with 17 significant
		// digits, rounded from the exact binary value; %g then drops trailing zeros.
		out = x.toPrecision(17);
		if (out.includes('.')) {
			let end = out.length;
			while (out.charCodeAt(end - 1) === 48) {
				end--;
			}

			if (out.charCodeAt(end - 1) === 46) {
				end--;
			}

			out = out.slice(0, end);
		}
	} else {
		// Exponential notation: rebuild %g's layout from the 17 digits of toExponential(16).
		const exp = x.toExponential(16);
		const ePos = exp.indexOf('e');
		const mantissa = exp.slice(0, ePos).replace(/0+$/, '').replace(/\.$/, '');
		const exponent = Number(exp.slice(ePos + 1));
		// Printf would write e+21 / e-07; jansson strips the '+' and the leading zeros.
		out = mantissa + 'e' + String(exponent);
	}

	if (!out.includes('.') && !out.includes('e')) {
		out += '.0';
	}

	return out;
}

// Jansson escapes '"', '\\', and control characters (short forms where JSON has them, otherwise
// \u00XX with upper-case hex); '/' and non-ASCII are written as they are.
// eslint-disable-next-line no-control-regex
const needsEscape = /["\\\u0000-\u001F]/;
// eslint-disable-next-line no-control-regex
const escapeAll = /["\\\u0000-\u001F]/g;
const shortEscapes: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
};

export function quote(s: string): string {
	if (!needsEscape.test(s)) {
		return '"' + s + '"';
	}

	return '"' + s.replace(escapeAll, ch => shortEscapes[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')) + '"';
}

// Member names come from a small set: quote each once, and note which need the byte-wise sort.
const quotedKeys = new Map<string, string>();
function quoteKey(key: string): string {
	let q = quotedKeys.get(key);
	if (q === undefined) {
		q = quote(key);
		if (quotedKeys.size < 10_000) {
			quotedKeys.set(key, q);
		}
	}

	return q;
}

// Keys already checked for surrogates (member names repeat from a small set).
const plainKeys = new Set<string>();

function sortMembers(keys: string[]): void {
	let sorted = true;
	let plain = true;
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i]!;
		if (i > 0 && keys[i - 1]! > key) {
			sorted = false;
		}

		if (!plainKeys.has(key)) {
			if (surrogate.test(key)) {
				plain = false;
			} else if (plainKeys.size < 10_000) {
				plainKeys.add(key);
			}
		}
	}

	// Comparing UTF-16 code units gives the byte order unless a surrogate pair is involved.
	if (!plain) {
		keys.sort(compareKeys);
	} else if (!sorted) {
		keys.sort();
	}
}

/**
 * Jansson's key order with JSON_SORT_KEYS: strcmp on the UTF-8 bytes. Comparing UTF-16 code
 * units gives the same order except around surrogate pairs, so only those pay for a byte compare.
 */
export function compareKeys(a: string, b: string): number {
	if (a === b) {
		return 0;
	}

	if (surrogate.test(a) || surrogate.test(b)) {
		return Buffer.compare(Buffer.from(a), Buffer.from(b));
	}

	return a < b ? -1 : 1;
}

const surrogate = /[\uD800-\uDFFF]/;

/**
 * Serialise any Json value. `depth` is the indentation level the value itself starts at, so a
 * fragment can be spliced into a larger document. With sortKeys (MaxScale 2.5+) members are
 * sorted; without it (2.2) the object's own insertion order is kept, as that jansson did.
 */
export function serialize(value: Json, layout: Layout | boolean, sortKeys: boolean, depth = 0): string {
	const out = {text: ''};
	writeValue(out, value, fmt(layout), sortKeys, depth);
	return out.text;
}

function writeValue(out: {text: string}, v: Json, f: Fmt, sortKeys: boolean, d: number): void {
	if (v === null) {
		out.text += 'null';
	} else if (typeof v === 'string') {
		out.text += quote(v);
	} else if (typeof v === 'number') {
		out.text += Number.isInteger(v) ? String(v) : formatReal(v);
	} else if (typeof v === 'boolean') {
		out.text += v ? 'true' : 'false';
	} else if (v instanceof Real) {
		out.text += formatReal(v.value);
	} else if (Array.isArray(v)) {
		if (v.length === 0) {
			out.text += '[]';
			return;
		}

		out.text += f.openArray[d]!;
		for (let i = 0; i < v.length; i++) {
			if (i > 0) {
				out.text += f.next[d]!;
			}

			writeValue(out, v[i]!, f, sortKeys, d + 1);
		}

		out.text += f.closeArray[d]!;
	} else {
		const keys = Object.keys(v);
		if (keys.length === 0) {
			out.text += '{}';
			return;
		}

		if (sortKeys) {
			sortMembers(keys);
		}

		out.text += f.open[d]!;
		for (let i = 0; i < keys.length; i++) {
			const key = keys[i]!;
			out.text += (i > 0 ? f.next[d]! : '') + quoteKey(key) + f.separator;
			writeValue(out, v[key]!, f, sortKeys, d + 1);
		}

		out.text += f.close[d]!;
	}
}

/** MaxScale's mxs_json_error() document: {"errors": [{"detail": "..."}]}. */
export function errorDocument(detail: string): Json {
	return {errors: [{detail}]};
}
