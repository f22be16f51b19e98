// The detail pane's document as display lines of coloured tokens, wrapped to the
// pane's width. Pure, so scrolling is arithmetic on an array and the view only
// draws the lines in view.

import {safeCut} from './sanitize.js';

export type TokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct' | 'was';
/** `changed` marks a value that differs from the previous poll's document. */
export type Token = {kind: TokenKind; text: string; changed?: boolean};
export type JsonLine = {indent: number; tokens: Token[]};

// JSON.stringify escapes C0 controls, quotes and lone surrogates; it leaves C1
// controls, DEL and bidi overrides raw, so those are escaped here as \uXXXX.
// eslint-disable-next-line no-control-regex
const leftUnsafe = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function quote(text: string): string {
	return JSON.stringify(text).replace(leftUnsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalar(value: unknown): Token {
	if (typeof value === 'string') {
		return {kind: 'string', text: quote(value)};
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

/** Each scalar of a document by its path (`/data/attributes/idle`), as printed. */
export function scalarsByPath(value: unknown, path = '', out = new Map<string, string>(), depth = 0): Map<string, string> {
	if (isContainer(value) && depth < maxDepth) {
		for (const [key, item] of Object.entries(value)) {
			scalarsByPath(item, `${path}/${key}`, out, depth + 1);
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
			out.push({indent, tokens: [...prefix, {...token, changed: true}, ...tail, {kind: 'was', text: `  was ${before}`}]});
		} else {
			out.push({indent, tokens: [...prefix, token, ...tail]});
		}

		return;
	}

	const isArray = Array.isArray(value);
	const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
	const entries: Array<[string | undefined, unknown]> = isArray
		? value.map((item) => [undefined, item])
		: Object.entries(value);
	if (entries.length === 0) {
		out.push({indent, tokens: [...prefix, {kind: 'punct', text: open + close}, ...tail]});
		return;
	}

	out.push({indent, tokens: [...prefix, {kind: 'punct', text: open}]});
	entries.forEach(([key, item], index) => {
		const keyTokens: Token[] =
			key === undefined ? [] : [{kind: 'key', text: quote(key)}, {kind: 'punct', text: ': '}];
		walk(item, `${path}/${key ?? index}`, indent + 1, keyTokens, index < entries.length - 1, context);
	});
	out.push({indent, tokens: [{kind: 'punct', text: close}, ...tail]});
}

/**
 * A parsed JSON value as pretty-printed lines (two spaces an indent level). With
 * `previous` (scalarsByPath of the last document), changed values are marked.
 */
export function jsonLines(value: unknown, previous?: ReadonlyMap<string, string>): JsonLine[] {
	const out: JsonLine[] = [];
	walk(value, '', 0, [], false, {previous, out});
	return out;
}

export type DisplayLine = {tokens: Token[]};

/** Wrap lines to `width` columns; continuation lines keep the indent plus two spaces. */
export function wrapLines(lines: readonly JsonLine[], width: number): DisplayLine[] {
	const out: DisplayLine[] = [];
	const usable = Math.max(8, width);
	for (const line of lines) {
		const lead = Math.min(line.indent * 2, Math.floor(usable / 2));
		let current: Token[] = [{kind: 'punct', text: ' '.repeat(lead)}];
		let used = lead;
		for (const token of line.tokens) {
			let text = token.text;
			while (used + text.length > usable) {
				// Never split an emoji's surrogate pair across two lines.
				const room = safeCut(text, usable - used);
				if (room > 0) {
					current.push({...token, text: text.slice(0, room)});
					text = text.slice(room);
				}

				out.push({tokens: current});
				const cont = Math.min(lead + 2, usable - 4);
				current = [{kind: 'punct', text: ' '.repeat(cont)}];
				used = cont;
			}

			if (text.length > 0) {
				current.push({...token, text});
				used += text.length;
			}
		}

		out.push({tokens: current});
	}

	return out;
}
