// A MaxScale that answers again after failing: said once, as its failure was (the sentence
// went the moment it answered, and nothing told an operator who had looked away that it had
// been down, or for how long: QA).

import {formatDuration} from './format.js';
import type {Message, MonitorState} from './monitor-state.js';

/**
 * The sentence for `host`'s first answer after a failure, or undefined when it was not failing;
 * `restarted`: this answer shows it restarted (changes.ts showsRestart), said too, failing
 * before or not (QA: a MaxScale back with every session new was only "answers again").
 */
export function backMessage(state: MonitorState, host: string, at: number, restarted = false): Message | undefined {
	const status = state.hosts[host];
	const name = host === '' ? 'MaxScale' : host;
	const anew = restarted ? ', restarted (its sessions are all new)' : '';
	if (status?.error === undefined || status.lastPoll === undefined) {
		return restarted ? {tone: 'info', text: `${name} restarted: its sessions are all new (its rates start afresh).`} : undefined;
	}

	// Failed, not "no answer": a refused connection answers, with a refusal (QA).
	const seconds = Math.round((at - status.lastPoll.at) / 1000);
	const down = seconds < 1 ? 'under a second' : formatDuration(seconds);
	return {tone: 'ok', text: `${name} answers again${anew}: its polls failed for ${down} before this one.`};
}
