// The list reader's row (session-list-reader.ts): the fields of the resource being read,
// as each member name that matters resets one and each number sets one. Apart from the
// reader, which keeps what spans rows (the ids seen, the parts, the `connected` cache).

import type {Row} from './session-columns.js';
import {slot} from './session-list-slots.js';

/** Forgets what a resource's attributes said: all but its id, host and service. */
export function clearAttributes(row: Row): Row {
	row.state = '';
	row.user = undefined;
	row.remote = undefined;
	row.port = undefined;
	row.connectedAt = undefined;
	row.ageSeconds = undefined;
	row.idleSeconds = undefined;
	row.memoryBytes = undefined;
	row.ioActivity = undefined;
	row.thread = undefined;
	row.servers = undefined;
	row.statement = undefined;
	row.statementRunning = undefined;
	row.statementSeconds = undefined;
	return row;
}

const finite = (value: number) => (Number.isFinite(value) ? value : undefined);

/** A number for the row: readSession's `count`, a finite number or nothing. `ageSeconds` holds seconds_alive until the poll time is known. */
export function setRowNumber(row: Row, to: number, value: number): void {
	switch (to) {
		case slot.secondsAlive: {
			row.ageSeconds = finite(value);
			break;
		}

		case slot.port: {
			row.port = finite(value);
			break;
		}

		case slot.idle: {
			row.idleSeconds = finite(value);
			break;
		}

		case slot.ioActivity: {
			row.ioActivity = finite(value);
			break;
		}

		case slot.thread: {
			row.thread = finite(value);
			break;
		}

		case slot.total: {
			row.memoryBytes = finite(value);
			break;
		}

		default:
	}
}

/** A later copy of a member that holds a row field came: the earlier one no longer counts. */
export function resetRow(row: Row, to: number): void {
	switch (to) {
		case slot.relationships:
		case slot.services:
		case slot.serviceData:
		case slot.serviceId: {
			row.service = '';
			break;
		}

		case slot.secondsAlive: {
			row.ageSeconds = undefined;
			break;
		}

		case slot.state: {
			row.state = '';
			break;
		}

		case slot.user: {
			row.user = undefined;
			break;
		}

		case slot.remote: {
			row.remote = undefined;
			break;
		}

		case slot.port: {
			row.port = undefined;
			break;
		}

		case slot.idle: {
			row.idleSeconds = undefined;
			break;
		}

		case slot.ioActivity: {
			row.ioActivity = undefined;
			break;
		}

		case slot.thread: {
			row.thread = undefined;
			break;
		}

		case slot.connections: {
			row.servers = undefined;
			break;
		}

		// A later `queries` replaces the list of them; a later `statement` in the newest entry, its text.
		case slot.queries: {
			row.statement = undefined;
			row.statementRunning = undefined;
			row.statementSeconds = undefined;
			break;
		}

		case slot.statement: {
			row.statement = '';
			break;
		}

		default: {
			// Memory and its total.
			row.memoryBytes = undefined;
		}
	}
}
