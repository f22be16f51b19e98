// A sentence laid out in a few lines of terminal cells: the status line's two, a kill or
// restart question's and its outcome's as many as they need, a filter's error, the help's
// descriptions. No Ink here: layout.ts asks how many lines a question, an outcome or a
// filter's error takes, and anything it imports is loaded before the screen (the bench and
// the tests patch Ink's caches before Ink loads: ui/ink-caches.ts).

import {formatDuration} from '../model/format.js';
import {wrapInCells} from '../model/line-break.js';
import {lineWindow, type LineView} from '../model/line-window.js';
import {confirmQuestion} from '../model/confirm-question.js';
import type {Confirm} from '../model/operations.js';
import {sanitize} from '../model/sanitize.js';
import {alsoFailing} from '../model/status-line.js';
import {cellWidth, fitText} from './cell-width.js';

/**
 * `text` in lines of at most `width` cells, broken between words (a word longer than the
 * line, between characters): the help's descriptions, a kill question on a narrow terminal.
 * `halfFull`: see model/line-break.ts.
 */
export function wrapText(text: string, width: number, halfFull = false): string[] {
	return wrapInCells(text, width, cellWidth, halfFull);
}

/** What of `text` follows its first lines `kept` (wrapText's), from its next word. */
function after(text: string, kept: readonly string[]): string {
	let at = 0;
	for (const line of kept) {
		at = text.indexOf(line, at) + line.length;
	}

	return text.slice(at).trimStart();
}

/**
 * The lines of a sentence and its tail in at most `most` lines, and whether they hold both
 * whole (nothing cut). The tail is never broken: it ends the last line, or has a line of its
 * own; when the sentence and the tail take more than `most` lines, the sentence's end gives
 * way (with …) so that the tail stays. `halfFull`: see model/line-break.ts; a sentence in its two lines
 * breaks so, a question, which may take more, only between words.
 */
export function layOut(text: string, width: number, tail: string, most = 2, halfFull = true): {lines: string[]; whole: boolean} {
	// In cells, as the terminal draws them: a host's or a server's text may hold wide characters.
	const full = text + tail;
	if (cellWidth(full) <= width) {
		return {lines: [full], whole: true};
	}

	const ownLine = tail.trimStart();
	if (cellWidth(ownLine) > width) {
		// A tail wider than the line cannot stay whole: it wraps with the sentence.
		const lines = wrapText(full, width, halfFull);
		const kept = lines.slice(0, most - 1);
		return lines.length <= most ? {lines, whole: true} : {lines: [...kept, fitText(after(full, kept), width)], whole: false};
	}

	const lines = wrapText(text, width, halfFull);
	const last = lines.length - 1;
	if (tail !== '' && cellWidth(lines[last]! + tail) <= width) {
		lines[last] += tail;
	} else if (tail !== '') {
		lines.push(ownLine);
	}

	if (lines.length <= most) {
		return {lines, whole: true};
	}

	// Too long: the first lines of the sentence, then as much more of it as leaves room for the tail.
	const kept = wrapText(text, width, halfFull).slice(0, most - 1);
	return {lines: [...kept, `${fitText(after(text, kept), width - cellWidth(tail))}${tail}`], whole: false};
}

/**
 * A sentence as one line, or as two when it is longer than the terminal is wide: a
 * failure's sentence ends with what to do, which is what a cut would lose. The second
 * line takes the key hints' place (they are also under ?) until the sentence goes.
 * `tail` follows the sentence; if the two do not fit two lines, the sentence's end is cut
 * (with …) so that the tail stays whole.
 */
export function statusLines(text: string, width: number, tail = ''): [string] | [string, string] {
	return layOut(text, width, tail).lines as [string] | [string, string];
}

/**
 * A failure's sentence in at most `most` lines, then the other MaxScales failing: named, as
 * many as fit two lines whole with the sentence (the header's host line shows each one's
 * state too); with none named, how many, for which the sentence's end gives way if it must.
 * layout.ts gives the footer the lines the sentence needs with the count (failureHeight), so
 * that what to do is read whole on a narrow terminal too (QA: at 80 columns a 401's sentence
 * was cut at "give -…").
 */
