// Sessions a list left out because their id repeated an earlier one in it (the reader keeps
// the first: a session is known by its id), or because they had no usable id at all. Said on
// the status line, when the count changes.

import {hostKey} from './host-key.js';
import type {Action, MonitorState} from './monitor-state.js';

/**
 * A list whose ids repeat (a hostile server, a proxy that joined two answers) keeps the first
 * session of each, as batch output does: said on the status line when the count changes, as
 * --once and --json say it on stderr.
 */
export function withRepeatedNote(before: MonitorState, after: MonitorState, action: Extract<Action, {type: 'poll-ok'}>): MonitorState {
	const repeated = action.repeated ?? 0;
	const host = hostKey(before, action.host);
	if (after === before || (after.hosts[host]?.repeated ?? 0) === repeated) {
		return after;
	}

	const hosts = {...after.hosts, [host]: {...after.hosts[host]!, repeated}};
	if (repeated === 0) {
		return {...after, hosts};
	}

	const who = before.hostOrder.length > 1 ? host : 'MaxScale';
	const text = `${who} sent ${repeated} ${repeated === 1 ? 'session whose id repeats' : 'sessions whose ids repeat'} an earlier one: only the first of each is listed.`;
	return {...after, hosts, message: {tone: 'info', text}};
}

/**
 * Entries of a list that are no session the reader can use (no id, an empty one, not an object):
 * left out, as the screen cannot show, mark or kill them, and said when the count changes (QA:
 * the header's count was silently lower than what MaxScale sent, and --tsv disagreed unexplained).
 */
export function withSkippedNote(before: MonitorState, after: MonitorState, action: Extract<Action, {type: 'poll-ok'}>): MonitorState {
	const skipped = action.skipped ?? 0;
	const host = hostKey(before, action.host);
	if (after === before || (after.hosts[host]?.skipped ?? 0) === skipped) {
		return after;
	}

	const hosts = {...after.hosts, [host]: {...after.hosts[host]!, skipped}};
	if (skipped === 0) {
		return {...after, hosts};
	}

	const who = before.hostOrder.length > 1 ? host : 'MaxScale';
	return {...after, hosts, message: {tone: 'info', text: skippedText(who, skipped)}};
}

/** `who` sent `count` entries that are no usable session: one sentence, for the screen and batch output. */
export function skippedText(who: string, count: number): string {
	return `${who} sent ${count} ${count === 1 ? 'entry that is' : 'entries that are'} no session with an id: left out.`;
}
