// What a kill, restart or log change did, once MaxScale has answered: one sentence for the
// status line (a log change's: log-outcome.ts), and the marks of the sessions it ended taken off.

import type {Action, MonitorState} from './monitor-state.js';
import {describeTarget} from './confirm-question.js';
import type {Operation, Outcome, Target} from './operations.js';
import {withServerInfo} from './poll.js';
import {summarizeLog} from './log-outcome.js';
import {hadTheCall, readOnlyRefusal, reasons, sortOutcomes} from './outcome-parts.js';
import {callSince} from './version.js';

/** One sentence for what a kill or restart did. */
export function summarize(operation: Operation, outcomes: readonly Outcome[], gone: readonly Target[], ttl?: number): string {
	const {done, unsure, older, missing, errors, total} = sortOutcomes(operation, outcomes, gone);
	const past = operation === 'kill' ? 'Killed' : 'Restarted';
	const notDone = operation === 'kill' ? 'not killed' : 'not restarted';
	const olderNow = (o: Outcome) => `${o.target.key === o.target.id ? 'its MaxScale' : o.target.host} is now ${o.server?.version ?? ''}, older than 22.08, which cannot ${operation} sessions`;
	const eitherWay = `it had ended, or its MaxScale (version unknown) is older than 22.08, which cannot ${operation} sessions`;
	const refused = errors.find((o) => o.status === 405);
	if (refused !== undefined) {
		// From a MaxScale known to have the call, a 405 is something in front of it that allows
		// only reads (QA: a 24.02 was told it "needs 22.08 or later").
		return hadTheCall(refused, operation) === true
			? `Not ${operation === 'kill' ? 'killed' : 'restarted'}: the server refused the request (405), though this MaxScale's version has the call; a proxy in front of its REST API may allow only reads.`
			: `This MaxScale cannot ${operation} sessions (405): that needs MaxScale 22.08 or later.`;
	}

	const readOnly = readOnlyRefusal(errors, `Not ${operation === 'kill' ? 'killed' : 'restarted'}`);
	if (readOnly !== undefined) {
		return readOnly;
	}

	if (total === 1) {
		const only = outcomes[0] ?? {target: gone[0]!, ok: false, status: 404};
		if (only.ok) {
			return ttl === undefined
				? `${past} ${describeTarget(only.target)}.`
				// MaxScale's ttl is time to close gracefully: killed then, if still there; it may close sooner.
				// A no-break space: a wrapped line never ends in the number with its unit on the next.
				: `${describeTarget(only.target)} has ${ttl}\u00A0s to close, then is killed.`.replace(/^s/, 'S');
		}

		if (unsure.length > 0) {
			return `${describeTarget(only.target)} was not found (404): ${eitherWay}.`.replace(/^s/, 'S');
		}

		if (older.length > 0) {
			return `${describeTarget(only.target)} was ${notDone}: ${olderNow(only)}.`.replace(/^s/, 'S');
		}

		if (missing.length > 0) {
			// The row under the cursor may still show its id: say why that one is another session.
			const reused = only.target.reused ? `: its MaxScale restarted, and ${only.target.id} now names another session;` : ':';
			return `${describeTarget(only.target)} had already ended${reused} nothing to ${operation}.`.replace(/^s/, 'S');
		}

		return `Could not ${operation} ${describeTarget(only.target)}: ${only.error ?? 'unknown error'}`;
	}

	const parts = [ttl === undefined || operation !== 'kill' ? `${past} ${done.length} of ${total} sessions` : `${done.length} of ${total} sessions have ${ttl}\u00A0s to close, then are killed`];
	if (missing.length > 0) {
		const reused = missing.filter((target) => target.reused).length;
		parts.push(`${missing.length} had already ended${reused === 0 ? '' : ` (${reused} of them under ids a restarted MaxScale gave to others)`}`);
	}

	if (unsure.length > 0) {
		parts.push(`${unsure.length} not found (404): ended, or a MaxScale (version unknown) older than 22.08`);
	}

	if (older.length > 0) {
		parts.push(`${older.length} ${notDone}: ${olderNow(older[0]!)}`);
	}

	if (errors.length > 0) {
		parts.push(`${errors.length} failed: ${reasons(errors)}`);
	}

	// One sentence, ended once: a failure's own message may bring its full stop.
	const text = parts.join('; ');
	return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function operationDone(state: MonitorState, action: Extract<Action, {type: 'operation-done'}>): MonitorState {
	const {operation} = action;
	const failed = action.outcomes.some((o) => !o.ok && o.status !== 404);
	// The marks the confirmation left out (their MaxScale too old) are said again: still marked, not acted on.
	const left = action.unable === undefined ? '' : ` ${action.unable.count} on ${action.unable.hosts.join(', ')} left out: older than ${callSince[operation]}.`;
	const said = operation === 'log' ? summarizeLog(action.logOn === true, action.outcomes, action.gone) : summarize(operation, action.outcomes, action.gone, action.ttl);
	const text = said + left;
	const done = new Set(action.outcomes.filter((o) => o.ok).map((o) => o.target.key));
	// Killed or restarted, a session is done with; one whose log level changed stays marked, for the next key.
	const marked = operation === 'log' ? state.marked : new Set([...state.marked].filter((id) => !done.has(id)));
	// A version asked again after a 404 is the MaxScale's now: the header, the status line and
	// the next K go by it.
	let learnt = state;
	for (const {target, server} of action.outcomes) {
		learnt = server === undefined ? learnt : withServerInfo(learnt, target.host, server);
	}

	const older = action.outcomes.some((o) => o.status === 404 && hadTheCall(o, operation) === false);
	// Closing until the grace period is over, and two polls more (at least 5 s) for the list to show it gone.
	const by = action.at === undefined ? Number.POSITIVE_INFINITY : action.at + ((action.ttl ?? 0) * 1000) + Math.max(5000, 2 * state.intervalMs);
	const closing = action.operation === 'kill' && action.ttl !== undefined && done.size > 0 ? new Map([...state.closing, ...[...done].map((key): [string, number] => [key, by])]) : state.closing;
	return {...learnt, marked, closing, message: {tone: failed || older ? 'error' : 'ok', text, whole: true}};
}
