// The side pane: the raw document of one session, wrapped to the pane's width,
// scrolled, with the values that changed since the previous poll marked.

import {jsonLines, scalarsByPath, type JsonLine} from './json-lines.js';
import {wrapLines, wrapText, type DisplayLine} from './json-wrap.js';
import {hostKey} from './host-key.js';
import {withoutSearchNote} from './message-fade.js';
import {truncate} from './sanitize.js';
import type {Action, MonitorState} from './monitor-state.js';

export type Pane = {
	open: boolean;
	/** The key of the session the pane shows: follows the cursor, but stays on a session that ended. */
	id?: string;
	/** `Session 42`, or `Session 42 on mx2:8989` when several MaxScales are watched. */
	title: string;
	document?: unknown;
	/** The document as pretty-printed lines, and those wrapped to the pane's width. */
	source: JsonLine[];
	lines: DisplayLine[];
	/** How many values changed at the last refresh. */
	changed: number;
	ended: boolean;
	/**
	 * Why the document could not be refreshed (the fetch or, MaxScale down, the list poll
	 * failed): the document shown is then the last good one, without highlights.
	 */
	error?: string;
	/** When the document shown was fetched (or the poll after which it was), for `last good at`. */
	loadedAt?: number;
	scroll: number;
};

/** What `documents` keeps of a session: its last good document and when it came. */
export type KeptDocument = {document: unknown; at?: number};

export type PaneAction =
	| {type: 'open-pane'}
	| {type: 'close-pane'}
	| {type: 'toggle-focus'}
	/**
	 * The pane drawn or not at this size (ui/app.tsx): too short to draw, the keys go to the list
	 * and a search's prompt closes, but a zoom, the keys and the prompt (its text is kept) come
	 * back when it shows again (QA: a shrink to 40×8 and back lost the zoom, then the search).
	 */
	| {type: 'pane-shown'; shown: boolean}
	/** z: the pane over the whole width (opened on the cursor's session if need be), or back beside the list. */
	| {type: 'pane-zoom'}
	| {type: 'pane-scroll'; delta: number}
	| {type: 'pane-home'}
	| {type: 'pane-end'}
	| {type: 'pane-resize'; height: number; width: number}
	/** `at`: when it was fetched; without it, the time of the poll it followed. */
	/** `previous`: what the values are compared with, when not the document shown (a replay's: replay-document.ts). */
	| {type: 'document-loaded'; id: string; document: unknown; at?: number; previous?: {document: unknown}}
	| {type: 'document-failed'; id: string; message: string; gone: boolean};

export const closedPane: Pane = {open: false, title: '', source: [], lines: [], changed: 0, ended: false, scroll: 0};

/** Documents kept for sessions the pane has left: a few, for going back and forth (and ~KBs each). */
export const keptDocuments = 16;

/** A pane on `key`: its last good document at once, if one was fetched, until a fresh one comes. */
export function paneFor(state: MonitorState, key: string): Pane {
	const session = state.byId.get(key);
	const title = session === undefined ? `Session ${key}` : `Session ${session.id}${session.key === session.id ? '' : ` on ${session.host}`}`;
	const kept = state.documents.get(key) as KeptDocument | undefined;
	if (kept === undefined) {
		return {...closedPane, open: true, id: key, title};
	}

	const source = jsonLines(kept.document);
	return {...closedPane, open: true, id: key, title, document: kept.document, loadedAt: kept.at, source, lines: wrapLines(source, state.paneWidth)};
}

/** The name under which `hosts` knows the MaxScale of the pane's session. */
function paneHostKey(state: MonitorState): string | undefined {
	const session = state.pane.id === undefined ? undefined : state.byId.get(state.pane.id);
	return session === undefined ? undefined : hostKey(state, session.host);
}

/**
 * `pane` with its document's highlights and count of changes gone, once they are no longer
 * news: a dead MaxScale's last good document, or an ended session's, would look live.
 */