export function failureLines(text: string, others: readonly string[], width: number, most = 2): string[] {
	for (let named = others.length; named > 0; named--) {
		const laid = layOut(text, width, alsoFailing(others, named));
		if (laid.whole) {
			return laid.lines;
		}
	}

	const counted = layOut(text, width, alsoFailing(others, 0), most);
	if (counted.whole) {
		return counted.lines;
	}

	// Without the count of the others rather than without what to do: the host line names
	// every MaxScale failing (the count went on the end, and cut the advice off). On a
	// terminal too short even for the sentence alone, more of it shows without the count (QA).
	return layOut(text, width, '', most).lines;
}

/** The lines a failure's sentence takes whole, with the count of the others failing after it. */
export function failureHeight(text: string, others: readonly string[], width: number): number {
	return failureLines(text, others, width, Number.POSITIVE_INFINITY).length;
}

/** The grace typed, in seconds, and past a minute as a time too (QA: `grace 999999s` read as nothing in particular). */
function graceText(ttl: string): string {
	if (ttl === '') {
		return 'none';
	}

	const seconds = Number(ttl);
	return seconds < 60 ? `${seconds}s` : `${seconds}s (${formatDuration(seconds)})`;
}

/**
 * A kill or restart question in at most `most` lines. What is about to be killed is read
 * whole: on one line with the grace period when it fits, else over as many lines as it
 * needs, in the hints' place (and, on a narrow terminal, in rows the list gives up while the
 * question is open: layout.ts), so the grace key goes with it ([y/N] says the rest). Only
 * when even `most` lines cannot hold it is the question's end cut, its grace kept.
 */
export function questionLines(confirm: Confirm, width: number, most: number): string[] {
	// A log level has two answers (y on, n off); a kill or restart, yes and the default no.
	// Its answers first: a question cut on a small screen keeps them (n acts here, it is not "no").
	const question = `${confirm.operation === 'log' ? '[y on · n off]' : '[y/N]'} ${confirmQuestion(confirm)}`;
	const grace = confirm.operation === 'kill' ? `  grace ${graceText(confirm.ttl)}` : '';
	return cellWidth(question + grace) <= width ? [question + grace] : layOut(question, width, grace === '' ? '' : `${grace} (0-9)`, most, false).lines;
}

/**
 * A kill's or restart's outcome in at most `most` lines, broken between words: it answers a
 * question read whole, and ends with what to do about a failure (one MaxScale's, then the
 * next's). Sanitized here, as the footer draws it, so that the layout counts the same lines.
 */
export function outcomeLines(text: string, width: number, most: number): string[] {
	return layOut(sanitize(text), width, '', Math.max(2, most), false).lines;
}

/** The filter prompt's line (`view`, after its `/`), the start of its error beside it, and the rest of the error under it. */
export type PromptLines = {view: LineView; beside: string; below: string[]};

/**
 * The filter prompt and its error in at most `most` lines. The text, scrolled to keep the
 * cursor in view, keeps at least half the line beside an error; the error follows it and
 * goes on, between words, in the lines under it (the hints' place, and as many more as it
 * needs: layout.ts), so that the whole sentence is read (`usr is not a field (…all of
 * them…); "usr:app" in quotes is text` is 110 cells). Only when `most` lines cannot hold it
 * is its end cut.
 */
export function promptLines(line: {text: string; cursor: number}, error: string | undefined, width: number, most: number): PromptLines {
	const reason = error === undefined ? '' : `  ${sanitize(error)}`;
	const room = width - 1 - Math.min(cellWidth(reason), Math.floor((width - 1) / 2));
	// sanitize keeps the text's length (one character for one), so the cursor's offset holds.
	const view = lineWindow({text: sanitize(line.text), cursor: line.cursor}, Math.max(1, room), cellWidth);
	if (reason === '') {
		return {view, beside: '', below: []};
	}

	// The cells the prompt takes: `/`, the `…` marks, the text shown and the cursor's cell.
	const drawn = 1 + Number(view.clippedStart) + cellWidth(view.before + view.under + view.after) + Number(view.clippedEnd);
	// Laid out as one sentence after the prompt's cells, which the first line then gives back
	// (in two lines at least, as the footer always has: cut to one, it would lose them).
	const [first = '', ...below] = layOut(' '.repeat(drawn) + reason, width, '', Math.max(2, most), false).lines;
	return {view, beside: first.slice(drawn), below};
}
