// The `filter` request parameter. Up to 23.02 it is filter=<json pointer>=<JSON value>, kept rows
// being those whose value at the pointer is json_equal to it (an unparsable value filters
// nothing). 24.02 also accepts expressions: eq() ne() lt() le() gt() ge() with a JSON literal,
// and() or() not() of sub-expressions, e.g. filter=/id=and(ge("50"),le("100")). This follows
// server/core/httpresponse.cc (MatcherParser) including its quirks: no blanks between
// sub-expressions, ordering only between equal types, and le/ge written as lt(a,b) || !lt(b,a),
// so le() and ge() are TRUE when the types differ. Only collections are filtered.

import type {Json} from './jansson.js';
import {Real} from './jansson.js';
import {jsonEqual, parsePrefix, parseTyped} from './typed-json.js';

export type Matcher = (value: Json) => boolean;
export type RowFilter = {pointer: string; match: Matcher};

export class FilterError extends Error {}

/** undefined: no filtering. Throws FilterError for an invalid 24.02 expression. */
export function parseFilter(raw: string | undefined, mode: 'none' | 'json' | 'expression'): RowFilter | undefined {
	if (raw === undefined || mode === 'none') {
		return undefined;
	}

	const eq = raw.indexOf('=');
	if (eq < 0) {
		return undefined;
	}

	const pointer = raw.slice(0, eq);
	const value = raw.slice(eq + 1);
	let literal: Json | undefined;
	try {
		literal = parseTyped(value);
	} catch {
		literal = undefined;
	}

	if (literal !== undefined) {
		const wanted = literal;
		return {pointer, match: v => jsonEqual(v, wanted)};
	}

	if (mode === 'json') {
		return undefined;
	}

	return {pointer, match: new ExpressionParser(value).parse()};
}

function lt(a: Json, b: Json): boolean {
	if (typeof a === 'string' && typeof b === 'string') {
		return a < b;
	}

	if (typeof a === 'number' && typeof b === 'number') {
		return a < b;
	}

	if (a instanceof Real && b instanceof Real) {
		return a.value < b.value;
	}

	return false;
}

const comparisons: Record<string, (s: Json, v: Json) => boolean> = {
	eq: (s, v) => jsonEqual(s, v),
	ne: (s, v) => !jsonEqual(s, v),
	lt: (s, v) => lt(s, v),
	gt: (s, v) => lt(v, s),
	le: (s, v) => lt(s, v) || !lt(v, s),
	ge: (s, v) => lt(v, s) || !lt(s, v),
};

class ExpressionParser {
	private rest: string;
	private readonly whole: string;

	constructor(text: string) {
		this.rest = text;
		this.whole = text;
	}

	parse(): Matcher {
		const m = this.expr();
		if (this.rest !== '') {
			throw new FilterError(`Unexpected trailing data: ${this.rest}`);
		}

		return m;
	}

	private expr(): Matcher {
		if (this.rest === '') {
			throw new FilterError('Empty filter expression');
		}

		// Same order as MatcherParser::parse_expr.
		for (const op of ['eq', 'ne', 'lt', 'gt', 'le', 'ge']) {
			if (this.tryConsume(op)) {
				const compare = comparisons[op]!;
				this.consume('(');
				const literal = this.json();
				this.consume(')');
				return s => compare(s, literal);
			}
		}

		for (const op of ['and', 'or', 'not'] as const) {
			if (this.tryConsume(op)) {
				const subs: Matcher[] = [];
				this.consume('(');
				do {
					subs.push(this.expr());
				} while (this.tryConsume(','));
				this.consume(')');
				if (op === 'and') {
					return s => subs.every(m => m(s));
				}

				return op === 'or' ? s => subs.some(m => m(s)) : s => !subs.some(m => m(s));
			}
		}

		throw new FilterError(`Not a valid filter expression: ${this.rest}`);
	}

	private json(): Json {
		try {
			const {value, end} = parsePrefix(this.rest);
			this.rest = this.rest.slice(end);
			return value;
		} catch {
			throw new FilterError(`Invalid JSON: ${this.rest}`);
		}
	}

	private tryConsume(token: string): boolean {
		if (this.rest.startsWith(token)) {
			this.rest = this.rest.slice(token.length);
			return true;
		}

		return false;
	}

	private consume(token: string): void {
		const got = this.rest.slice(0, token.length);
		if (got !== token) {
			throw new FilterError(`Expected '${token}', got '${got}' in '${this.whole}'`);
		}

		this.rest = this.rest.slice(token.length);
	}
}
