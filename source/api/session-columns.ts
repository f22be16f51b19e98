// Sessions packed as columns, to cross from the list worker to the main thread.
// Posting 100k session objects costs the main thread ~1 s of structured-clone
// decoding; a few strings and transferred typed arrays cost a copy. The sessions are
// then made in slices, so that no slice blocks the keyboard, and read their fields from
// these very columns (column-session.ts): the columns live as long as the list.
// The texts that repeat (host, service, state, user, remote, servers, statement) travel as a dictionary
// and a code per session: the main thread then shares one string per distinct value
// instead of allocating 100k copies of "Session started" every poll.
// Strings here are sanitized (no control characters), so NUL can separate them
// and SOH can stand for "absent".

import {lookAhead} from '../model/in-order.js';
import type {Session} from '../model/session.js';
import {ColumnPart, ColumnSession, running} from './column-session.js';

const separator = '\u0000';
const absent = '\u0001';

const dictionaryFields = ['host', 'service', 'state', 'user', 'remote', 'servers', 'statement'] as const;
export const numberFields = ['port', 'connectedAt', 'ageSeconds', 'idleSeconds', 'memoryBytes', 'ioActivity', 'thread', 'statementSeconds'] as const;

export type SessionColumns = {
	count: number;
	/** Whether keys are `host#id` (several MaxScales) or the id. */
	keyed: boolean;
	ids: string;
	/** Per dictionary field: its distinct values, joined, and each session's index into them. */
	dictionaries: string[];
	codes: Uint32Array[];
	numbers: Float64Array[];
};

/** A session without its key (the decoder derives it). */
export type Row = Omit<Session, 'key'>;

/** Columns filled a row at a time, sized as they go (a streamed list's length is not known ahead). */
export class ColumnsBuilder {
	#count = 0;
	#capacity = 1024;
	readonly #keyed: boolean;
	readonly #ids: string[] = [];
	readonly #values = dictionaryFields.map(() => new Map<string, number>());
	readonly #lastValues: Array<string | undefined> = dictionaryFields.map(() => undefined);
	readonly #lastCodes = new Uint32Array(dictionaryFields.length);
	#codes = dictionaryFields.map(() => new Uint32Array(1024));
	#numbers = numberFields.map(() => new Float64Array(1024));

	constructor(keyed: boolean) {
		this.#keyed = keyed;
	}

	get count(): number {
		return this.#count;
	}

	// Field by field, spelt out: loops over field names made this the costliest step of a streamed list.
	add(row: Row): void {
		const i = this.#count++;
		if (i === this.#capacity) {
			this.#grow();
		}

		this.#ids.push(row.id);
		const codes = this.#codes;
		codes[0]![i] = this.#code(0, row.host);
		codes[1]![i] = this.#code(1, row.service);
		codes[2]![i] = this.#code(2, row.state);
		codes[3]![i] = this.#code(3, row.user ?? absent);
		codes[4]![i] = this.#code(4, row.remote ?? absent);
		codes[5]![i] = this.#code(5, row.servers ?? absent);
		const {statement} = row;
		codes[6]![i] = this.#code(6, statement === undefined ? absent : row.statementRunning === true ? running + statement : statement);
		const numbers = this.#numbers;
		numbers[0]![i] = row.port ?? Number.NaN;
		numbers[1]![i] = row.connectedAt ?? Number.NaN;
		numbers[2]![i] = row.ageSeconds ?? Number.NaN;
		numbers[3]![i] = row.idleSeconds ?? Number.NaN;
		numbers[4]![i] = row.memoryBytes ?? Number.NaN;
		numbers[5]![i] = row.ioActivity ?? Number.NaN;
		numbers[6]![i] = row.thread ?? Number.NaN;
		numbers[7]![i] = row.statementSeconds ?? Number.NaN;
	}

	/** The filled part of a number column, to fix values up in place before finish(). */
	numbers(field: (typeof numberFields)[number]): Float64Array {
		return this.#numbers[numberFields.indexOf(field)]!.subarray(0, this.#count);
	}

	#code(field: number, value: string): number {
		// Neighbours mostly share host, service and state: the last code is a Map look-up saved.
		if (value === this.#lastValues[field]) {
			return this.#lastCodes[field]!;
		}

		const values = this.#values[field]!;
		let code = values.get(value);
		if (code === undefined) {
			code = values.size;
			values.set(value, code);
		}

