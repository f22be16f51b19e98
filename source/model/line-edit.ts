// The filter prompt's line editing, with the keys a shell (readline) has taught an operator's
// fingers. Pure functions of the text and the cursor: a UTF-16 offset into the text that
// always sits between two characters as drawn (grapheme clusters: `é`, `🚀`, a flag), so
// ← and Backspace never leave half an emoji behind. Words are runs of non-spaces, as for
// bash's Ctrl-W: a filter's terms (`user:app`, `idle>60`).

export type Line = {text: string; cursor: number};

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
/** Text in which each UTF-16 unit is a character of its own (below U+0300, where combining marks start). */
const simple = /^[\u0020-\u007E\u00A0-\u02FF]*$/;

/** Where the characters of `text` start, then its length: every place the cursor may be. */
export function boundaries(text: string): number[] {
	if (simple.test(text)) {
		return Array.from({length: text.length + 1}, (_, index) => index);
	}

	const starts = Array.from(segmenter.segment(text), (segment) => segment.index);
	starts.push(text.length);
	return starts;
}

/** `cursor` within the text and on a character's edge (the next one, if it fell inside one). */
export function clampCursor(text: string, cursor: number): number {
	const within = Math.max(0, Math.min(text.length, Math.trunc(cursor) || 0));
	return boundaries(text).find((edge) => edge >= within) ?? text.length;
}

function before(line: Line): number {
	return boundaries(line.text).findLast((edge) => edge < line.cursor) ?? 0;
}

function after(line: Line): number {
	return boundaries(line.text).find((edge) => edge > line.cursor) ?? line.text.length;
}

/** Where the word before the cursor starts (the spaces between them skipped), as Alt-← and Ctrl-W see it. */
function wordStart({text, cursor}: Line): number {
	return text.slice(0, cursor).search(/\S*\s*$/);
}

/** Where the word after the cursor ends (the spaces before it skipped), as Alt-→ sees it. */
function wordEnd({text, cursor}: Line): number {
	return clampCursor(text, cursor + (/^\s*\S*/.exec(text.slice(cursor))?.[0].length ?? 0));
}

const moveTo = (line: Line, cursor: number): Line => ({text: line.text, cursor: clampCursor(line.text, cursor)});

/** The text from `start` to `end` taken out; the cursor where it was. */
function cut(line: Line, start: number, end: number): Line {
	return start >= end ? line : {text: line.text.slice(0, start) + line.text.slice(end), cursor: start};
}

/** What a paste puts on the line: its line breaks and tabs as spaces, no other control characters. */
export function pastedText(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replaceAll(/\r\n|[\r\n\t]/g, ' ').replaceAll(/[\u0000-\u001F\u007F-\u009F]/g, '');
}

/**
 * `input` (a key, or a paste of several) typed at the cursor, the cursor after it; what would
 * take the line past `maxLength` is left out (whole characters), and `cut` says so.
 */
export function insert(line: Line, input: string, maxLength = Number.POSITIVE_INFINITY): Line & {cut?: true} {
	const room = Math.max(0, maxLength - line.text.length);
	const fits = input.length <= room ? input : input.slice(0, boundaries(input).findLast((edge) => edge <= room) ?? 0);
	const text = line.text.slice(0, line.cursor) + fits + line.text.slice(line.cursor);
	const edited = {text, cursor: clampCursor(text, line.cursor + fits.length)};
	return fits.length < input.length ? {...edited, cut: true} : edited;
}

/** What each named key does to the line. */
const edits: Record<string, (line: Line) => Line> = {
	left: (line) => moveTo(line, before(line)),
	'ctrl+b': (line) => moveTo(line, before(line)),
	right: (line) => moveTo(line, after(line)),
	'ctrl+f': (line) => moveTo(line, after(line)),
	home: (line) => moveTo(line, 0),
	'ctrl+a': (line) => moveTo(line, 0),
	end: (line) => moveTo(line, line.text.length),
	'ctrl+e': (line) => moveTo(line, line.text.length),
	// By word: xterm sends Alt-← and Ctrl-← as modified arrows, macOS's Option-← as Alt-b.
	'alt+left': (line) => moveTo(line, wordStart(line)),
	'ctrl+left': (line) => moveTo(line, wordStart(line)),
	'alt+b': (line) => moveTo(line, wordStart(line)),
	'alt+right': (line) => moveTo(line, wordEnd(line)),
	'ctrl+right': (line) => moveTo(line, wordEnd(line)),
	'alt+f': (line) => moveTo(line, wordEnd(line)),
	// Backspace the character before the cursor; Delete (and Ctrl-D) the one under it.
	backspace: (line) => cut(line, before(line), line.cursor),
	delete: (line) => cut(line, line.cursor, after(line)),
	'ctrl+d': (line) => cut(line, line.cursor, after(line)),
	// The word before the cursor (with the spaces after it), the line's start, its end.
	'ctrl+w': (line) => cut(line, wordStart(line), line.cursor),
	// Alt-Backspace as in readline and shells; Alt-d the word from the cursor on.
	'alt+backspace': (line) => cut(line, wordStart(line), line.cursor),
	'alt+d': (line) => cut(line, line.cursor, wordEnd(line)),
	'ctrl+u': (line) => cut(line, 0, line.cursor),
	'ctrl+k': (line) => cut(line, line.cursor, line.text.length),
};

/**
 * A key pressed at the prompt: the line it leaves, or undefined for a key that does not
 * edit (Enter, Esc, ↑ ↓ and the rest are the prompt's to handle). `name` as ui/key-names.ts
 * names keys; text typed has none, a paste is named `paste` (its line breaks become spaces:
 * a paste never ends the prompt). Text past `maxLength` is left out (`cut`).
 */
export function editLine(line: Line, input: string, name: string | undefined, maxLength?: number): (Line & {cut?: true}) | undefined {
	const at = {text: line.text, cursor: clampCursor(line.text, line.cursor)};
	if (name === undefined || name === 'paste' || name === 'space') {
		const text = name === 'paste' ? pastedText(input) : name === 'space' ? ' ' : input;
		return text.length > 0 ? insert(at, text, maxLength) : undefined;
	}

	return Object.hasOwn(edits, name) ? edits[name]!(at) : undefined;
}
