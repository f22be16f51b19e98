// The detail pane's document as lines of coloured tokens, one per line of the pretty-printed
// JSON (json-wrap.ts wraps them to the pane's width). Pure, so scrolling is arithmetic on an
// array and the view only draws the lines in view.

import {escapeUnseen, head} from './sanitize.js';

export type TokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct' | 'was';
/** `changed` marks a value that differs from the previous poll's document. */
export type Token = {kind: TokenKind; text: string; changed?: boolean};
export type JsonLine = {indent: number; tokens: Token[]};

// JSON.stringify escapes C0 controls, quotes and lone surrogates; what else could act on
// a terminal or hide in it (C1, DEL, bidi marks, a zero-width space) escapeUnseen writes as
// \uXXXX: seen, not hidden, and nothing lost.
export function quote(text: string): string {
	return escapeUnseen(JSON.stringify(text));
}

/**
 * A string's characters the pane shows: a statement of megabytes (`retain_last_statements`
 * keeps a bulk INSERT whole) would be tens of thousands of lines, made again at every
 * refresh. The rest is said, not shown (shownTail).
 */
export const shownChars = 100_000;

function shown(text: string): string {
	return text.length > shownChars ? head(text, shownChars) : text;
}

/** What follows a string cut to shownChars: how much of it is not shown (`of`: of what, if not the value). */
function shownTail(value: unknown, of = ''): Token[] {
	return typeof value === 'string' && value.length > shownChars ? [{kind: 'was', text: `  (${(value.length - shown(value).length).toLocaleString('en-US')} more characters${of} not shown)`}] : [];
}

function scalar(value: unknown): Token {
	if (typeof value === 'string') {
		return {kind: 'string', text: quote(shown(value))};
	}

	if (typeof value === 'number') {
		return {kind: 'number', text: Number.isFinite(value) ? String(value) : 'null'};
	}

	if (typeof value === 'boolean') {
		return {kind: 'boolean', text: String(value)};
	}

	return {kind: 'null', text: 'null'};
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
	return typeof value === 'object' && value !== null;
}

/**
 * A hostile server can nest a document thousands deep; past this depth the rest
 * is shown as one line instead of recursing until the stack runs out.
 */
export const maxDepth = 64;
const tooDeep: Token = {kind: 'null', text: '"… nested too deep to show"'};

/**
 * The lines of a document the pane shows. A session's is a few hundred; a hostile server's
 * of 300,000 keys was 900,000, printed, compared and wrapped again at every refresh: seconds
 * a poll, and keys waiting as long (QA). The rest is said, not shown; `s` saves it whole.
 */
export const shownLines = 20_000;

/** Each scalar of a document by its path (`/data/attributes/idle`), as printed; as many as the pane shows. */
export function scalarsByPath(value: unknown, path = '', out = new Map<string, string>(), depth = 0): Map<string, string> {
	if (out.size >= shownLines) {
		return out;
	}

	if (isContainer(value) && depth < maxDepth) {
		for (const key in value) {
			if (out.size >= shownLines) {
				// Not even the rest of the names: a hostile object may have millions.
				break;
			}

			if (Object.hasOwn(value, key)) {
				scalarsByPath((value as Record<string, unknown>)[key], `${path}/${key}`, out, depth + 1);
			}
		}
	} else {
		out.set(path, scalar(value).text);
	}

	return out;
}

type Walk = {previous: ReadonlyMap<string, string> | undefined; out: JsonLine[]};

function walk(value: unknown, path: string, indent: number, prefix: Token[], comma: boolean, context: Walk): void {
	const {out, previous} = context;
	const tail: Token[] = comma ? [{kind: 'punct', text: ','}] : [];
	if (indent >= maxDepth && isContainer(value)) {
		out.push({indent, tokens: [...prefix, tooDeep, ...tail]});
		return;
	}

	if (!isContainer(value)) {
		const token = scalar(value);
		const before = previous?.get(path);
		if (before !== undefined && before !== token.text) {
			// Changed since the last poll: highlight it and say what it was.
			out.push({indent, tokens: [...prefix, {...token, changed: true}, ...tail, ...shownTail(value), {kind: 'was', text: `  was ${before}`}]});
		} else {
			out.push({indent, tokens: [...prefix, token, ...tail, ...shownTail(value)]});
		}

		return;
	}

	const isArray = Array.isArray(value);
	const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
	const keys = isArray ? undefined : Object.keys(value);
	const count = keys === undefined ? (value as unknown[]).length : keys.length;
	if (count === 0) {
		out.push({indent, tokens: [...prefix, {kind: 'punct', text: open + close}, ...tail]});
		return;
	}

	out.push({indent, tokens: [...prefix, {kind: 'punct', text: open}]});
	// Past the lines shown, the rest is not walked at all (so no walk starts past them).
	for (let index = 0; index < count && out.length <= shownLines; index++) {
		const key = keys?.[index];
		// A name cut to shownChars says so before its value, as a value says it after itself.
		const keyTokens: Token[] =
			key === undefined ? [] : [{kind: 'key', text: quote(shown(key))}, {kind: 'punct', text: ': '}, ...shownTail(key, ' of this name').map((token) => ({...token, text: `${token.text.trimStart()} `}))];
		const item = key === undefined ? (value as unknown[])[index] : (value as Record<string, unknown>)[key];
		walk(item, `${path}/${key ?? index}`, indent + 1, keyTokens, index < count - 1, context);
	}

	out.push({indent, tokens: [{kind: 'punct', text: close}, ...tail]});
}

/**
 * A parsed JSON value as pretty-printed lines (two spaces an indent level). With
 * `previous` (scalarsByPath of the last document), changed values are marked.
 */
export function jsonLines(value: unknown, previous?: ReadonlyMap<string, string>): JsonLine[] {
	const out: JsonLine[] = [];
	walk(value, '', 0, [], false, {previous, out});
	if (out.length > shownLines) {
		out.length = shownLines;
		out.push({indent: 0, tokens: [{kind: 'was', text: `… the rest of the document is not shown (past ${shownLines.toLocaleString('en-US')} lines): s saves it whole`}]});
	}

	return out;
}
