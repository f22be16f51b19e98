// The part of the prompt's line that fits its room, with the cursor always in it. As bash
// scrolls a line longer than the terminal (horizontal-scroll-mode), the visible part jumps
// by half its width when the cursor leaves it, rather than on every key, so that ← and →
// move the cursor over text that stays put; but no further than the part that ends with
// the line's end, so that the room is used to the full there (and typing at the end scrolls
// the line one character a key, the most of it shown).

import {boundaries, type Line} from './line-edit.js';
import type {Measure} from './sanitize.js';

export type LineView = {
	/** Text before the window: the UI draws `…` in the window's first cell. */
	clippedStart: boolean;
	before: string;
	/** The character under the cursor, or a space after the end (the UI draws it inverse). */
	under: string;
	after: string;
	/** Text after the window: the UI draws `…` in its last cell. */
	clippedEnd: boolean;
};

/**
 * What of `line` to draw in `cells` cells, `…` marks included; the cursor's cell too, so a
 * line that fits whole with the cursor after its end is drawn whole. `measure`: the cells
 * a character takes (two for CJK and most emoji).
 */
export function lineWindow({text, cursor}: Line, cells: number, measure: Measure): LineView {
	const edges = boundaries(text);
	const count = edges.length - 1;
	// The character the cursor is on (or inside, were it ever between a cluster's halves).
	const at = Math.max(0, edges.findLastIndex((edge) => edge <= cursor));
	const widths = Array.from({length: count}, (_, index) => measure(text.slice(edges[index], edges[index + 1])));
	if (at === count) {
		widths.push(1);
	}

	const view = (from: number, to: number): LineView => ({
		clippedStart: from > 0,
		before: text.slice(edges[from], edges[at]),
		under: at < count ? text.slice(edges[at], edges[at + 1]) : ' ',
		after: at < count ? text.slice(edges[at + 1], edges[Math.min(to, count)]) : '',
		clippedEnd: to < count,
	});

	const items = widths.length;
	let total = 0;
	const starts = widths.map((width) => {
		total += width;
		return total - width;
	});
	if (total <= cells) {
		return view(0, items);
	}

	const step = Math.max(1, Math.floor(cells / 2));
	// Never further on than the window that ends with the line's end, `…` in its first cell.
	const last = total - (cells - 1);
	for (let start = 0; ; start += step) {
		let from = starts.findIndex((cell) => cell >= Math.min(start, last));
		from = from === -1 || from > at ? at : from;
		let to = from;
		let used = from > 0 ? 1 : 0;
		while (to < items && used + widths[to]! <= cells) {
			used += widths[to++]!;
		}

		// More after the window: its last cell says so.
		while (to < items && to > from && used + 1 > cells) {
			used -= widths[--to]!;
		}

		if (at < to || from === at) {
			return view(from, Math.max(to, at + 1));
		}
	}
}
