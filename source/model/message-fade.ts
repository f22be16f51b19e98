// The status line's sentence and how long it stays: a few rounds of polls, and at least a
// few seconds by the polls' own clock, so that a kill's outcome is read before it goes.

/**
 * One sentence for the status line; it fades after a few rounds of polls (`poll`: the attempt
 * it was said at), or, `untilPoll`, as soon as the next poll has answered (or failed): news of
 * a poll under way (at a 30 s interval, three rounds kept `Polling now…` for a minute and a half).
 * `answer`: says why a key did nothing; shown over a failure's sentence (a passing note is not)
 * until it fades. `advice`: a note that says what to do (a time zone's flag): read whole, on the
 * key hints' line too if need be, as a failure is. `whole`: a kill's or restart's outcome, the
 * answer to a question the operator just read whole: it too is read whole, the footer taking
 * the lines it needs from the list's (ui/layout.ts), as the question did, until it fades.
 * `search`: n's or N's count of the pane's search (pane-search.ts), which a new search or the
 * pane's closing drops (QA: `Matching line 2 of 2` stayed under a new search with 3 matches).
 */
export type Message = {text: string; tone: 'info' | 'error' | 'ok'; poll?: number; untilPoll?: true; answer?: true; since?: number; advice?: true; whole?: true; search?: true};
export const messagePolls = 3;
/** And at least this long, by the polls' clock: at `-` `-` `-` (every 0.5 s) three polls read a kill's outcome away in 1.5 s. */
export const messageMs = 5000;

/** The state without n's or N's count of a search now gone or replaced (Message.search). */
export function withoutSearchNote<State extends {message?: Message}>(state: State): State {
	return state.message?.search ? {...state, message: undefined} : state;
}

/** What of the monitor's state a message's life depends on. */
type Clocked = {
	message?: Message;
	attempts: number;
	hostOrder: readonly string[];
	lastPoll?: {at: number};
	error?: {at: number};
};

/** The polls' clock: the time of the latest answer or failure of any MaxScale (none yet: 0). */
function pollClock(state: Clocked): number {
	return Math.max(state.lastPoll?.at ?? 0, state.error?.at ?? 0);
}

/** `next`'s message stamped when new (the poll attempt and the clock it was said at), or gone once it has been read. */
export function fadeMessage<State extends Clocked>(before: State, next: State): State {
	if (next.message !== before.message && next.message !== undefined && next.message.poll === undefined) {
		return {...next, message: {...next.message, poll: next.attempts, since: pollClock(next)}};
	}

	// Attempts of every MaxScale count: with several, a message lasts as many rounds as with one.
	const {message} = next;
	const rounds = message?.untilPoll ? 1 : messagePolls * Math.max(1, next.hostOrder.length);
	// A failure since the message was said is not kept waiting: it goes after the polls alone.
	const failedSince = next.error !== undefined && message?.since !== undefined && next.error.at > message.since;
	const read = message?.untilPoll === true || message?.since === undefined || failedSince || pollClock(next) - message.since >= messageMs;
	if (message?.poll !== undefined && next.attempts - message.poll >= rounds && read) {
		return {...next, message: undefined};
	}

	return next;
}
