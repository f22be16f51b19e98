// Where a sentence breaks into lines of terminal cells: as the status line, a kill question and
// the help lay it out (ui/status-text.ts, with Ink's measure), and as the client fits a server's
// text into two of the status line's lines (api/server-text.ts, with wide-cells.ts's): one rule,
// so that what the client fitted is what the screen draws.

import {headCells, type Measure} from './sanitize.js';

/**
 * Where a line wider than `width` cells breaks: at the last space (with `halfFull`, only one
 * that leaves the line more than half full: a sentence that has two lines spends none on a
 * short first one), else after the last `@` that does (after a user@ rather than through a
 * client's address or port: `10.0.7.6:609` / `90`), else at the width, between whole
 * characters (never between an emoji's halves); always after one character at least.
 */
function breakAt(text: string, width: number, measure: Measure, halfFull: boolean): number {
	const fits = headCells(text, width, measure).length;
	const space = text.lastIndexOf(' ', fits);
	const wide = (at: number) => at > 0 && (!halfFull || measure(text.slice(0, at)) > width / 2);
	const at = text.lastIndexOf('@', fits - 1) + 1;
	const cut = wide(space) ? space : wide(at) ? at : fits;
	return Math.max(cut, text.codePointAt(0)! > 0xff_ff ? 2 : 1);
}

/**
 * `text` in lines of at most `width` cells (by `measure`), broken between words (a word longer
 * than the line, between characters). `halfFull`: see breakAt.
 */
export function wrapInCells(text: string, width: number, measure: Measure, halfFull = false): string[] {
	const lines: string[] = [];
	let rest = text;
	while (measure(rest) > width) {
		const cut = breakAt(rest, width, measure, halfFull);
		lines.push(rest.slice(0, cut));
		rest = rest.slice(cut).trimStart();
	}

	lines.push(rest);
	return lines;
}
