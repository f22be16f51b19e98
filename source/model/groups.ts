// What group a session falls in, whatever the list is grouped by (rows.ts builds the rows):
// the groupings, each group's name and row key, and the order groups come in.

import {addressKey} from './address-order.js';
import {mappedIpv4} from './format.js';
import type {Session} from './session.js';

/**
 * How the list is grouped: by service and then state (the default), by service, by user, by
 * client host, by MaxScale (when several are watched), or not at all. By user or client host,
 * an operator sees who holds the sessions: the application account or the host that opened
 * thousands; by MaxScale, how the load is shared between the MaxScales of a cluster.
 */
export type Grouping = 'service-state' | 'service' | 'user' | 'client' | 'maxscale' | 'flat';
/** In the order `t` steps through them (by MaxScale only when several are watched: view.ts). */
export const groupings: Grouping[] = ['service-state', 'service', 'user', 'client', 'maxscale', 'flat'];

// Lifecycle order of the states MaxScale reports; anything else follows, by name.
const stateOrder = [
	'Session started',
	'Session ready for routing',
	'Session created',
	'Listener Session',
	'Stopping session',
];

export function compareStates(a: string, b: string): number {
	const x = stateOrder.indexOf(a);
	const y = stateOrder.indexOf(b);
	if (x !== y) {
		return x === -1 ? 1 : y === -1 ? -1 : x - y;
	}

	return a < b ? -1 : a > b ? 1 : 0;
}

export const noService = '(no service)';
export const noState = '(no state)';
export const noUser = '(no user)';
export const noClient = '(no client)';

// Group keys start with NUL so that no session id (server text) can collide with them.
export const serviceKey = (service: string) => `\u0000service\u0000${service}`;
export const stateKey = (service: string, state: string) => `\u0000state\u0000${service}\u0000${state}`;
const userKey = (user: string) => `\u0000user\u0000${user}`;
const clientKey = (client: string) => `\u0000client\u0000${client}`;
const maxscaleKey = (host: string) => `\u0000maxscale\u0000${host}`;
/** The MaxScale a group row stands for, when grouped by MaxScale (its key says so): else undefined. */
export const maxscaleOfKey = (key: string, name: string) => (key === maxscaleKey(name) ? name : undefined);

/** The group a session falls in: its service and state, named even when MaxScale left them out. */
export const serviceName = (s: Session) => s.service || noService;
export const stateName = (s: Session) => s.state || noState;
/**
 * What stands for a session's missing user: `(no user)` for one still logging in, which has
 * its client's address already; `?` on a MaxScale that reports neither (2.1 sends no user and
 * no address for any session), as any value a MaxScale does not report.
 */
export const missingUser = (s: Session) => (s.remote === undefined ? '?' : noUser);
export const userName = (s: Session) => s.user || missingUser(s);
/**
 * The client's address, without its port: one group per machine, not per connection. An
 * IPv4-mapped one (`::ffff:10.0.7.6`, a dual-stack listener's) as the IPv4 address it is, as
 * its cells show it: one machine, one group, whichever listener it came through.
 */
export const clientName = (s: Session) => (s.remote ? (mappedIpv4(s.remote) ?? s.remote) : noClient);

/** The outer group a session falls in under `grouping` (flat: its service, unused). */
export function outerName(grouping: Grouping, s: Session): string {
	switch (grouping) {
		case 'user': {
			return userName(s);
		}

		case 'client': {
			return clientName(s);
		}

		// The MaxScale as the operator named it (-h): its label, as the MaxScale column shows it.
		case 'maxscale': {
			return s.host;
		}

		default: {
			return serviceName(s);
		}
	}
}

/**
 * The outer groups that stand with no session in them: grouped by MaxScale, every MaxScale
 * watched, when several are (one down, not answered yet, or idle has its row, `0`). `hosts`:
 * the MaxScales in the order of -h.
 */
export function standingGroups(grouping: Grouping, hosts: readonly string[]): readonly string[] {
	return grouping === 'maxscale' && hosts.length > 1 ? hosts : [];
}

/**
 * An outer group's row key. A user and a service of the same name have different keys, so
 * a service collapsed before `t` does not fold the user named like it after.
 */
export function outerKey(grouping: Grouping, name: string): string {
	return grouping === 'user' ? userKey(name) : grouping === 'client' ? clientKey(name) : grouping === 'maxscale' ? maxscaleKey(name) : serviceKey(name);
}

/** The keys of every group a session could be under, innermost first; the rows of one grouping hold only theirs. */
export function groupKeysOf(s: Session): string[] {
	const service = serviceName(s);
	return [stateKey(service, stateName(s)), serviceKey(service), userKey(userName(s)), clientKey(clientName(s)), maxscaleKey(s.host)];
}

const compareTexts = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Client groups as addresses are read: `10.0.8.9` before `10.0.8.105` (as text it comes after),
 * the sessions with no client first (as `(no service)` is among services), then IPv4 by
 * number, IPv6 by number, then the rest (names) as text (address-order.ts).
 */
function compareClients(a: string, b: string): number {
	if (a === noClient || b === noClient) {
		return a === b ? 0 : a === noClient ? -1 : 1;
	}

	return compareTexts(addressKey(a), addressKey(b));
}

/**
 * The order of the outer groups' names under `grouping`. MaxScales in the order of -h
 * (`hosts`), as the header's host line and --once list them (QA: grouped, they came by name).
 */
export function compareGroupNames(grouping: Grouping, hosts: readonly string[] = []): (a: string, b: string) => number {
	if (grouping === 'maxscale') {
		const place = (host: string) => {
			const at = hosts.indexOf(host);
			return at === -1 ? hosts.length : at;
		};

		return (a, b) => place(a) - place(b) || compareTexts(a, b);
	}

	return grouping === 'client' ? compareClients : compareTexts;
}