		this.#lastValues[field] = value;
		this.#lastCodes[field] = code;
		return code;
	}

	#grow(): void {
		this.#capacity *= 2;
		this.#codes = this.#codes.map((column) => {
			const bigger = new Uint32Array(this.#capacity);
			bigger.set(column);
			return bigger;
		});
		this.#numbers = this.#numbers.map((column) => {
			const bigger = new Float64Array(this.#capacity);
			bigger.set(column);
			return bigger;
		});
	}

	finish(): SessionColumns {
		const count = this.#count;
		return {
			count,
			keyed: this.#keyed,
			ids: this.#ids.join(separator),
			dictionaries: this.#values.map((values) => [...values.keys()].join(separator)),
			// Copies of the filled part: what is transferred should not carry the spare capacity.
			codes: this.#codes.map((codes) => codes.slice(0, count)),
			numbers: this.#numbers.map((numbers) => numbers.slice(0, count)),
		};
	}
}

export function encodeSessions(sessions: readonly Session[], keyed: boolean): SessionColumns {
	const builder = new ColumnsBuilder(keyed);
	for (const session of sessions) {
		builder.add(session);
	}

	return builder.finish();
}

/** The buffers to transfer (not copy) with postMessage. */
export function transferList(columns: SessionColumns): ArrayBuffer[] {
	return [...columns.codes, ...columns.numbers].map((column) => column.buffer as ArrayBuffer);
}

/**
 * Rebuilds sessions a slice at a time: call `next(limit)` until it returns the whole list.
 * Each is a ColumnSession: its key and id, its fields read from these columns on access.
 * Given the last poll's list, a session found there (in order, a few places ahead at
 * most) gets that poll's very id and key strings: not 100k new strings per poll, and the maps keyed
 * by them (the index, what changed) find them by identity, their hash already known.
 */
export class SessionDecoder {
	readonly #columns: SessionColumns;
	readonly #previous: readonly Session[];
	/** Where in the last list to look for the next session. */
	#after = 0;
	/** Where the next id starts in columns.ids: ids are cut a slice at a time (100k at once is a stall of its own). */
	#idAt = 0;
	/** The columns as the sessions read them. */
	readonly #part: ColumnPart;
	readonly #sessions: Session[];
	/** Rows of these columns decoded so far. */
	#decoded = 0;

	/**
	 * `continued`: these columns are the next part of a list (list-thread.ts), their sessions
	 * appended to `into`, the last list searched from `after` (the previous part's `after`).
	 */
	constructor(columns: SessionColumns, previous: readonly Session[] = [], continued?: {into: Session[]; after: number}) {
		this.#columns = columns;
		this.#previous = previous;
		this.#sessions = continued?.into ?? [];
		this.#after = continued?.after ?? 0;
		const dictionaries = columns.dictionaries.map((values) => values.split(separator).map((value) => (value === absent ? undefined : value)));
		this.#part = new ColumnPart(dictionaries, columns.codes, columns.numbers);
	}

	/** Where the next part of the list should start looking in the last list. */
	get after(): number {
		return this.#after;
	}

	/** Decodes up to `limit` more sessions; the list (with any earlier parts') once all are done, else undefined. */
	next(limit: number): Session[] | undefined {
		const {ids: joined, keyed} = this.#columns;
		const part = this.#part;
		const end = Math.min(this.#columns.count, this.#decoded + limit);
		const previous = this.#previous;
		for (let i = this.#decoded; i < end; i++) {
			const start = this.#idAt;
			const cut = joined.indexOf(separator, start);
			const stop = cut === -1 ? joined.length : cut;
			this.#idAt = cut + 1;
			const host = part.hosts[part.hostCodes[i]!]!;
			// The last list's next few sessions, past any that ended: a new session is a miss, not a shift.
			let before: Session | undefined;
			for (let j = this.#after; j < this.#after + lookAhead && j < previous.length; j++) {
				const candidate = previous[j]!;
				if (candidate.id.length === stop - start && joined.startsWith(candidate.id, start)) {
					before = candidate;
					this.#after = j + 1;
					break;
				}
			}

			const id = before === undefined ? joined.slice(start, stop) : before.id;
			const key = !keyed ? id : before?.host === host ? before.key : `${host}#${id}`;
			this.#sessions.push(new ColumnSession(part, i, key, id));
		}

		this.#decoded = end;
		return end === this.#columns.count ? this.#sessions : undefined;
	}
}
