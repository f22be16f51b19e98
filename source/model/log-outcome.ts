// What L did, once MaxScale has answered: a session's own info log (log_info) turned on or off,
// one sentence for the status line, as a kill's (outcome.ts). Nothing ends: the sessions stay,
// marked or not, and the pane's next document shows `parameters.log_info` as it now is.

import {describeTarget} from './confirm-question.js';
import type {Outcome, Target} from './operations.js';
import {readOnlyRefusal, reasons, sortOutcomes} from './outcome-parts.js';

/** `describeTarget` at the head of a sentence. */
const head = (target: Target) => describeTarget(target).replace(/^s/, 'S');

export function summarizeLog(on: boolean, outcomes: readonly Outcome[], gone: readonly Target[]): string {
	// A 404: ended, or a MaxScale older than 6.0 (no such call), as for a kill (outcome.ts).
	const {done, unsure, older, missing, errors, total} = sortOutcomes('log', outcomes, gone);
	const olderNow = (o: Outcome) => `${o.target.key === o.target.id ? 'its MaxScale' : o.target.host} is now ${o.server?.version ?? ''}, older than 6.0, which cannot set a session's log level`;
	const readOnly = readOnlyRefusal(errors, 'No log level was changed');
	if (readOnly !== undefined) {
		return readOnly;
	}

	if (total === 1) {
		const only = outcomes[0] ?? {target: gone[0]!, ok: false, status: 404};
		if (only.ok) {
			return on
				? `${head(only.target)} logs at info level now (log_info): MaxScale's log has its info messages; L again turns it off.`
				: `${head(only.target)} no longer logs at info level (log_info off).`;
		}

		if (unsure.length > 0) {
			return `${head(only.target)} was not found (404): it had ended, or its MaxScale (version unknown) is older than 6.0, which cannot set a session's log level.`;
		}

		if (older.length > 0) {
			return `${head(only.target)}'s log level was not changed: ${olderNow(only)}.`;
		}

		if (missing.length > 0) {
			return `${head(only.target)} had already ended: no log level to change.`;
		}

		return `Could not turn the info log ${on ? 'on' : 'off'} for ${describeTarget(only.target)}: ${only.error ?? 'unknown error'}`;
	}

	const parts = [`Info log ${on ? 'on' : 'off'} for ${done.length} of ${total} sessions`];
	if (missing.length > 0) {
		parts.push(`${missing.length} had already ended`);
	}

	if (unsure.length > 0) {
		parts.push(`${unsure.length} not found (404): ended, or a MaxScale (version unknown) older than 6.0`);
	}

	if (older.length > 0) {
		parts.push(`${older.length} not changed: ${olderNow(older[0]!)}`);
	}

	if (errors.length > 0) {
		parts.push(`${errors.length} failed: ${reasons(errors)}`);
	}

	const text = parts.join('; ');
	return /[.!?]$/.test(text) ? text : `${text}.`;
}
