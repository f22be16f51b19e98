// readSessionList (read-sessions.ts) for a body that streams through the JSON scanner:
// it takes from `GET /v1/sessions` only the values a Session holds, straight into
// columns, with the same rules to the letter: a member that comes twice counts as its
// last copy (JSON.parse keeps the last), strings are sanitized, numbers must be finite,
// an entry without a usable id is skipped and a repeated id is dropped (the first wins).
// Every member name that matters resets what it stands for, so a later copy replaces
// an earlier one entirely, whatever its type.

import type {Buffer} from 'node:buffer';
import {shown} from '../model/sanitize.js';
import {skip, type JsonSink} from './json-scanner.js';
import {connectedAtEntry, sizeConnectedCache} from './connected-cache.js';
import {notASessionList} from './answered-error.js';
import type {Origin} from './read-sessions.js';
import {agesFromConnected, isZoneless} from './server-clock.js';
import {ColumnsBuilder, type Row, type SessionColumns} from './session-columns.js';
import {clearAttributes, resetRow, setRowNumber} from './session-list-row.js';
import {Context, names, opens, slot, slotOfName} from './session-list-slots.js';
import {NestedReader} from './session-list-nested.js';
import {SeenIds} from './seen-ids.js';
import {StringTable} from './string-table.js';
import {runTimes, sampleRow, StatementClock} from './statement-clock.js';

/**
 * `generation` counts the `data` members met (JSON.parse keeps the last): a part of an
 * earlier generation is void.
 */
export type ColumnsRead = {ok: true; columns: SessionColumns; skipped: number; duplicates: number; aheadMs: number; generation: number; statementNow: number} | {ok: false; reason: string};

/**
 * Where the list goes as it is read, a part of `rows` sessions at a time (the list worker
 * posts each one, so that the main thread rebuilds them while the rest is read). Only rows
 * whose age is already known go early: one that takes it from `connected` and the poll
 * time (no seconds_alive before 24.02) keeps itself and all after it for finish().
 */
export type PartSink = {rows: number; take(columns: SessionColumns, generation: number): void};

export class SessionListReader implements JsonSink {
	static readonly rootSlot = slot.root;
	readonly #origin: Origin;
	#hasData = false;
	#builder: ColumnsBuilder;
	readonly #strings: StringTable;
	readonly #seen: SeenIds;
	/** The id's entry in #strings (SeenIds), -1 if none. */
	#idEntry = -1;
	#skipped = 0;
	#duplicates = 0;
	/**
	 * The resource being read; `ageSeconds` holds seconds_alive until the poll time is known.
	 * One object, cleared in place for each resource (the builder copies it out), with every
	 * field from the start: no allocation per session, and one shape for V8.
	 */
	readonly #row: Row = clearAttributes({id: '', host: '', service: '', state: ''});
	#id: string | undefined;
	/** The resource's `connected` text, if a string; and whether the list's first one had no zone (server-clock.ts). */
	#rowConnected: string | undefined;
	#zoneless: boolean | undefined;
	readonly #parts: PartSink | undefined;
	#generation = 0;
	/** A row in the builder waits for the poll time to get its age: no more parts. */
	#waiting = false;
	/** `connections` and `queries`, read an entry at a time. */
	readonly #nested = new NestedReader();
	/** MaxScale's local clock as the list's statements and idle times tell it (statement-clock.ts). */
	readonly #clock = new StatementClock();
	readonly #shownText = (text: string, entry: number) => this.#shown(text, entry);
	/** Whether a string was made safe or cut to be shown (sanitize.ts shown()): --json then reads the body exactly. */
	altered = false;

	/** `strings`: the scanner's, whose entries the reader keeps what it learnt by (the same ids and times come every poll). */
	constructor(origin: Origin, parts?: PartSink, strings = new StringTable()) {
		this.#origin = origin;
		this.#parts = parts;
		this.#builder = new ColumnsBuilder(origin.keyed);
		this.#strings = strings;
		this.#seen = new SeenIds(strings);
		// What a `connected` text meant under another zone is not what it means under this one.
		strings.numbersFor(origin.serverZone ?? '');
	}

	key(context: number, bytes: Buffer, start: number, end: number): number {
		const found = slotOfName(context, bytes, start, end);
		return found === skip ? skip : this.#reset(found);
	}

	keyText(context: number, text: string): number {
		const found = Object.hasOwn(names[context] ?? {}, text) ? names[context]![text]! : skip;
		return found === skip ? skip : this.#reset(found);
	}

	element(context: number, index: number): number {
		if (context === Context.Data) {
			return slot.resource;
		}

		if (context === Context.Connections) {
			return slot.connection;
		}

		// Newest first: only the first entry's statement is the session's (readSessionList's statementOf).
		if (context === Context.Queries) {
			return index === 0 ? slot.query : skip;
		}

		return context === Context.ServiceData && index === 0 ? slot.firstService : skip;
	}

