// What the sentences of an operation's outcome share (outcome.ts for a kill or restart,
// log-outcome.ts for a log level): whether its MaxScale had the call, and its failures' reasons.

import type {Operation, Outcome, Target} from './operations.js';
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


/**
 * An operation's outcomes by what each says. A 404 from a MaxScale of unknown version may be a
 * session gone or a MaxScale with no such call (`unsure`); its version is asked again after a
 * 404 (ui/effects.ts), and one now too old (another MaxScale took the address since) has no such
 * call, its 404 saying nothing of the session (`older`); else the session had ended (`missing`,
 * with those that ended before the answer).
 */
export type Sorted = {done: Outcome[]; unsure: Outcome[]; older: Outcome[]; missing: Target[]; errors: Outcome[]; total: number};

export function sortOutcomes(operation: Operation, outcomes: readonly Outcome[], gone: readonly Target[]): Sorted {
	const failed = outcomes.filter((o) => !o.ok);
	const notFound = failed.filter((o) => o.status === 404);
	return {
		done: outcomes.filter((o) => o.ok),
		unsure: notFound.filter((o) => hadTheCall(o, operation) === undefined),
		older: notFound.filter((o) => hadTheCall(o, operation) === false),
		missing: [...gone, ...notFound.filter((o) => hadTheCall(o, operation) === true).map((o) => o.target)],
		errors: failed.filter((o) => o.status !== 404),
		total: outcomes.length + gone.length,
	};
}

/**
 * A read-only REST API user's refusal, after `nothing` ("Not killed"), or undefined. With Basic
 * authentication MaxScale answers such a user's write with 401 Access denied, not 403 (admin.cc):
 * the same credentials just listed the sessions, so "check --user and --password" would send the
 * operator after the wrong thing.
 */
export function readOnlyRefusal(errors: readonly Outcome[], nothing: string): string | undefined {
	if (errors.some((o) => o.status === 403)) {
		return `${nothing}: this REST API user is read-only (403); use an admin user.`;
	}

	return errors.some((o) => o.status === 401) ? `${nothing}: MaxScale refused it (401 Access denied) to a user it lets list sessions, a read-only (basic) user; use an admin user.` : undefined;
}
