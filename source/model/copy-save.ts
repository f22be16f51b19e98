// What y copies and what s says it saved: the pane's document (escaped as the pane shows it)
// or the session's id, and the sentence for the file s wrote (ui/effects.ts saveSnapshot).

import type {MonitorState} from './monitor-state.js';
import {paneSubject} from './pane-title.js';
import {escapeUnseen} from './sanitize.js';

/** A terminal clipboard over SSH takes about 100 KB of base64: 74 KB of text. */
export const copyLimitBytes = 74_000;

/** `y`: the open document, else the id under the cursor, as a copy effect; or why not, in one sentence. */
export function copy(state: MonitorState): MonitorState {
	const seq = state.seq + 1;
	if (state.pane.open && state.pane.document !== undefined) {
		let text: string;
		try {
			// Escaped as the pane shows it: a paste must not carry a bidi override or a C1 control.
			text = escapeUnseen(JSON.stringify(state.pane.document, null, 2));
		} catch {
			// A document nested deeper than the stack allows (a hostile server).
			return {...state, message: {tone: 'error', text: 'This document is nested too deep to copy: press s to save it to a file.'}};
		}

		const shown = state.pane.id === undefined ? undefined : state.byId.get(state.pane.id);
		const document = `document of session ${shown === undefined ? (state.pane.id ?? '?') : `${shown.id}${onHost(shown)}`}`;
		const what = `the ${document}`;
		if (Buffer.byteLength(text) > copyLimitBytes) {
			const kb = Math.ceil(Buffer.byteLength(text) / 1000);
			return {...state, message: {tone: 'error', text: `The ${document} is ${kb} KB, over the ${copyLimitBytes / 1000} KB a terminal clipboard takes: press s to save it to a file.`}};
		}

		return {...state, seq, effects: [...state.effects, {seq, kind: 'copy', text, what}]};
	}

	const session = state.selectedId === undefined ? undefined : state.byId.get(state.selectedId);
	if (session === undefined) {
		return {...state, message: {tone: 'error', text: 'Put the cursor on a session to copy its id.'}};
	}

	return {...state, seq, effects: [...state.effects, {seq, kind: 'copy', text: session.id, what: `session id ${session.id}${onHost(session)}`}]};
}

/** ` on mx2:8989` when several MaxScales are watched (the same id on two is two sessions: QA), else nothing. */
function onHost(session: {key: string; id: string; host: string}): string {
	return session.key === session.id ? '' : ` on ${session.host}`;
}

/**
 * What `s` wrote (ui/effects.ts saveSnapshot: the list as filtered, and the pane's document
 * when the pane is open and has one), said of the state it was written from.
 */
export function savedMessage(state: Pick<MonitorState, 'filter' | 'pane'>, file: string): string {
	const list = state.filter.test === undefined ? 'the list' : 'the filtered list';
	const {pane} = state;
	const document = pane.open && pane.document !== undefined ? ` and the ${pane.ended ? 'last ' : ''}document of ${paneSubject(pane)}` : '';
	return `Saved ${list}${document} to ${file}.`;
}
