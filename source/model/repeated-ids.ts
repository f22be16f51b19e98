// Sessions a list left out because their id repeated an earlier one in it (the reader keeps
// the first: a session is known by its id), or because they had no usable id at all. Said on
// the status line, when the count changes.

import {hostKey} from './host-key.js';
import type {Action, MonitorState} from './monitor-state.js';

type PollOk = Extract<Action, {type: 'poll-ok'}>;

/** A count a list reports, kept per MaxScale as last said, and said again only when it changes. */
function withCountNote(before: MonitorState, after: MonitorState, action: PollOk, field: 'repeated' | 'skipped', sentence: (who: string, count: number) => string): MonitorState {
	const count = action[field] ?? 0;
	const host = hostKey(before, action.host);
	if (after === before || (after.hosts[host]?.[field] ?? 0) === count) {
		return after;
	}

	const hosts = {...after.hosts, [host]: {...after.hosts[host]!, [field]: count}};
	if (count === 0) {
		return {...after, hosts};
	}

	const who = before.hostOrder.length > 1 ? host : 'MaxScale';
	return {...after, hosts, message: {tone: 'info', text: sentence(who, count)}};
}

/**
 * A list whose ids repeat (a hostile server, a proxy that joined two answers) keeps the first
 * session of each, as batch output does: said on the status line when the count changes, as
 * --once and --json say it on stderr.
 */
export function withRepeatedNote(before: MonitorState, after: MonitorState, action: PollOk): MonitorState {
	return withCountNote(before, after, action, 'repeated', (who, count) => `${who} sent ${count} ${count === 1 ? 'session whose id repeats' : 'sessions whose ids repeat'} an earlier one: only the first of each is listed.`);
}

/**
 * Entries of a list that are no session the reader can use (no id, an empty one, not an object):
 * left out, as the screen cannot show, mark or kill them, and said when the count changes (QA:
 * the header's count was silently lower than what MaxScale sent, and --tsv disagreed unexplained).
 */
export function withSkippedNote(before: MonitorState, after: MonitorState, action: PollOk): MonitorState {
	return withCountNote(before, after, action, 'skipped', skippedText);
}

/** `who` sent `count` entries that are no usable session: one sentence, for the screen and batch output. */
export function skippedText(who: string, count: number): string {
	return `${who} sent ${count} ${count === 1 ? 'entry that is' : 'entries that are'} no session with an id: left out.`;
}
