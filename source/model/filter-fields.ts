// What each field of a session reads as to the `/` filter (filter.ts): its texts, as the
// columns write them (a client also as MaxScale reports it), and its numbers; the names a term
// may give a field. Apart from the filter's grammar, which only says how terms combine.

import {formatClient, reportedClient, serversText} from './format.js';
import type {Session} from './session.js';

export type TextField = 'id' | 'user' | 'client' | 'host' | 'service' | 'server' | 'state' | 'maxscale' | 'statement';
export type NumberField = 'idle' | 'age' | 'memory' | 'io' | 'running';
export const textFields = new Set<string>(['id', 'user', 'client', 'host', 'service', 'server', 'state', 'maxscale', 'statement']);
/** Other names a field may be typed as. */
export const fieldAliases: Readonly<Record<string, TextField>> = {sql: 'statement'};
export const numberFields = new Set<string>(['idle', 'age', 'memory', 'io', 'running']);

/**
 * The client as shown (`10.0.7.5:4000`) and, for an IPv4-mapped one, as MaxScale reports
 * it (`[::ffff:10.0.7.5]:4000`, what maxctrl and the JSON pane show): an address copied
 * from either finds the session.
 */
function clientTexts(session: Session): string[] {
	const shown = formatClient(session.remote, session.port);
	const reported = session.remote === undefined ? shown : reportedClient(session.remote, session.port);
	return reported === shown ? [shown] : [shown, reported];
}

export function fieldTexts(session: Session, field: TextField): string[] {
	return field === 'client' ? clientTexts(session) : [fieldText(session, field)];
}

function fieldText(session: Session, field: Exclude<TextField, 'client'>): string {
	switch (field) {
		case 'id': {
			return session.id;
		}

		case 'user': {
			return session.user ?? '';
		}

		case 'host': {
			return session.remote ?? '';
		}

		case 'service': {
			return session.service;
		}

		// The backends as the Server column writes them, joined by commas: `server:db2` finds
		// a session on db1 and db2 alike, `server:none` one on none yet.
		case 'server': {
			return serversShown(session);
		}

		case 'state': {
			return session.state;
		}

		case 'maxscale': {
			return session.host;
		}

		// The newest retained statement on one line, as its column shows it without the running mark.
		case 'statement': {
			return session.statement ?? '';
		}
	}
}

export function fieldNumber(session: Session, field: NumberField): number | undefined {
	switch (field) {
		case 'idle': {
			return session.idleSeconds;
		}

		case 'age': {
			return session.ageSeconds;
		}

		case 'memory': {
			return session.memoryBytes;
		}

		case 'io': {
			return session.ioActivity;
		}

		// How long the statement has run; none running, or statements not known: nothing to compare.
		case 'running': {
			return session.statementSeconds;
		}
	}
}

/** The Server column's text, but '' where the version does not say (not its `?`, which every text would find). */
const serversShown = (session: Session) => (session.servers === undefined ? '' : serversText(session.servers));

/** The texts plain text and a bare regex look in. */
export const columnsOf = (session: Session) => [session.id, session.user ?? '', ...clientTexts(session), session.service, serversShown(session), session.state, session.statement ?? ''];

