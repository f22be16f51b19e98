// What the sentences of an operation's outcome share (outcome.ts for a kill or restart,
// log-outcome.ts for a log level): whether its MaxScale had the call, and its failures' reasons.

import type {Operation, Outcome} from './operations.js';
import {hasCall} from './version.js';

/** Whether the MaxScale that answered has the call (undefined: its version is unknown). */
export function hadTheCall(outcome: Outcome, operation: Operation = 'kill'): boolean | undefined {
	return outcome.target.versionUnknown ? undefined : outcome.server === undefined ? true : hasCall(operation, outcome.server.version);
}

/** Most reasons a failure names: each says what to do, and the footer gives them the lines they need. */
const reasonsSaid = 3;

/**
 * Each different reason once, each a sentence of its own: two MaxScales that failed for
 * different reasons (one down, one slow) each say what to do (QA: only the first was said).
 */
export function reasons(errors: readonly Outcome[]): string {
	const distinct = [...new Set(errors.map((o) => o.error ?? 'unknown error'))];
	const said = distinct.slice(0, reasonsSaid).map((text, index) => (index === distinct.length - 1 || /[.!?]$/.test(text) ? text : `${text}.`));
	const others = distinct.length - said.length;
	return others === 0 ? said.join(' ') : `${said.join(' ')} And ${others} other reason${others === 1 ? '' : 's'}`;
}

