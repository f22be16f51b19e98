// The JavaScript that source/ui/ink-caches.ts writes into Ink's files as they load
// (see there for why): Output's caches carried across frames, and widths without
// Intl.Segmenter where that is exact. It is text, run inside Ink's modules, so it
// may use only what those modules import (string-width, @alcalzone/ansi-tokenize)
// and the functions of narrow-width.ts, copied in by their source.

import {isLoneGrapheme, isNarrowLine, loneGraphemesWidth} from './narrow-width.js';

/**
 * Lines each generation of Output's caches holds (it keeps two, so at most twice
 * this; a styled character is about 90 bytes, a line of 160 at most 15 KB, so
 * about 7 MB at worst, 3 MB for this screen). A frame writes about twice as many
 * lines as the terminal has rows (list and pane), and what the last frame used
 * stays while a generation holds at least half of a frame: terminals up to about
 * 250 rows. Few enough polls' worth that old ages go.
 */
export const outputCacheLimit = 250;

// What measure-text.js and output.js gain: widths without Intl.Segmenter where
// that is exact (source/ui/narrow-width.ts), each lone character asked of
// string-width once.
export const widthCode = `
// sessiontop (source/ui/narrow-width.ts, source/ui/ink-output-code.ts).
${isLoneGrapheme.toString()}
${loneGraphemesWidth.toString()}
${isNarrowLine.toString()}
const loneWidths = new Map();
function loneWidth(code) {
	let width = loneWidths.get(code);
	if (width === undefined) {
		width = stringWidth(String.fromCharCode(code));
		loneWidths.set(code, width);
	}
	return width;
}
function lineWidth(line) {
	const width = loneGraphemesWidth(line, loneWidth);
	return width < 0 ? stringWidth(line) : width;
}
`;

// What output.js gains, ahead of its OutputCaches class.
export const outputCode = `${widthCode}
// sessiontop (source/ui/ink-output-code.ts): Output's work, carried across frames.
// A Map in two generations: a full young one becomes the old one, and what the
// old one is asked for moves to the young one, so what a frame uses survives.
class RecentMap {
	young = new Map();
	old = new Map();
	get(key) {
		let value = this.young.get(key);
		if (value === undefined) {
			value = this.old.get(key);
			if (value !== undefined) {
				this.set(key, value);
			}
		}
		return value;
	}
	set(key, value) {
		if (this.young.size >= ${outputCacheLimit}) {
			this.old = this.young;
			this.young = new Map();
		}
		this.young.set(key, value);
		return this;
	}
}
// styledCharsFromTokens(tokenize(line)), but a run of equally styled characters
// shares one styles array (reduceAnsiCodesIncremental returns a new one at each
// code and never changes it after), rather than one copy per character. Most
// lines are printable ASCII, narrow symbols and colour codes: there each
// character is its own grapheme, one column wide, so Intl.Segmenter (tokenize)
// is spared, and each colour code is tokenized alone, once (the same tokens as
// within the line).
const codeTokens = new Map();
function styledCharsOf(line) {
	let codes = [];
	const chars = [];
	if (isNarrowLine(line, loneWidth)) {
		for (let i = 0; i < line.length; i++) {
			if (line[i] === '\\x1b') {
				const end = line.indexOf('m', i);
				const code = line.slice(i, end + 1);
				let tokens = codeTokens.get(code);
				if (tokens === undefined) {
					if (codeTokens.size >= ${outputCacheLimit}) {
						codeTokens.clear();
					}
					tokens = tokenize(code);
					codeTokens.set(code, tokens);
				}
				codes = reduceAnsiCodesIncremental(codes, tokens);
				i = end;
			} else {
				chars.push({type: 'char', value: line[i], fullWidth: false, styles: codes});
			}
		}
		chars.narrow = true;
		return chars;
	}
	for (const token of tokenize(line)) {
		if (token.type === 'ansi') {
			codes = reduceAnsiCodesIncremental(codes, [token]);
		} else if (token.type === 'char') {
			chars.push({...token, styles: codes});
		}
	}
	return chars;
}
// styledCharsToString, but the codes from one style to the next are asked for
// only where the styles array changes, and kept for each pair of arrays (the
// same arrays come back frame after frame): no code between equal styles.
const noStyles = Object.freeze([]);
const codesBetween = new WeakMap();
function codesFromTo(before, after) {
	let fromBefore = codesBetween.get(before);
	if (fromBefore === undefined) {
		fromBefore = new WeakMap();
		codesBetween.set(before, fromBefore);
	}
	let codes = fromBefore.get(after);
	if (codes === undefined) {
		codes = ansiCodesToString(diffAnsiCodes(before, after));
		fromBefore.set(after, codes);
	}
	return codes;
}
function charsToString(chars) {
	let text = '';
	let styles = noStyles;
	for (const char of chars) {
		if (char.styles !== styles) {
			text += codesFromTo(styles, char.styles);
			styles = char.styles;
		}
		text += char.value;
	}
	return text + codesFromTo(styles, noStyles);
}
const blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
// Each row of the last frame: its cells and its string. The same cells (the very
// objects) make the same string.
const lastRows = [];
function rowText(line, y) {
	const last = lastRows[y];
	if (last !== undefined && last.cells.length === line.length) {
		let x = 0;
		while (x < line.length && last.cells[x] === line[x]) {
			x++;
		}
		if (x === line.length) {
			return last.text;
		}
	}
	const text = charsToString(line.filter(item => item !== undefined)).trimEnd();
	lastRows[y] = {cells: line, text};
	return text;
}
`;
