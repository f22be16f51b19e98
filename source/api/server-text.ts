// A server's own text (an error's detail, a Location, a Content-Encoding, a certificate's
// names) inside one of our sentences. The screen gives a failure two lines, the status
// line and the key hints' line, and cuts what does not fit from the sentence's end: the
// part that says what to do. One string serves every width (and batch output), so the
// server's text is cut (with …) to what leaves the whole sentence in two lines of the
// narrowest common terminal (80, 100, 120, 160 columns) that holds it with the least of
// that text worth showing (Cut.least).

import {wrapInCells} from '../model/line-break.js';
import {head, sanitize, truncate} from '../model/sanitize.js';
import {roughCells} from '../model/wide-cells.js';

/** The terminal widths the sentence is fitted to, the narrowest first. */
const widths = [80, 100, 120, 160];

/**
 * Whether `text` takes at most two lines of `width` cells as the status line breaks it
 * (model/line-break.ts, the screen's rule), counting a server's CJK or emoji as two
 * cells (wide-cells.ts).
 */
function fitsTwoLines(text: string, width: number): boolean {
	return text.length <= width / 2 || wrapInCells(text, width, roughCells, true).length <= 2;
}

/**
 * How much of a server's text to show: `most` at most; `least` however long the rest of the
 * sentence (a Location cut to a few characters says nothing); `tidy` shapes the cut text
 * (drops a closing full stop, say).
 */
export type Cut = {most?: number; least?: number; tidy?: (shown: string) => string};

/**
 * A sentence around a server's text: `sentence` builds it from the text as shown,
 * sanitized, its runs of white space made one space, and cut to fit.
 */
export function around(text: string, sentence: (shown: string) => string, {most = 120, least = 16, tidy = (shown) => shown}: Cut = {}): string {
	// Only its start is looked at: a 5 MB detail is cut all the same.
	const clean = sanitize(head(text, 4 * most)).replace(/\s+/g, ' ').trim();
	const longest = Math.min(most, clean.length);
	const build = (length: number) => sentence(tidy(truncate(clean, length)));
	for (const width of widths) {
		if (fitsTwoLines(build(longest), width)) {
			return build(longest);
		}

		if (!fitsTwoLines(build(Math.min(least, longest)), width)) {
			continue;
		}

		// The longest cut that fits: `fits` always does, `over` never.
		let fits = Math.min(least, longest);
		let over = longest;
		while (over - fits > 1) {
			const middle = Math.floor((fits + over) / 2);
			if (fitsTwoLines(build(middle), width)) {
				fits = middle;
			} else {
				over = middle;
			}
		}

		return build(fits);
	}

	return build(Math.min(least, longest));
}

/** What was asked (`the session list`, `session 12`: a session's id is a server's text), cut to a few words. */
export function subject(what: string): string {
	return truncate(sanitize(what), 24);
}
