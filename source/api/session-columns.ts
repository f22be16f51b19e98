// Sessions packed as columns, to cross from the list worker to the main thread.
// Posting 100k session objects costs the main thread ~1 s of structured-clone
// decoding; a few joined strings and transferred Float64Arrays cost a copy, and
// the objects are then rebuilt in slices so that no slice blocks the keyboard.
// Strings here are sanitized (no control characters), so NUL can separate them
// and SOH can stand for "absent".

import type {Session} from '../model/session.js';

const separator = '\u0000';
const absent = '\u0001';

const textFields = ['id', 'host', 'service', 'state', 'user', 'remote'] as const;
const numberFields = ['port', 'connectedAt', 'ageSeconds', 'idleSeconds', 'memoryBytes', 'ioActivity', 'thread'] as const;

export type SessionColumns = {
	count: number;
	/** Whether keys are `host#id` (several MaxScales) or the id. */
	keyed: boolean;
	texts: string[];
	numbers: Float64Array[];
};

export function encodeSessions(sessions: readonly Session[], keyed: boolean): SessionColumns {
	// One pass into preallocated columns: a pass per field with map() and Float64Array.from()
	// cost a quarter of a second at 100k sessions.
	const count = sessions.length;
	const texts = textFields.map(() => Array.from<string>({length: count}));
	const numbers = numberFields.map(() => new Float64Array(count));
	for (let i = 0; i < count; i++) {
		const session = sessions[i]!;
		for (let field = 0; field < textFields.length; field++) {
			texts[field]![i] = session[textFields[field]!] ?? absent;
		}

		for (let field = 0; field < numberFields.length; field++) {
			numbers[field]![i] = session[numberFields[field]!] ?? Number.NaN;
		}
	}

	return {count, keyed, texts: texts.map((column) => column.join(separator)), numbers};
}

/** The buffers to transfer (not copy) with postMessage. */
export function transferList(columns: SessionColumns): ArrayBuffer[] {
	return columns.numbers.map((column) => column.buffer as ArrayBuffer);
}

/** Rebuilds sessions a slice at a time: call `next(limit)` until it returns the whole list. */
export class SessionDecoder {
	readonly #columns: SessionColumns;
	readonly #texts: string[][];
	readonly #sessions: Session[] = [];

	constructor(columns: SessionColumns) {
		this.#columns = columns;
		this.#texts = columns.count === 0 ? textFields.map(() => []) : columns.texts.map((column) => column.split(separator));
	}

	/** Decodes up to `limit` more sessions; the list once all are done, else undefined. */
	next(limit: number): Session[] | undefined {
		const [ids, hosts, services, states, users, remotes] = this.#texts as [string[], string[], string[], string[], string[], string[]];
		const [ports, connected, ages, idles, memories, ios, threads] = this.#columns.numbers as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
		const text = (value: string) => (value === absent ? undefined : value);
		const number = (value: number) => (Number.isNaN(value) ? undefined : value);
		const end = Math.min(this.#columns.count, this.#sessions.length + limit);
		for (let i = this.#sessions.length; i < end; i++) {
			const id = ids[i]!;
			const host = hosts[i]!;
			this.#sessions.push({
				key: this.#columns.keyed ? `${host}#${id}` : id,
				id,
				host,
				service: services[i]!,
				state: states[i]!,
				user: text(users[i]!),
				remote: text(remotes[i]!),
				port: number(ports[i]!),
				connectedAt: number(connected[i]!),
				ageSeconds: number(ages[i]!),
				idleSeconds: number(idles[i]!),
				memoryBytes: number(memories[i]!),
				ioActivity: number(ios[i]!),
				thread: number(threads[i]!),
			});
		}

		return end === this.#columns.count ? this.#sessions : undefined;
	}
}