	open(opened: number): number {
		if (opened === slot.data) {
			this.#hasData = true;
		} else if (opened === slot.resource) {
			this.#id = undefined;
			this.#row.host = this.#origin.host;
			this.#row.service = '';
			clearAttributes(this.#row);
			this.#rowConnected = undefined;
		} else {
			this.#nested.open(opened, this.#row);
		}

		return opens(opened);
	}

	close(context: number): void {
		if (context !== Context.Resource) {
			this.#nested.close(context, this.#row);
			return;
		}

		// One server, one format: the first `connected` of the list tells (as readSessionList).
		if (this.#zoneless === undefined && this.#rowConnected !== undefined) {
			this.#zoneless = isZoneless(this.#rowConnected);
		}

		const id = this.#id;
		if (id === undefined || id === '') {
			this.#skipped++;
		} else if (!this.#seen.add(id, this.#idEntry)) {
			this.#duplicates++;
		} else {
			this.#row.id = id;
			sampleRow(this.#row, this.#clock);
			this.#builder.add(this.#row);
			if (this.#parts !== undefined) {
				this.#takePart(this.#parts);
			}
		}
	}

	/** `entry` ≥ 0: a StringTable text, so printable ASCII but maybe DEL, and short: shown as it is unless it holds DEL. */
	#shown(text: string, entry = -1): string {
		if (entry >= 0 && !text.includes('\u007F')) {
			return text;
		}

		const safe = shown(text);
		this.altered ||= safe !== text;
		return safe;
	}

	string(to: number, text: string, entry: number): void {
		const row = this.#row;
		switch (to) {
			case slot.id: {
				const id = this.#shown(text, entry);
				this.#id = id;
				this.#idEntry = id === text ? entry : -1;
				break;
			}

			case slot.connected: {
				row.connectedAt = connectedAtEntry(text, entry, this.#strings, this.#origin.serverZone);
				this.#rowConnected = text;
				break;
			}

			case slot.state: {
				row.state = this.#shown(text, entry);
				break;
			}

			case slot.user: {
				row.user = this.#shown(text, entry);
				break;
			}

			case slot.remote: {
				row.remote = this.#shown(text, entry);
				break;
			}

			case slot.serviceId: {
				row.service = this.#shown(text, entry);
				break;
			}

			default: {
				this.#nested.string(to, text, entry, row, this.#shownText);
			}
		}
	}

	number(to: number, value: number): void {
		if (to === slot.id) {
			this.#id = String(value);
			this.#idEntry = -1;
		} else {
			setRowNumber(this.#row, to, value);
		}
	}

	other(): void {
		// Only a resource slot takes "other": an entry of `data` that is not an object.
		this.#skipped++;
	}

	/** The list, once the body has ended and scanned as valid JSON; `polledAt` turns `connected` into ages. */
	finish(polledAt: number): ColumnsRead {
		if (!this.#hasData) {
			return {ok: false, reason: notASessionList};
		}

		// Where seconds_alive (24.02) was absent, the age comes from `connected`, as
		// readSession does, moved as readSessionList moves it (server-clock.ts).
		const correct = this.#zoneless === true && this.#origin.serverZone === undefined;
		const aheadMs = agesFromConnected(this.#builder.numbers('ageSeconds'), this.#builder.numbers('connectedAt'), this.#builder.numbers('idleSeconds'), polledAt, correct, this.#origin.zone);
		// Running statements' arrivals, to run times: these last rows' here, the parts' sent ahead
		// where they were rebuilt, with `statementNow` (list-parts.ts).
		const now = this.#clock.now(polledAt, this.#origin.serverZone, this.#origin.zone);
		runTimes(this.#builder.numbers('statementSeconds'), now);

		sizeConnectedCache(this.#builder.count);
		return {ok: true, columns: this.#builder.finish(), skipped: this.#skipped, duplicates: this.#duplicates, aheadMs, generation: this.#generation, statementNow: now};
	}

	/** The rows so far as a part, when there are enough and none waits for the poll time. */
	#takePart(parts: PartSink): void {
		// A running statement holds nothing back: its part carries its arrival, timed where it is rebuilt (list-parts.ts).
		this.#waiting ||= this.#row.ageSeconds === undefined && this.#row.connectedAt !== undefined;
		if (!this.#waiting && this.#builder.count >= parts.rows) {
			parts.take(this.#builder.finish(), this.#generation);
			this.#builder = new ColumnsBuilder(this.#origin.keyed);
		}
	}

	/** A member name that matters came: what an earlier copy of it said no longer counts. */
	#reset(to: number): number {
		switch (to) {
			case slot.data: {
				this.#hasData = false;
				this.#generation++;
				this.#waiting = false;
				this.#builder = new ColumnsBuilder(this.#origin.keyed);
				this.#seen.clear();
				this.#idEntry = -1;
				this.#skipped = 0;
				this.#duplicates = 0;
				this.#zoneless = undefined;
				this.#clock.clear();
				break;
			}

			case slot.id: {
				this.#id = undefined;
				this.#idEntry = -1;
				break;
			}

			case slot.attributes: {
				clearAttributes(this.#row);
				this.#rowConnected = undefined;
				break;
			}

			case slot.connected: {
				this.#row.connectedAt = undefined;
				this.#rowConnected = undefined;
				break;
			}

			default: {
				if (!this.#nested.reset(to, this.#row)) {
					resetRow(this.#row, to);
				}
			}
		}

		return to;
	}
}
