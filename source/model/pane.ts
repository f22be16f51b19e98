// The side pane: the raw document of one session, wrapped to the pane's width,
// scrolled, with the values that changed since the previous poll marked.

import {jsonLines, scalarsByPath, wrapLines, type DisplayLine, type JsonLine} from './json-lines.js';
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
	error?: string;
	scroll: number;
};

export type PaneAction =
	| {type: 'open-pane'}
	| {type: 'close-pane'}
	| {type: 'toggle-focus'}
	| {type: 'pane-scroll'; delta: number}
	| {type: 'pane-home'}
	| {type: 'pane-end'}
	| {type: 'pane-resize'; height: number; width: number}
	| {type: 'document-loaded'; id: string; document: unknown}
	| {type: 'document-failed'; id: string; message: string; gone: boolean};

export const closedPane: Pane = {open: false, title: '', source: [], lines: [], changed: 0, ended: false, scroll: 0};

/** Documents kept for sessions the pane has left: a few, for going back and forth (and ~KBs each). */
export const keptDocuments = 16;

/** A pane on `key`: its last good document at once, if one was fetched, until a fresh one comes. */
export function paneFor(state: MonitorState, key: string): Pane {
	const session = state.byId.get(key);
	const title = session === undefined ? `Session ${key}` : `Session ${session.id}${session.key === session.id ? '' : ` on ${session.host}`}`;
	const document = state.documents.get(key);
	if (document === undefined) {
		return {...closedPane, open: true, id: key, title};
	}

	const source = jsonLines(document);
	return {...closedPane, open: true, id: key, title, document, source, lines: wrapLines(source, state.paneWidth)};
}

/** `documents` with `key`'s newest document, the oldest dropped past keptDocuments. */
function keep(documents: ReadonlyMap<string, unknown>, key: string, document: unknown): ReadonlyMap<string, unknown> {
	const next = new Map(documents);
	next.delete(key); // Re-inserted last: the most recent.
	next.set(key, document);
	for (const oldest of next.keys()) {
		if (next.size <= keptDocuments) {
			break;
		}

		next.delete(oldest);
	}

	return next;
}

/** After a poll: only documents of sessions still listed, and the pane's own (an ended session's last). */
export function keptFor(documents: ReadonlyMap<string, unknown>, byId: ReadonlyMap<string, unknown>, paneId: string | undefined): ReadonlyMap<string, unknown> {
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

function scrollTo(state: MonitorState, to: number): MonitorState {
	const max = Math.max(0, state.pane.lines.length - state.paneHeight);
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
			return {...state, focus: 'list', pane: closedPane};
		}

		case 'toggle-focus': {
			return pane.open ? {...state, focus: state.focus === 'list' ? 'pane' : 'list'} : state;
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
			const next = {
				...state,
				paneHeight: Math.max(1, action.height),
				paneWidth,
				pane: paneWidth === state.paneWidth ? pane : {...pane, lines: wrapLines(pane.source, paneWidth)},
			};
			return scrollTo(next, pane.scroll);
		}

		case 'document-loaded': {
			if (pane.id !== action.id) {
				return state; // An answer for a session the pane has since left.
			}

			// A refresh of the same session marks what changed since the last document.
			const previous = pane.document === undefined ? undefined : scalarsByPath(pane.document);
			const source = jsonLines(action.document, previous);
			const lines = wrapLines(source, state.paneWidth);
			const changed = countChanged(source);
			const documents = keep(state.documents, action.id, action.document);
			return scrollTo({...state, documents, pane: {...pane, document: action.document, source, lines, changed, error: undefined}}, pane.scroll);
		}

		case 'document-failed': {
			if (pane.id !== action.id) {
				return state;
			}

			// The document stays: the last good one, under the error (or dimmed, once it ended).
			return {...state, pane: {...pane, ended: pane.ended || action.gone, error: action.gone ? undefined : action.message}};
		}

		default: {
			return undefined;
		}
	}
}
