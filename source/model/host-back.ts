// A MaxScale that answers again after failing: said once, as its failure was (the sentence
// went the moment it answered, and nothing told an operator who had looked away that it had
// been down, or for how long: QA).

import {formatDuration} from './format.js';
import type {Message, MonitorState} from './monitor-state.js';

/** The sentence for `host`'s first answer after a failure, or undefined when it was not failing. */
export function backMessage(state: MonitorState, host: string, at: number): Message | undefined {
	const status = state.hosts[host];
	if (status?.error === undefined || status.lastPoll === undefined) {
		return undefined;
	}

	const name = host === '' ? 'MaxScale' : host;
	const seconds = Math.round((at - status.lastPoll.at) / 1000);
	const down = seconds < 1 ? 'under a second' : formatDuration(seconds);
	return {tone: 'ok', text: `${name} answers again: no answer for ${down} before this poll.`};
}