function settled(state: MonitorState, pane: Pane): MonitorState {
	if (pane.changed === 0 || pane.document === undefined) {
		return {...state, pane};
	}

	const source = jsonLines(pane.document);
	return scrollTo({...state, pane: {...pane, source, lines: wrapLines(source, state.paneWidth), changed: 0}}, pane.scroll);
}

/** The pane once its document can no longer be refreshed: the error over the last good document. */
function staleDocument(state: MonitorState, message: string): MonitorState {
	return settled(state, {...state.pane, error: message});
}

/** The pane once its session has ended: the last document stays, dimmed (`was 14.1` beside it read as live). */
export function endedPane(state: MonitorState): Pane {
	return settled(state, {...state.pane, ended: true}).pane;
}

/**
 * After a failed list poll of `host` (undefined: the only one): an open pane on one of its
 * sessions says so at once, rather than at its next fetch, which comes only after a poll
 * that answers. Called by monitor-state's `poll-failed` with the state it made.
 */
export function paneAfterPollFailed(state: MonitorState, host: string | undefined, message: string): MonitorState {
	const {pane} = state;
	if (!pane.open || pane.ended || pane.id === undefined) {
		return state;
	}

	return paneHostKey(state) === hostKey(state, host) ? staleDocument(state, message) : state;
}

/** `documents` with `key`'s newest document, the oldest dropped past keptDocuments. */
function keep(documents: ReadonlyMap<string, unknown>, key: string, kept: KeptDocument): ReadonlyMap<string, unknown> {
	const next = new Map(documents);
	next.delete(key); // Re-inserted last: the most recent.
	next.set(key, kept);
	for (const oldest of next.keys()) {
		if (next.size <= keptDocuments) {
			break;
		}

		next.delete(oldest);
	}

	return next;
}

/** After a poll: only documents of sessions still listed, and the pane's own (an ended session's last). */
export function keptFor(documents: ReadonlyMap<string, unknown>, byId: {has(key: string): boolean}, paneId: string | undefined): ReadonlyMap<string, unknown> {
	const gone = [...documents.keys()].filter((key) => key !== paneId && !byId.has(key));
	if (gone.length === 0) {
		return documents;
	}

	const next = new Map(documents);
	for (const key of gone) {
		next.delete(key);
	}

	return next;
}

/** Said when a session ended before its document could be fetched (MaxScale was down from the start). */
export const neverFetchedNote = 'It ended before its document could be fetched.';

/**
 * The sentences over the document (why it could not be refreshed, or that it never was),
 * wrapped to the pane's `width`, on at most all but one of its `height` lines: the rest is
 * the document's. They take room from the document, so scrolling counts them too.
 */
export function paneNotes(pane: Pane, width: number, height: number): string[] {
	const note = pane.ended ? (pane.document === undefined ? neverFetchedNote : undefined) : pane.error;
	if (note === undefined) {
		return [];
	}

	const lines = wrapText(note, width);
	const most = Math.max(1, height - 1);
	return lines.length <= most ? lines : [...lines.slice(0, most - 1), truncate(lines.slice(most - 1).join(' '), width)];
}

/** The pane scrolled to `to`, kept within its document (the notes over it count: paneNotes). */
export function scrollTo(state: MonitorState, to: number): MonitorState {
	const shown = state.paneHeight - paneNotes(state.pane, state.paneWidth, state.paneHeight).length;
	const max = Math.max(0, state.pane.lines.length - Math.max(1, shown));
	const scroll = Math.max(0, Math.min(to, max));
	return scroll === state.pane.scroll ? state : {...state, pane: {...state.pane, scroll}};
}

function countChanged(lines: readonly JsonLine[]): number {
	return lines.reduce((n, line) => n + (line.tokens.some((token) => token.changed) ? 1 : 0), 0);
}

