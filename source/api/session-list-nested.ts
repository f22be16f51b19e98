// The arrays in a session's attributes of which the list reader keeps one value an entry:
// `connections` (each backend's `server`, joined: the Server column) and `queries` (the newest
// entry's `statement`, whether it has its `completed` time, and its `received` time, which the
// row's statementSeconds holds as read until the list's clock is known: statement-clock.ts). By
// readSessionList's rules (read-sessions.ts serversOf, statementOf); apart from the reader
// (session-list-reader.ts), which hands these containers' opens and closes and their strings here.

import type {Row} from './session-columns.js';
import {Context, slot} from './session-list-slots.js';
import {receivedWall} from './statement-clock.js';
import {statementLine} from './statement-line.js';

export class NestedReader {
	/** The servers of the `connections` being read, and the `server` of its entry being read. */
	readonly #servers: string[] = [];
	#server: string | undefined;
	/** Whether the newest entry of `queries` being read has a (last) `completed` string: its statement has ended. */
	#completed = false;

	open(opened: number, row: Row): void {
		if (opened === slot.connections) {
			this.#servers.length = 0;
		} else if (opened === slot.connection) {
			this.#server = undefined;
		} else if (opened === slot.queries) {
			// An array: known, and nothing retained until its first entry says a statement.
			row.statement = '';
			row.statementRunning = false;
			row.statementSeconds = undefined;
		} else if (opened === slot.query) {
			this.#completed = false;
		}
	}

	close(context: number, row: Row): void {
		if (context === Context.Query) {
			row.statementRunning = row.statement !== '' && !this.#completed;
		} else if (context === Context.Connection) {
			// An entry counts if its (last) `server` is a non-empty string.
			if (this.#server !== undefined && this.#server !== '') {
				this.#servers.push(this.#server);
			}
		} else if (context === Context.Connections) {
			const servers = this.#servers;
			row.servers = servers.length === 1 ? servers[0]! : servers.join(',');
		}
	}

	/** A string for one of these slots (`entry`: its StringTable entry, or -1); `shown` is how the reader makes a server's text safe. */
	string(to: number, text: string, entry: number, row: Row, shown: (text: string, entry: number) => string): void {
		if (to === slot.server) {
			this.#server = shown(text, entry);
		} else if (to === slot.statement) {
			row.statement = statementLine(text);
		} else if (to === slot.completed) {
			this.#completed = true;
		} else if (to === slot.received) {
			const wall = receivedWall(text);
			row.statementSeconds = Number.isNaN(wall) ? undefined : wall;
		}
	}

	/** A later copy of `server`, `completed` or `received` in its entry: the earlier one no longer counts. False for any other slot. */
	reset(to: number, row: Row): boolean {
		if (to === slot.received) {
			row.statementSeconds = undefined;
			return true;
		}

		if (to === slot.server) {
			this.#server = undefined;
			return true;
		}

		if (to === slot.completed) {
			this.#completed = false;
			return true;
		}

		return false;
	}
}
