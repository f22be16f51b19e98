// Search in the pane (`/` with the pane focused, as in less and k9s's describe view): the
// document is scrolled to the first line that matches as the operator types, the matches
// are highlighted, and n and N step to the next and the previous. The document's own lines
// are matched, not the pane's wrapped ones: what is found, and how many, does not change
// with the pane's width (QA: `2026 20:57` was found zoomed but not beside the list, where a
// wrap fell inside it). Smart case, as in vim and less -i: all lower case matches either
// case, a capital makes it exact.

import {editLine} from './line-edit.js';
import {withoutSearchNote} from './message-fade.js';
import type {JsonLine} from './json-lines.js';
import type {DisplayLine} from './json-wrap.js';
import type {Action, MonitorState} from './monitor-types.js';
import {scrollTo} from './pane.js';

/**
 * The search typed (kept after Enter, for n and N) and the pane's scroll when it began (Esc
 * goes back there). `current`: the pane line of the match last gone to, which n and N step
 * from while it shows: near the document's end the pane cannot scroll a match to its top,
 * and stepping from the top line found the same match again and again. `previous`: the search
 * kept when the prompt opened, empty as in less and vim (QA: `/logstatement`); Enter on the
 * empty prompt searches it again.
 */
export type PaneSearch = {text: string; cursor: number; from: number; current?: number; previous?: string};
export const noSearch: PaneSearch = {text: '', cursor: 0, from: 0};

/** Longer than any value in a session's document needs; bounds what a paste costs each frame. */
export const maxSearchLength = 200;

export type SearchAction = {type: 'search-start'} | {type: 'search-key'; input: string; name?: string} | {type: 'search-step'; delta: 1 | -1};

/** Whether `text` is matched exactly: it holds a capital (smart case). */
const exact = (text: string) => text !== text.toLowerCase();

/** `query` as a pattern of itself: smart case, and Unicode's case folding (`é` finds `É`). */
export function searchPattern(query: string): RegExp {
	return new RegExp(query.replaceAll(/[\^$\\.*+?()[\]{}|/]/g, String.raw`\$&`), exact(query) ? 'gu' : 'giu');
}

/** Where `pattern` (searchPattern's, of a text not empty) occurs in `text`, as [start, end) pairs, none overlapping. */
export function matchesIn(text: string, pattern: RegExp): Array<[number, number]> {
	return Array.from(text.matchAll(pattern), (match) => [match.index, match.index + match[0].length]);
}

/** A document line's text, as the pane's lines of it hold it after their indent (json-wrap.ts DisplayLine.at). */
export const sourceText = (line: JsonLine) => line.tokens.map((token) => token.text).join('');

/**
 * One pane line for each document line that matches: the one its first match starts on, in
 * order. Their count is the number of the document's lines that match.
 */
export function searchHits(source: readonly JsonLine[], lines: readonly DisplayLine[], query: string): number[] {
	const hits: number[] = [];
	if (query === '') {
		return hits;
	}

	const pattern = searchPattern(query);
	const firstMatch = new Map<number, number>();
	for (const [index, line] of source.entries()) {
		pattern.lastIndex = 0;
		const match = pattern.exec(sourceText(line));
		if (match !== null) {
			firstMatch.set(index, match.index);
		}
	}

	for (const [index, line] of lines.entries()) {
		const start = firstMatch.get(line.source);
		const next = lines[index + 1];
		if (start !== undefined && line.at <= start && (next === undefined || next.source !== line.source || next.at > start)) {
			hits.push(index);
		}
	}

	return hits;
}

/** A token's text cut where the matches start and end (offsets into its line: `at` is the token's). */
export function piecesOf(text: string, at: number, matches: ReadonlyArray<[number, number]>): Array<{text: string; match: boolean}> {
	const pieces: Array<{text: string; match: boolean}> = [];
	let from = 0;
	for (const [start, end] of matches) {
		const a = Math.max(from, start - at);
		const b = Math.min(text.length, end - at);
		if (b <= a) {
			continue;
		}

		if (a > from) {
			pieces.push({text: text.slice(from, a), match: false});
		}

		pieces.push({text: text.slice(a, b), match: true});
		from = b;
	}

	if (from < text.length || pieces.length === 0) {
		pieces.push({text: text.slice(from), match: false});
	}

	return pieces;
}

