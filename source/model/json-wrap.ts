// The pane's document lines (json-lines.ts) wrapped to its width: a value moved whole to the
// next line where it can be, a long string cut between words, each wrapped line knowing which
// document line it is part of and where in it (the pane's search marks by that).

import type {JsonLine, Token} from './json-lines.js';
import {safeCut} from './sanitize.js';

/**
 * `source`: the document line it is part of (JsonLine's index): a rewrap keeps that line at
 * the top. `at`: where in that line's text (its tokens' texts, joined) this part starts; its
 * first token is the indent wrapping adds, the rest that text's next characters, in order.
 */
export type DisplayLine = {tokens: Token[]; source: number; at: number};

/** Where a piece too long for any line is best cut: right after one of these. */
const breakAfter = new Set([' ', ',', '/', '-', '_', '.', ':']);

/**
 * A line's tokens in the runs that wrap as one. Punctuation is glued to what it follows
 * (`"user": `, `"libmariadb",`, `},`), so a comma or a colon never starts a line alone:
 * it travels with its value, and when a value too long for any line is cut, its last
 * piece keeps at least one character of it (see cutAt). The `was …` annotation is a run
 * of its own, moved whole.
 */
function runsOf(tokens: readonly Token[]): Token[][] {
	const runs: Token[][] = [];
	for (const token of tokens) {
		const last = runs.at(-1);
		if (token.kind === 'punct' && last !== undefined) {
			last.push(token);
		} else {
			runs.push([token]);
		}
	}

	return runs;
}

const lengthOf = (run: readonly Token[]) => run.reduce((sum, token) => sum + token.text.length, 0);

/**
 * How much of `text` from `from` on to put on a line with `room` columns left, at most
 * `limit`: after its last space there (a sentence wraps between words), else after the
 * last punctuation in the second half of the room (a path at a slash, `02:58:55` only when
 * no word ends there; earlier would waste the line), else at the room itself, never inside
 * a surrogate pair. Never inside a run of spaces, so that the next line does not start blank.
 * An offset rather than the rest as a string of its own: a megabyte's statement wraps into
 * thousands of lines, and copying the rest for each was quadratic (QA: 11 s to open the pane).
 */
function cutAt(text: string, room: number, limit: number, from = 0): number {
	return breakIn(text, room, limit, from) || safeCut(text, from + Math.min(room, limit)) - from;
}

/** cutAt's cut after a space or a punctuation mark, or 0 when the room holds none. */
function breakIn(text: string, room: number, limit: number, from: number): number {
	const end = Math.min(room, limit);
	let punctuation = 0;
	for (let index = end; index > 0; index--) {
		const before = text[from + index - 1]!;
		if (text[from + index] === ' ' || !breakAfter.has(before)) {
			continue;
		}

		if (before === ' ') {
			return index;
		}

		if (punctuation === 0 && index * 2 >= end) {
			punctuation = index;
		}
	}

	return punctuation;
}

/** The characters `start` to `end` of a run, as tokens: their kinds and marks kept, a token wholly inside it kept as it is. */
function sliceRun(run: readonly Token[], start: number, end: number): Token[] {
	const out: Token[] = [];
	let at = 0;
	for (const token of run) {
		const next = at + token.text.length;
		if (next > start && at < end) {
			out.push(at >= start && next <= end ? token : {...token, text: token.text.slice(Math.max(start, at) - at, Math.min(end, next) - at)});
		}

		at = next;
	}

	return out;
}

/**
 * Wrap lines to `width` columns; continuation lines keep the indent plus two spaces.
 * A run (a key, a number, a value with its comma, the `was …` annotation) that does not
 * fit the rest of the line moves to the next whole, as long as it fits a continuation
 * line; only one longer than that is cut (cutAt). A line's runs are few and short, so this
 * stays cheap enough to run for each pane frame.
 */
export function wrapLines(lines: readonly JsonLine[], width: number): DisplayLine[] {
	const out: DisplayLine[] = [];
	const usable = Math.max(8, width);
	for (const [source, line] of lines.entries()) {
		const lead = Math.min(line.indent * 2, Math.floor(usable / 2));
		const cont = Math.min(lead + 2, usable - 4);
		let current: Token[] = [{kind: 'punct', text: ' '.repeat(lead)}];
		let used = lead;
		/** The line's characters placed so far, and where the display line being filled starts. */
		let placed = 0;
		let at = 0;
		const nextLine = () => {
			out.push({tokens: current, source, at});
			current = [{kind: 'punct', text: ' '.repeat(cont)}];
			used = cont;
			at = placed;
		};

		for (const run of runsOf(line.tokens)) {
			let length = lengthOf(run);
			if (used + length > usable && current.length > 1 && cont + length <= usable) {
				nextLine();
			}

			// The glued punctuation after the run's first token is never left alone on a line.
			const glued = length - run[0]!.text.length;
			const text = run.length === 1 ? run[0]!.text : run.map((token) => token.text).join('');
			/** Where in the run the rest starts: cut pieces are sliced from it, never the rest copied. */
			let offset = 0;
			while (used + length > usable) {
				const limit = length - glued - 1 > 0 ? length - glued - 1 : length;
				// Where the rest of a line (after its key) holds no place to break, the value starts
				// the next line rather than leaving a letter or two behind (QA: "M / ariaDB Connector/J").
				if (current.length > 1 && breakIn(text, usable - used, limit, offset) === 0) {
					nextLine();
					continue;
				}

				let cut = cutAt(text, usable - used, limit, offset);
				if (cut <= 0 && current.length === 1) {
					cut = Math.max(1, safeCut(text, offset + usable - used) - offset); // Nothing else on the line: always progress.
				}

				if (cut > 0) {
					current.push(...sliceRun(run, offset, offset + cut));
					offset += cut;
					length -= cut;
					placed += cut;
				}

				nextLine();
			}

			if (length > 0) {
				current.push(...(offset === 0 ? run : sliceRun(run, offset, offset + length)));
				used += length;
				placed += length;
			}
		}

		out.push({tokens: current, source, at});
	}

	return out;
}

/**
 * A sentence (an error, a note) as lines of at most `width` characters, cut between words
 * as the document's strings are (cutAt), so that the pane says it whole at any width.
 */
export function wrapText(text: string, width: number): string[] {
	const out: string[] = [];
	const room = Math.max(1, width);
	let rest = text;
	while (rest.length > room) {
		const cut = Math.max(1, cutAt(rest, room, rest.length));
		out.push(rest.slice(0, cut));
		rest = rest.slice(cut);
	}

	out.push(rest);
	return out;
}