export function paneReducer(state: MonitorState, action: Action): MonitorState | undefined {
	const {pane} = state;
	switch (action.type) {
		case 'open-pane': {
			const id = state.selectedId;
			if (id === undefined || !state.byId.has(id)) {
				return state; // A group row, or nothing: no document to show.
			}

			return {...state, pane: pane.id === id && !pane.ended ? {...pane, open: true} : paneFor(state, id)};
		}

		case 'close-pane': {
			return {...withoutSearchNote(state), focus: 'list', zoomed: false, pane: closedPane};
		}

		case 'toggle-focus': {
			// Zoomed, the list is hidden: Tab goes back to it, beside the pane. A search under way
			// is kept, its prompt closed (the app gives the list the keys when the pane cannot show).
			return pane.open ? {...state, focus: state.focus === 'list' ? 'pane' : 'list', zoomed: false, mode: state.mode === 'search' ? 'list' : state.mode} : state;
		}

		case 'pane-shown': {
			if (!action.shown) {
				return state.focus === 'pane' ? {...state, focus: 'list', mode: state.mode === 'search' ? 'list' : state.mode, hiddenPane: state.mode === 'search' ? 'search' : 'pane'} : state;
			}

			// Given back only if nothing was begun on the list meanwhile (a filter's prompt, a question).
			const {hiddenPane, ...rest} = state;
			const back = (hiddenPane !== undefined || state.zoomed) && pane.open && state.focus === 'list' && state.mode === 'list';
			if (!back) {
				return hiddenPane === undefined ? state : rest;
			}

			return {...rest, focus: 'pane', mode: hiddenPane === 'search' ? 'search' : 'list'};
		}

		case 'pane-zoom': {
			if (state.zoomed) {
				return {...state, zoomed: false};
			}

			const opened = pane.open ? state : (paneReducer(state, {type: 'open-pane'}) ?? state);
			// On a group row, or no row, there is no document to zoom: said, so the key does not seem dead.
			return opened.pane.open
				? {...opened, zoomed: true, focus: 'pane'}
				: {...state, message: {tone: 'info', text: "z shows a session's document over the whole width: put the cursor on a session.", answer: true}};
		}

		case 'pane-scroll': {
			return scrollTo(state, pane.scroll + action.delta);
		}

		case 'pane-home': {
			return scrollTo(state, 0);
		}

		case 'pane-end': {
			return scrollTo(state, Number.MAX_SAFE_INTEGER);
		}

		case 'pane-resize': {
			const paneWidth = Math.max(8, action.width);
			if (paneWidth === state.paneWidth) {
				return scrollTo({...state, paneHeight: Math.max(1, action.height)}, pane.scroll);
			}

			// Rewrapped (a resize, z): the document's line at the top stays there, not the line number.
			const lines = wrapLines(pane.source, paneWidth);
			const top = pane.lines[pane.scroll]?.source;
			const scroll = top === undefined ? pane.scroll : Math.max(0, lines.findIndex((line) => line.source === top));
			return scrollTo({...state, paneHeight: Math.max(1, action.height), paneWidth, pane: {...pane, lines}}, scroll);
		}

		case 'document-loaded': {
			if (pane.id !== action.id) {
				return state; // An answer for a session the pane has since left.
			}

			// A refresh of the same session marks what changed since the last document.
			const basis = action.previous === undefined ? pane.document : action.previous.document;
			const previous = basis === undefined ? undefined : scalarsByPath(basis);
			const source = jsonLines(action.document, previous);
			const lines = wrapLines(source, state.paneWidth);
			const changed = countChanged(source);
			const host = paneHostKey(state);
			const loadedAt = action.at ?? (host === undefined ? undefined : state.hosts[host]?.lastPoll?.at);
			const documents = keep(state.documents, action.id, {document: action.document, at: loadedAt});
			return scrollTo({...state, documents, pane: {...pane, document: action.document, loadedAt, source, lines, changed, error: undefined}}, pane.scroll);
		}

		case 'document-failed': {
			if (pane.id !== action.id) {
				return state;
			}

			// The document stays: the last good one, under the error (or dimmed, once it ended).
			return action.gone ? {...state, pane: {...endedPane(state), error: undefined}} : staleDocument(state, action.message);
		}

		default: {
			return undefined;
		}
	}
}
