// What the footer's status line says besides a message: the start's notice, and, with
// several MaxScales, which others are failing besides the one whose failure it tells.

import {messageMs, messagePolls} from './message-fade.js';
import type {MonitorState} from './monitor-state.js';
import {sanitize} from './sanitize.js';

/**
 * A note for the status line from the start (the demo's address, a recording's file, a
 * replay's span: 'info', one line) or a warning (TLS verification off: 'warn', shown whole).
 */
export type Notice = {text: string; tone: 'info' | 'warn'; more?: string};

/**
 * The status line's note from the start: the warnings first (a config file others can read,
 * TLS verification off), each a sentence, read whole as a 'warn'; then the notes (the demo's
 * address, the recording's file), which alone are an 'info' that gives way to the key hints.
 */
export function startNotice(warnings: readonly string[], notes: ReadonlyArray<string | undefined>): Notice | undefined {
	// They quote settings (a config file's path, --record's file name), which may hold anything
	// the user typed: the footer sanitizes them, as every sentence it shows.
	const said = notes.filter((note): note is string => note !== undefined && note !== '');
	if (warnings.length > 0) {
		// The warnings read whole; the notes after them only where the line has room (ui/footer.tsx).
		return {tone: 'warn', text: `Warning: ${warnings.join(' ')}`, ...(said.length === 0 ? {} : {more: said.join(' ')})};
	}

	return said.length === 0 ? undefined : {tone: 'info', text: said.join(' ')};
}

/**
 * Whether the status line says the latest failure (state.error): unless a sentence of its own
 * stands over it, an outcome or the answer to a key (ui/footer.tsx; ui/layout.ts gives it the
 * lines it needs). A failure newer than that sentence is news, and is said over it: only a kill's
 * or restart's outcome, read whole, keeps its place until it fades (QA: a key's answer hid a hung
 * MaxScale's timeout for 11 to 33 s, and one MaxScale's "answers again" another's new failure).
 */
export function showsError(state: Pick<MonitorState, 'error' | 'message'>): boolean {
	const {message, error} = state;
	if (error === undefined || message === undefined) {
		return error !== undefined;
	}

	const newer = message.since !== undefined && error.at > message.since && message.whole !== true;
	return newer || !(message.tone !== 'info' || message.answer === true);
}

/**
 * Whether a warning from the start has been read: a few rounds of polls and a few seconds, as
 * a message (message-fade.ts). Until then it is read whole, on the key hints' line too if need
 * be; then it keeps one line, and the hints come back (QA: with `-n false` on an 80-column
 * terminal, `? help` never showed).
 */
export function noticeRead(state: Pick<MonitorState, 'attempts' | 'hostOrder' | 'pollingSince' | 'lastPoll' | 'error'>): boolean {
	const clock = Math.max(state.lastPoll?.at ?? 0, state.error?.at ?? 0);
	return state.attempts >= messagePolls * Math.max(1, state.hostOrder.length) && clock - (state.pollingSince?.at ?? clock) >= messageMs;
}

/**
 * The hosts failing now, in the order given, but the one whose failure `state.error` is
 * (the latest: model/poll.ts currentError). None with one MaxScale.
 */
export function othersFailing(state: Pick<MonitorState, 'hostOrder' | 'hosts' | 'error'>): string[] {
	const {error} = state;
	if (error === undefined || state.hostOrder.length < 2) {
		return [];
	}

	const failing = state.hostOrder.filter((host) => state.hosts[host]?.error !== undefined);
	// The latest failure is one host's own error object: poll-failed sets the same object in
	// both places, and currentError picks one of the hosts' after a poll.
	const latest = failing.find((host) => state.hosts[host]?.error === error);
	return failing.filter((host) => host !== latest).map((host) => sanitize(host));
}

/**
 * The end of the failure's sentence that names the other failing hosts: the first `named`
 * of `hosts`, and how many more when not all are named.
 */
export function alsoFailing(hosts: readonly string[], named: number): string {
	if (hosts.length === 0) {
		return '';
	}

	if (named <= 0) {
		return ` (${hosts.length} other ${hosts.length === 1 ? 'MaxScale' : 'MaxScales'} failing)`;
	}

	const left = hosts.length - named;
	return ` (also failing: ${hosts.slice(0, named).join(', ')}${left > 0 ? ` +${left} more` : ''})`;
}