/** What the search found, for the prompt and for n: `3 matching lines`, or that none does. */
export function searchNote(count: number): string {
	return count === 0 ? 'no match' : `${count} matching line${count === 1 ? '' : 's'}`;
}

/** The pane scrolled to the first match at or after `from` (after the last, from the top). */
function scrollToMatch(state: MonitorState, text: string, from: number): MonitorState {
	const found = searchHits(state.pane.source, state.pane.lines, text);
	const next = found.find((index) => index >= from) ?? found[0];
	const {current: _, ...search} = state.search;
	return next === undefined ? scrollTo({...state, search}, from) : scrollTo({...state, search: {...search, current: next}}, next);
}

function searchKey(state: MonitorState, input: string, name: string | undefined): MonitorState {
	const {search} = state;
	if (name === 'return' || name === 'tab') {
		// Nothing typed: the search before it again, from the top line, as less's `/` Enter.
		const again = search.text === '' && search.previous !== undefined && search.previous !== '';
		const kept = {...state, mode: 'list' as const, search: {text: again ? search.previous! : search.text, cursor: 0, from: search.from, ...(search.current === undefined || again ? {} : {current: search.current})}};
		return again ? scrollToMatch(kept, kept.search.text, search.from) : kept;
	}

	if (name === 'escape') {
		// Dropped, the one before it too (`/` Esc takes the marks off), and the pane back where it began.
		return scrollTo({...state, mode: 'list', search: noSearch}, search.from);
	}

	if (name === 'up' || name === 'down' || name === 'pageup' || name === 'pagedown') {
		const page = Math.max(1, state.paneHeight - 1);
		const delta = {up: -1, down: 1, pageup: -page, pagedown: page}[name];
		return scrollTo(state, state.pane.scroll + delta);
	}

	const line = editLine({text: search.text, cursor: search.cursor}, input, name, maxSearchLength);
	if (line === undefined) {
		return state;
	}

	// A paste past the limit keeps its start, and says so, as the filter's prompt does.
	const message = line.cut ? {tone: 'error' as const, text: `A search holds at most ${maxSearchLength} characters: the rest was left out.`} : state.message;
	const edited = {...state, search: {...search, text: line.text, cursor: line.cursor}, message};
	return line.text === search.text ? edited : scrollToMatch(edited, line.text, search.from);
}

/** n and N: the next match after the pane's first line, or the one before it, round the document's ends. */
function step(state: MonitorState, delta: 1 | -1): MonitorState {
	const {text} = state.search;
	if (text === '') {
		return {...state, message: {tone: 'info', text: 'No search yet: / with the pane focused searches its document.', answer: true, search: true}};
	}

	const found = searchHits(state.pane.source, state.pane.lines, text);
	if (found.length === 0) {
		return {...state, message: {tone: 'info', text: `No line of this document matches "${text}".`, answer: true, search: true}};
	}

	// From the match last gone to while it shows, else from the pane's top line.
	const {scroll} = state.pane;
	const {current} = state.search;
	const shows = current !== undefined && current >= scroll && current < scroll + state.paneHeight && found.includes(current);
	const base = shows ? current : scroll;
	const ahead = delta === 1 ? found.find((index) => index > base) : found.findLast((index) => index < base);
	const to = ahead ?? (delta === 1 ? found[0]! : found.at(-1)!);
	const scrolled = scrollTo({...state, search: {...state.search, current: to}}, to);
	// Past the last match the next is the first again, as in less and vim: said, so a jump up reads as intended.
	const wrapped = ahead === undefined ? (delta === 1 ? ', from the top again' : ', from the bottom again') : '';
	return {...scrolled, message: {tone: 'info', text: `Matching line ${found.indexOf(to) + 1} of ${found.length}${wrapped}.`, answer: true, search: true}};
}

export function searchReducer(state: MonitorState, action: Action): MonitorState | undefined {
	switch (action.type) {
		case 'search-start': {
			// Empty, as in less and vim: the search kept is `previous`, for Enter and Esc.
			const previous = state.search.text;
			return {...withoutSearchNote(state), mode: 'search', search: {text: '', cursor: 0, from: state.pane.scroll, ...(previous === '' ? {} : {previous})}};
		}

		case 'search-key': {
			return searchKey(state, action.input, action.name);
		}

		case 'search-step': {
			return step(state, action.delta);
		}

		default: {
			return undefined;
		}
	}
}
