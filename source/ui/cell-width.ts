// Widths in terminal cells, as Ink measures them (string-width, Ink's own measure): a
// line fitted by these is one Ink does not cut. A host's version, a state's name or a
// filter can hold wide characters (CJK, emoji: two cells) that UTF-16 lengths miss.

import stringWidth from 'string-width';
import {headCells} from '../model/sanitize.js';
import {loneGraphemesWidth} from './narrow-width.js';

const widths = new Map<number, number>();
const widthOfCode = (code: number): number => {
	let width = widths.get(code);
	if (width === undefined) {
		width = stringWidth(String.fromCharCode(code));
		widths.set(code, width);
	}

	return width;
};

/** The cells `text` (sanitized: no control characters) takes on the terminal. */
export function cellWidth(text: string): number {
	// The header's and the hints' text is ASCII and a few symbols: no segmenting for those.
	const quick = loneGraphemesWidth(text, widthOfCode);
	return quick < 0 ? stringWidth(text) : quick;
}

/** `text` in at most `cells` cells: whole, or cut between characters and ended with "…" (truncate, in cells). */
export function fitText(text: string, cells: number): string {
	if (cellWidth(text) <= cells) {
		return text;
	}

	// By code point, so never half an emoji; a cluster (a flag, a family) may lose its end.
	return cells <= 0 ? '' : `${headCells(text, cells - 1, cellWidth)}…`;
}

/**
 * A MaxScale's name (`host:port`) in `cells`: cut before its port rather than through it
 * (`maxscale-pr…:8989`), since two MaxScales on one host differ only there.
 */
export function fitHostName(name: string, cells: number): string {
	const port = /:\d+$/.exec(name)?.[0];
	const room = cells - (port === undefined ? 0 : cellWidth(port));
	return port === undefined || cellWidth(name) <= cells || room < 4 ? fitText(name, cells) : `${fitText(name.slice(0, -port.length), room)}${port}`;
}

/** The first of `wordings` (longest first) that fits `cells`; else the last, cut. */
export function fitWording(wordings: readonly string[], cells: number): string {
	return wordings.find((wording) => cellWidth(wording) <= cells) ?? fitText(wordings.at(-1) ?? '', cells);
}
