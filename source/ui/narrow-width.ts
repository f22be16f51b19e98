// The terminal width of a line without Intl.Segmenter, when that is exact.
//
// string-width (Ink's measure of every text, and its Output's of every character)
// segments any line that is not pure ASCII into graphemes and runs four Unicode
// property regexes on each: ~1 ms for one line of 160. The monitor's lines are
// ASCII plus a few symbols (… · ▶ ▸ ▲ ─ │ ▁█ ›), and a truncated cell ends in
// "…", so after a poll most rows of the list took that path: about a third of a
// frame (issue 6). Those symbols are in blocks that hold no combining mark, no
// joiner, no variation selector and no Hangul jamo, so each is a grapheme of its
// own and the line's width is the sum of its characters' widths, each asked of
// string-width once. A line with anything else (or a control character) answers
// -1 and the caller asks string-width, as before.
//
// These functions are copied into Ink's files as text (source/ui/ink-output-code.ts),
// so they use nothing but their arguments.

/**
 * True for a UTF-16 code unit that is always a grapheme of its own and never
 * joins its neighbours: printable ASCII, Latin-1 to the spacing modifier letters,
 * general punctuation without its format and separator characters, super- and
 * subscripts and currency, and U+2100–U+2BFF (letterlike to miscellaneous
 * symbols and arrows: arrows, box drawing, blocks, shapes, dingbats, braille).
 */
export function isLoneGrapheme(code: number): boolean {
	return (
		(code >= 0x20 && code < 0x7f) ||
		(code >= 0xa0 && code < 0x3_00) ||
		(code >= 0x20_10 && code < 0x20_28) ||
		(code >= 0x20_30 && code < 0x20_5f) ||
		(code >= 0x20_70 && code < 0x20_d0) ||
		(code >= 0x21_00 && code < 0x2c_00)
	);
}

/**
 * The width of `line` as string-width gives it, or -1 when the line holds a
 * character that may join a cluster (or an escape code), where only string-width
 * knows. `widthOf` is string-width of one such character (callers cache it).
 */
export function loneGraphemesWidth(line: string, widthOf: (code: number) => number): number {
	let width = 0;
	for (let i = 0; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code >= 0x20 && code < 0x7f) {
			width++;
		} else if (isLoneGrapheme(code)) {
			width += widthOf(code);
		} else {
			return -1;
		}
	}

	return width;
}

/**
 * True when `line` is printable ASCII, colour codes (ESC [ digits and ; m) and
 * lone graphemes one column wide: Output can then take each code unit for a
 * character of one column, without tokenizing the line into graphemes.
 */
export function isNarrowLine(line: string, widthOf: (code: number) => number): boolean {
	for (let i = 0; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code === 0x1b) {
			if (line.charCodeAt(i + 1) !== 0x5b) {
				return false;
			}

			i += 2;
			while (i < line.length && ((line.charCodeAt(i) >= 0x30 && line.charCodeAt(i) <= 0x39) || line.charCodeAt(i) === 0x3b)) {
				i++;
			}

			if (line.charCodeAt(i) !== 0x6d) {
				return false;
			}
		} else if (!(code >= 0x20 && code < 0x7f) && !(isLoneGrapheme(code) && widthOf(code) === 1)) {
			return false;
		}
	}

	return true;
}
