// What a kill or restart confirmation asks, and how it names a session: read whole before
// y (ui/status-text.ts lays it out), and named again in the outcome (outcome.ts).

import type {Confirm, Target} from './operations.js';
import {truncate} from './sanitize.js';
import {callSince} from './version.js';

/** The longest user name a question or an outcome gives whole: a usual one, and then some. */
const longestUser = 40;

export function describeTarget(target: Target): string {
	const where = target.key === target.id ? '' : ` on ${target.host}`;
	// Neither reported (2.1 has no user or remote; a 24.02 session still authenticating has no user): not `?@?`.
	// No user, as the list says `(no user)`: not `?@host` nor `@host` (QA). A user name a client
	// made long is cut: the question is read whole, and the client and service must stay in it.
	const user = target.user === undefined || target.user === '' ? undefined : truncate(target.user, longestUser);
	const who = user === undefined ? (target.client === '?' ? '' : `no user, ${target.client}, `) : `${user}@${target.client}, `;
	return `session ${target.id}${where} (${who}${target.service || 'no service'})`;
}

/** Ids a prompt names before it says `and N more`: enough to recognise, short enough for one line. */
export const namedIds = 5;

/**
 * `123, 456, 789 and 4 more`: the ids, with several MaxScales each MaxScale once after its own
 * (`2, 3 on mx2; 5 on mx1`, not `2 on mx2, 3 on mx2`: QA). Never `and 1 more`: that one is named.
 */
function idList(targets: readonly Target[]): string {
	const named = targets.length <= namedIds + 1 ? targets : targets.slice(0, namedIds);
	const byHost = new Map<string, string[]>();
	for (const target of named) {
		const host = target.key === target.id ? '' : target.host;
		byHost.set(host, [...(byHost.get(host) ?? []), target.id]);
	}

	const text = [...byHost].map(([host, ids]) => (host === '' ? ids.join(', ') : `${ids.join(', ')} on ${host}`)).join('; ');
	const more = targets.length - named.length;
	return more > 0 ? `${text} and ${more} more` : text;
}

/** `a`, `a and b`, or `3 services`: the names when one or two, else how many. */
function fewOrCount(names: ReadonlySet<string>, what: string): string {
	const list = [...names];
	return list.length <= 2 ? list.join(' and ') : `${list.length} ${what}`;
}

/**
 * Whose the marked sessions are, beyond their first ids: ` of metabase on RW-Split-Router`,
 * ` of 3 users on Analytics-Service and RW-Split-Router` (QA: a whole group marked at once was
 * 210 sessions named by five ids). The users only when every one has logged in.
 */
function whose(targets: readonly Target[]): string {
	const users = new Set(targets.map((target) => (target.user === undefined || target.user === '' ? '' : truncate(target.user, longestUser))));
	const services = new Set(targets.map((target) => target.service || 'no service'));
	const of = users.has('') ? '' : ` of ${fewOrCount(users, 'users')}`;
	return `${of} on ${fewOrCount(services, 'services')}`;
}

/**
 * The question a confirmation asks, naming what it acts on: marks can sit on sessions the
 * filter hides, and "2 marked sessions" alone would not say which, or that they are off screen.
 */
export function confirmQuestion(confirm: Confirm): string {
	const verb = confirm.operation === 'kill' ? 'Kill' : confirm.operation === 'restart' ? 'Restart' : 'Info log for';
	const since = callSince[confirm.operation];
	const cannot = confirm.operation === 'log' ? "set a session's log level" : confirm.operation;
	const [only] = confirm.targets;
	// Marks on a MaxScale too old for the call are left out, and a version not known yet is
	// said (before 22.08 there is no such call, and its 404 would read as "already gone"):
	// both in one parenthesis.
	const notes = [
		...(confirm.unable === undefined ? [] : [`not the ${confirm.unable.count} on ${confirm.unable.hosts.join(', ')}: ${confirm.unable.hosts.length === 1 ? 'that MaxScale is' : 'those MaxScales are'} older than ${since}`]),
		...(confirm.targets.some((target) => target.versionUnknown) ? [`MaxScale's version is unknown, and one older than ${since} cannot ${cannot}`] : []),
		...(confirm.failing === undefined ? [] : [`${confirm.failing.join(', ')} ${confirm.failing.length === 1 ? 'is not answering: the rows are its' : 'are not answering: the rows are their'} last good list`]),
		...(confirm.ended === undefined ? [] : [confirm.targets.length === 1 ? 'it has ended since: nothing to ' + (confirm.operation === 'log' ? 'change' : confirm.operation) : `${confirm.ended} of the ${confirm.targets.length} ${confirm.ended === 1 ? 'has' : 'have'} ended since`]),
	];
	const unable = notes.length === 0 ? '' : ` (${notes.join('; ')})`;
	if (confirm.targets.length === 1 && only !== undefined) {
		// As the pane's document says it is now, when the pane is open on it.
		const now = confirm.logNow === undefined ? '' : `, ${confirm.logNow ? 'on' : 'off'} now`;
		return `${verb} ${describeTarget(only)}${confirm.hidden > 0 ? ', hidden by the filter' : ''}${now}${unable}?${whatItDoes(confirm)}`;
	}

	const hidden = confirm.hidden > 0 ? ` (${confirm.hidden} hidden by the filter)` : '';
	return `${verb} ${confirm.targets.length} marked sessions${whose(confirm.targets)}${hidden}: ${idList(confirm.targets)}${unable}?${whatItDoes(confirm)}`;
}

/**
 * A restart is no kill, but "restart" alone may read as one (QA): MaxScale opens new
 * connections to the servers with the service's latest configuration, then drops the old
 * ones, and the client stays connected under the same id (maxctrl's `reload session`).
 */
function whatItDoes(confirm: Confirm): string {
	const one = confirm.targets.length === 1;
	if (confirm.operation === 'log') {
		// MaxScale's own log, at info level for these sessions alone (log_info): how each statement is routed.
		return ` MaxScale's log then has ${one ? 'its' : 'their'} info messages (how each statement is routed).`;
	}

	return confirm.operation === 'restart' ? ` ${one ? 'It gets' : 'Each gets'} new server connections and the service's latest configuration; the client stays connected.` : '';
}
