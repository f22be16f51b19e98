// Every string that came from the server is untrusted: a client picks its own user
// name and SQL text lands in `queries`. Anything that could drive the terminal
// (C0/C1 controls, ESC, DEL, bidi overrides, lone surrogates) is replaced before
// it can reach the screen, and so is what a terminal draws as nothing: a zero-width
// space or joiner, a soft hyphen, a byte-order mark would let `ad\u200Bmin` pass for
// `admin` (an emoji joined by ZWJ shows as its parts, with a mark between).

/**
 * What no text from a server may show raw, as a character class of a `u` regular
 * expression: DEL, C1 controls, the line and paragraph separators, every format character
 * (Unicode's Cf: soft hyphen, bidi marks, embeddings, overrides and isolates, zero-width
 * space and (non-)joiners, word joiner, invisible operators, BOM, and the rarer ones a
 * hand-made list had missed: U+206A–206F, U+1BCA0–1BCA3, U+1D173–1D17A…) and the tag
 * characters (invisible, U+E0000–U+E007F). One definition for sanitize(), the pane's and
 * --json's escaping and --tsv's quick test, so that none shows raw what another hides.
 */
const invisibleClass = '\\u007F-\\u009F\\u2028\\u2029\\p{Cf}\\u{E0000}-\\u{E007F}';

/** sanitize()'s class: the C0 controls too, and lone surrogates (in a `u` class a surrogate range matches only an unpaired one). */
export const unsafeClass = `\\u0000-\\u001F${invisibleClass}\\uD800-\\uDFFF`;

const unsafe = new RegExp(`[${unsafeClass}]`, 'gu');

// Printable ASCII is most of every list: only other text is looked at closely.
const quickCheck = /[^\u0020-\u007E]/;

// JSON text: JSON.stringify escapes U+0000–U+001F (and lone surrogates) already. What else
// could act on a terminal or hide in what it shows goes out as \uXXXX too: DEL, the C1
// controls, the line and paragraph separators, every format character (\p{Cf}: the bidi
// marks, zero-width ones, the BOM) and the tag block. They stand only inside strings, so
// the JSON stays valid and parses back to the same text. Most lists are ASCII: one plain
// test (~1 ms a MB) spares them the Unicode one (~7 ms a MB).
const beyondAscii = /[^\u0000-\u007E]/;
// JSON.stringify has escaped the C0 controls and lone surrogates (its pretty form's line breaks are structure).
const unseen = new RegExp(`[${invisibleClass}]`, 'gu');

function escapeUnits(character: string): string {
	let text = '';
	for (let index = 0; index < character.length; index++) {
		text += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
	}

	return text;
}

/** JSON text (JSON.stringify's) with nothing invisible or controlling left raw in it: the pane's and --json's. */
export function escapeUnseen(json: string): string {
	// Past three combining marks on one character ("Zalgo" text: shown() below), the rest as
	// \uXXXX: terminals draw such a pile each their own way, a pane's line of it as blank.
	return beyondAscii.test(json) ? json.replace(unseen, escapeUnits).replace(manyMarks, (_all, kept: string, rest: string) => kept + escapeUnits(rest)) : json;
}

/** Replace every unsafe character with U+FFFD so that tampering stays visible. */
export function sanitize(text: string): string {
	// The fast path matters: this runs on every string of every poll.
	if (!quickCheck.test(text)) {
		return text;
	}

	return text.replace(unsafe, (char) => (char === '\t' ? ' ' : '\uFFFD'));
}

/**
 * The most of a server's text a list shows: a MariaDB user name has at most 128 characters and
 * a host name 255, so only a hostile client sends more. Measuring a cell's width grows faster
 * than its length on text beyond ASCII (string-width: 100,000 characters held the screen for
 * minutes, keys and all), and no column is that wide.
 */
export const longestShown = 512;

// A character with more than three combining marks on it ("Zalgo" text) is drawn by terminals
// each its own way (tmux moved a row's next cells by eight): the first three are kept, the
// rest are one mark of tampering. Vietnamese and the Indic scripts need no more than three.
const manyMarks = /(\p{M}{3})(\p{M}+)/gu;

/** A session's text as the list shows it: sanitized, cut to `longestShown` with an ellipsis, its marks bounded. */
export function shown(text: string): string {
	const safe = sanitize(text.length > longestShown ? `${head(text, longestShown - 1)}…` : text);
	return beyondAscii.test(safe) ? safe.replace(manyMarks, '$1\uFFFD') : safe;
}

/** Where to cut `text` at or before `index` without splitting a surrogate pair (an emoji) in two. */
export function safeCut(text: string, index: number): number {
	if (index <= 0 || index >= text.length) {
		return Math.max(0, Math.min(index, text.length));
	}

	const before = text.charCodeAt(index - 1);
	return before >= 0xd8_00 && before <= 0xdb_ff ? index - 1 : index;
}

/** The first `max` UTF-16 units of `text`, one fewer rather than half an emoji. */
export function head(text: string, max: number): string {
	return text.slice(0, safeCut(text, max));
}

/** The last `max` UTF-16 units of `text`, one fewer rather than half an emoji. */
export function tail(text: string, max: number): string {
	let start = Math.max(0, text.length - max);
	const first = text.charCodeAt(start);
	if (start > 0 && first >= 0xdc_00 && first <= 0xdf_ff) {
		start++;
	}

	return text.slice(start);
}

/**
 * How many terminal cells a text takes. The screen passes Ink's own measure (ui/cell-width.ts:
 * a CJK character or an emoji takes two), so that a wide user name neither pushes a row's
 * next cells out of line nor gets cut by Ink at the edge; UTF-16 units otherwise.
 */
export type Measure = (text: string) => number;
/** UTF-16 units: the measure where no terminal's is given. */
export const units: Measure = (text) => text.length;

/** The longest start of `text` within `cells`, whole characters only. */
export function headCells(text: string, cells: number, measure: Measure): string {
	if (measure === units) {
		return head(text, cells);
	}

	let used = 0;
	let end = 0;
	for (const character of text) {
		used += measure(character);
		if (used > cells) {
			break;
		}

		end += character.length;
	}

	return text.slice(0, end);
}

/** The longest end of `text` within `cells`, whole characters only. */
export function tailCells(text: string, cells: number, measure: Measure): string {
	if (measure === units) {
		return tail(text, cells);
	}

	const characters = [...text];
	let used = 0;
	let start = characters.length;
	while (start > 0 && used + measure(characters[start - 1]!) <= cells) {
		used += measure(characters[--start]!);
	}

	return characters.slice(start).join('');
}

/** Shorten to `max` columns with an ellipsis (strings here are already sanitized). */
export function truncate(text: string, max: number): string {
	if (max <= 0) {
		return '';
	}

	return text.length > max ? `${head(text, Math.max(0, max - 1))}…` : text;
}
