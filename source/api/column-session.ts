// A session of a list that came from the list worker, read from its columns
// (session-columns.ts) on access rather than copied out of them.
//
// Why not a plain object: every poll brings a whole new list, and at 100,000 sessions
// 100,000 objects of fourteen fields (~184 bytes each, with three boxed fractions) all
// survive V8's young generation, which copies them once or twice, and then fill the old
// one, whose full collections finish with pauses of 50–130 ms on the main thread: the
// keyboard's longest stalls. One of these is its key, its id, its place and its part's
// columns (~56 bytes), the numbers stay in typed arrays outside the heap, and the same
// ten polls' longest stall went from ~70 ms to ~35 (test/bench/stall-probe.ts).
//
// It is a Session to every reader (the getters are the fields, computed the way the
// decoder computed them before). What it is not is a plain object: a spread copies only
// its own fields, so code that makes a changed session spells every field out (zone-hint.ts),
// and JSON.stringify (recordings, snapshots) goes through toJSON().

import {plainSession, type Session} from '../model/session.js';

/** Before a statement still running, in the columns' statement dictionary: one field for the two. */
export const running = '\u0002';

/**
 * One part's columns as the decoder reads them: the dictionaries split once, shared by its
 * sessions. Dictionaries and codes come in dictionaryFields' order, numbers in numberFields'
 * (session-columns.ts); the session-columns tests fail if either order changes alone.
 */
export class ColumnPart {
	readonly hosts: readonly string[];
	readonly services: readonly string[];
	readonly states: readonly string[];
	readonly users: ReadonlyArray<string | undefined>;
	readonly remotes: ReadonlyArray<string | undefined>;
	readonly serverLists: ReadonlyArray<string | undefined>;
	/** The statements' dictionary split once: each text without the running mark, and whether it had it. */
	readonly statements: ReadonlyArray<string | undefined>;
	readonly statementsRunning: readonly boolean[];
	readonly hostCodes: Uint32Array;
	readonly serviceCodes: Uint32Array;
	readonly stateCodes: Uint32Array;
	readonly userCodes: Uint32Array;
	readonly remoteCodes: Uint32Array;
	readonly serverListCodes: Uint32Array;
	readonly statementCodes: Uint32Array;
	readonly ports: Float64Array;
	readonly connected: Float64Array;
	readonly ages: Float64Array;
	readonly idles: Float64Array;
	readonly memories: Float64Array;
	readonly ios: Float64Array;
	readonly threads: Float64Array;
	readonly statementSeconds: Float64Array;

	constructor(dictionaries: ReadonlyArray<ReadonlyArray<string | undefined>>, codes: readonly Uint32Array[], numbers: readonly Float64Array[]) {
		[this.hosts, this.services, this.states, this.users, this.remotes, this.serverLists] = dictionaries as [string[], string[], string[], Array<string | undefined>, Array<string | undefined>, Array<string | undefined>];
		[this.hostCodes, this.serviceCodes, this.stateCodes, this.userCodes, this.remoteCodes, this.serverListCodes, this.statementCodes] = codes as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
		const statements = dictionaries[6] ?? [];
		this.statementsRunning = statements.map((text) => text?.startsWith(running) === true);
		this.statements = statements.map((text) => (text?.startsWith(running) === true ? text.slice(running.length) : text));
		[this.ports, this.connected, this.ages, this.idles, this.memories, this.ios, this.threads, this.statementSeconds] = numbers as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
	}
}

/** NaN is how the columns say "absent". */
function known(value: number): number | undefined {
	return Number.isNaN(value) ? undefined : value;
}

/** A whole number as a small integer (-0 kept, as JSON.parse has it), anything else as it is. */
function whole(value: number): number | undefined {
	return Object.is(value, value | 0) ? value | 0 : known(value);
}

export class ColumnSession implements Session {
	readonly key: string;
	readonly id: string;
	readonly #part: ColumnPart;
	readonly #at: number;

	constructor(part: ColumnPart, at: number, key: string, id: string) {
		this.#part = part;
		this.#at = at;
		this.key = key;
		this.id = id;
	}

	get host(): string {
		return this.#part.hosts[this.#part.hostCodes[this.#at]!]!;
	}

	get service(): string {
		return this.#part.services[this.#part.serviceCodes[this.#at]!]!;
	}

	get state(): string {
		return this.#part.states[this.#part.stateCodes[this.#at]!]!;
	}

	get user(): string | undefined {
		return this.#part.users[this.#part.userCodes[this.#at]!];
	}

	get remote(): string | undefined {
		return this.#part.remotes[this.#part.remoteCodes[this.#at]!];
	}

	get port(): number | undefined {
		return whole(this.#part.ports[this.#at]!);
	}

	get connectedAt(): number | undefined {
		return known(this.#part.connected[this.#at]!);
	}

	get ageSeconds(): number | undefined {
		return known(this.#part.ages[this.#at]!);
	}

	get idleSeconds(): number | undefined {
		return known(this.#part.idles[this.#at]!);
	}

	get memoryBytes(): number | undefined {
		return whole(this.#part.memories[this.#at]!);
	}

	get ioActivity(): number | undefined {
		return whole(this.#part.ios[this.#at]!);
	}

	get thread(): number | undefined {
		return whole(this.#part.threads[this.#at]!);
	}

	get servers(): string | undefined {
		return this.#part.serverLists[this.#part.serverListCodes[this.#at]!];
	}

	get statement(): string | undefined {
		return this.#part.statements[this.#part.statementCodes[this.#at]!];
	}

	get statementRunning(): boolean | undefined {
		const code = this.#part.statementCodes[this.#at]!;
		return this.#part.statements[code] === undefined ? undefined : this.#part.statementsRunning[code];
	}

	get statementSeconds(): number | undefined {
		return known(this.#part.statementSeconds[this.#at]!);
	}

	/** The session as a plain object, every field spelt out: what JSON.stringify writes, and what a changed copy starts from. */
	toJSON(): Session {
		return plainSession(this);
	}
}
