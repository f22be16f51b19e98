// An incremental JSON scanner: it takes a body chunk by chunk as it arrives, checks it
// against the JSON grammar exactly as strictly as JSON.parse, and hands a sink only the
// values the sink asked for. Nothing else is decoded or kept, so a 60 MB session list
// never exists as one string or one parsed tree. Any chunk boundary is fine: inside a
// string, an escape, a UTF-8 sequence, a number or a literal.
//
// The sink steers by "slots": for each member name (or array element) it says what
// the value is for, with `wants` flags telling which kinds of value it takes. A value of
// another kind is validated and skipped; a container it does not take is walked in
// "skip" context, where no name is even looked at.
//
// Speed: one loop takes a token per turn, with its mode in a local. A string, number or
// literal that lies whole in the chunk (nearly all) is taken on the spot; the tokens
// that need more (escapes, UTF-8, a chunk boundary, a grammar error) go to the
// byte-at-a-time tokens of json-string-token.ts and json-number-token.ts.

import {Buffer} from 'node:buffer';
import {ContainerStack} from './json-container-stack.js';
import {ErrorTail} from './json-error-tail.js';
import {numberAt} from './json-number.js';
import {NumberToken, numberEnd} from './json-number-token.js';
import {skip, wants, type JsonSink, type ScanEnd} from './json-sink.js';
import {StringToken, plainEnd} from './json-string-token.js';
import {decodeJsonString, type Slicers} from './json-text.js';
import {shortString as internedLength, StringTable} from './string-table.js';
import {Utf8Length} from './utf8-length.js';

export {skip, wants, type JsonSink, type ScanEnd} from './json-sink.js';

const Mode = {Value: 0, FirstValue: 1, FirstKey: 2, Key: 3, Colon: 4, After: 5, String: 6, Number: 7, Literal: 8, Error: 9} as const;

const quote = 0x22;
/**
 * Strings up to this length that need no decoding are looked up in the StringTable. A local
 * copy of the table's own length: with the imported binding read at every string (and
 * json-string-token.ts's plainBytes exported as it was), a 100k scan took ~25 ms more, measured.
 */
const shortString = internedLength;

export class JsonScanner {
	readonly #sink: JsonSink;
	readonly #rootSlot: number;
	#mode: number = Mode.Value;
	readonly #stack = new ContainerStack();
	/** The slot of the value in progress (of the last name read, inside an object). */
	#slot = skip;
	#rootStarted = false;
	#total = 0;
	readonly #utf8 = new Utf8Length();
	readonly #strings: StringTable;
	readonly #string = new StringToken(this.#utf8);
	readonly #number = new NumberToken();
	#literal = '';
	#literalAt = 0;
	readonly #errorTail = new ErrorTail(this.#utf8);

	/** `strings` shares short texts across scans: a list repeats its states, users and services, and the next poll its ids. */
	constructor(sink: JsonSink, rootSlot: number, strings = new StringTable()) {
		this.#sink = sink;
		this.#strings = strings;
		this.#rootSlot = rootSlot;
	}

	write(chunk: Buffer): void {
		this.#total += chunk.length;
		let i = 0;
		switch (this.#mode) {
			case Mode.String: {
				this.#string.resume(chunk);
				i = this.#stringRest(chunk, 0);
				break;
			}

			case Mode.Number: {
				this.#number.resume();
				i = this.#numberRest(chunk, 0);
				break;
			}

			case Mode.Literal: {
				i = this.#literalRest(chunk, 0);
				break;
			}

			default:
		}

		if (this.#mode === Mode.Error) {
			this.#errorTail.write(chunk, i);
			return;
		}

		this.#run(chunk, i);
		if (this.#mode === Mode.String) {
			this.#string.chunkEnded(chunk);
		} else if (this.#mode === Mode.Number) {
			this.#number.chunkEnded(chunk);
		}
	}

	end(): ScanEnd {
		if (this.#mode === Mode.Number && this.#number.complete) {
			this.#number.resume();
			this.#numberDone(Buffer.alloc(0), 0);
		}

		const cut = this.#mode !== Mode.Error && !(this.#mode === Mode.After && this.#stack.depth === 0);
		if (cut) {
			this.#fail();
		}

		this.#utf8.flush();
		const html = this.#errorTail.end();
		const length = this.#total - this.#utf8.bytes + this.#utf8.units;
		return {valid: this.#mode !== Mode.Error, length, html: this.#mode === Mode.Error && html, cut};
	}

	/**
	 * The hot loop, from `i` of a chunk in a structural mode. Members follow one another
	 * without spaces in a compact body: a name right after its comma, a colon right after
	 * its name and a value right after its colon are each taken in the same turn.
	 */
	#run(chunk: Buffer, from: number): void {
		const n = chunk.length;
		const stack = this.#stack;
		let mode = this.#mode;
		let i = from;
		while (i < n) {
			let c = chunk[i]!;
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
				i++;
				continue;
			}

			if (mode === Mode.After) {
				// After a value: a comma, or the close of its container.
				if (c === 0x2c && stack.depth > 0) {
					i++;
					if (stack.inArray) {
						mode = Mode.Value;
						continue;
					}

					mode = Mode.Key;
					if (i === n || chunk[i] !== quote) {
						continue;
					}

					c = quote;
				} else if (stack.depth > 0 && (stack.inArray ? c === 0x5d : c === 0x7d)) {
					this.#close();
					i++;
					continue;
				} else {
					break;
				}
			}

			if (mode === Mode.Key || mode === Mode.FirstKey) {
				if (c === 0x7d && mode === Mode.FirstKey) {
					this.#close();
					i++;
					mode = Mode.After;
					continue;
				}

				if (c !== quote) {
					break;
				}

				const context = stack.context;
				const start = i + 1;
				const end = plainEnd(chunk, start, n);
				if (end === n || chunk[end] !== quote) {
					this.#string.begin(start, true, context !== skip);
					i = this.#stringRest(chunk, end);
					mode = this.#mode;
					if (mode >= Mode.String) {
						break;
					}

					continue;
				}

				this.#slot = context === skip ? skip : this.#sink.key(context, chunk, start, end);
				i = end + 1;
				if (i === n || chunk[i] !== 0x3a) {
					mode = Mode.Colon;
					continue;
				}

				mode = Mode.Value;
				if (++i === n) {
					break;
				}

				c = chunk[i]!;
				if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
					continue;
				}
			} else if (mode === Mode.Colon) {
				if (c !== 0x3a) {
					break;
				}

				mode = Mode.Value;
				i++;
				continue;
			} else if (c === 0x5d && mode === Mode.FirstValue) {
				this.#close();
				i++;
				mode = Mode.After;
				continue;
			}

			this.#mode = mode;
			i = this.#value(chunk, i, c);
			mode = this.#mode;
			if (mode >= Mode.String) {
				// A token goes on in the next chunk, or an error came.
				break;
			}
		}

		this.#mode = mode;
		if (i < n && mode < Mode.String) {
			this.#fail();
		}

		if (this.#mode === Mode.Error) {
			this.#errorTail.write(chunk, i);
		}
	}

	/** A value starts at `i` with `c`: the index after it (or where it broke, or the chunk's end if it goes on). Kinds by how often they come. */
	#value(chunk: Buffer, i: number, c: number): number {
		if (c === quote) {
			const slot = this.#valueSlot();
			const start = i + 1;
			const n = chunk.length;
			const end = plainEnd(chunk, start, n);
			const taken = (slot & wants.string) !== 0;
			if (end < n && chunk[end] === quote) {
				if (taken) {
					const short = end - start <= shortString;
					this.#sink.string(slot, short ? this.#strings.get(chunk, start, end) : (chunk as unknown as Slicers).latin1Slice(start, end), short ? this.#strings.last : -1);
				}

				this.#scalarDone(taken);
				return end + 1;
			}

			this.#string.begin(start, false, taken);
			return this.#stringRest(chunk, end);
		}

		if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
			const slot = this.#valueSlot();
			const end = numberEnd(chunk, i, chunk.length);
			const taken = (slot & wants.number) !== 0;
			if (end !== -1) {
				if (taken) {
					this.#sink.number(slot, numberAt(chunk, i, end));
				}

				this.#scalarDone(taken);
				return end;
			}

			this.#number.begin(chunk, i, taken);
			return this.#numberRest(chunk, i + 1);
		}

		if (c === 0x7b || c === 0x5b) {
			const slot = this.#valueSlot();
			const array = c === 0x5b;
			let context = skip;
			if ((slot & (array ? wants.array : wants.object)) !== 0) {
				context = this.#sink.open(slot);
			} else if ((slot & wants.other) !== 0) {
				this.#sink.other(slot);
			}

			this.#stack.push(context, array);
			this.#mode = array ? Mode.FirstValue : Mode.FirstKey;
			return i + 1;
		}

		const literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : '';
		if (literal === '') {
			this.#fail();
			return i;
		}

		this.#valueSlot();
		this.#literal = literal;
		this.#literalAt = 1;
		return this.#literalRest(chunk, i + 1);
	}

	/** The slot of the value starting now: the root's, the next element's, or the member name's. */
	#valueSlot(): number {
		const stack = this.#stack;
		let slot = this.#slot;
		if (stack.depth === 0) {
			slot = this.#rootSlot;
			this.#rootStarted = true;
		} else if (stack.inArray) {
			const context = stack.context;
			const index = stack.nextIndex();
			slot = context === skip ? skip : this.#sink.element(context, index);
		}

		this.#slot = slot;
		return slot;
	}

	#close(): void {
		const context = this.#stack.pop();
		if (context !== skip) {
			this.#sink.close(context);
		}
	}

	/** A string, number or literal ended; `taken` when the sink had it. */
	#scalarDone(taken: boolean): void {
		if (!taken && (this.#slot & wants.other) !== 0) {
			this.#sink.other(this.#slot);
		}

		this.#mode = Mode.After;
	}

	/** A string continues at `i` in the byte-at-a-time token. */
	#stringRest(chunk: Buffer, i: number): number {
		const token = this.#string;
		const end = token.scan(chunk, i);
		if (end < 0) {
			this.#fail();
			return ~end;
		}

		if (end === chunk.length) {
			this.#mode = Mode.String;
			return end;
		}

		if (token.collect) {
			const bytes = token.bytes(chunk, end);
			const crossed = bytes !== chunk;
			const stop = crossed ? bytes.length : end;
			if (token.isKey) {
				const context = this.#stack.context;
				this.#slot = token.escaped || crossed ? this.#sink.keyText(context, decodeJsonString(bytes, token.start, stop, token.escaped, token.ascii)) : this.#sink.key(context, bytes, token.start, stop);
			} else {
				const short = !token.escaped && token.ascii && !crossed && stop - token.start <= shortString;
				this.#sink.string(this.#slot, short ? this.#strings.get(bytes, token.start, stop) : decodeJsonString(bytes, token.start, stop, token.escaped, token.ascii), short ? this.#strings.last : -1);
			}
		} else if (token.isKey) {
			this.#slot = skip;
		}

		if (token.isKey) {
			this.#mode = Mode.Colon;
		} else {
			this.#scalarDone(token.collect);
		}

		return end + 1;
	}

	/** A number continues at `i` in the byte-at-a-time token. */
	#numberRest(chunk: Buffer, i: number): number {
		const end = this.#number.scan(chunk, i);
		if (end < 0) {
			this.#fail();
			return ~end;
		}

		if (end === chunk.length) {
			this.#mode = Mode.Number;
			return end;
		}

		this.#numberDone(chunk, end);
		return end;
	}

	#numberDone(chunk: Buffer, end: number): void {
		const token = this.#number;
		if (token.collect) {
			this.#sink.number(this.#slot, token.value(chunk, end));
		}

		this.#scalarDone(token.collect);
	}

	#literalRest(chunk: Buffer, i: number): number {
		const literal = this.#literal;
		let j = i;
		while (j < chunk.length && this.#literalAt < literal.length) {
			if (chunk[j] !== literal.charCodeAt(this.#literalAt)) {
				this.#fail();
				return j;
			}

			j++;
			this.#literalAt++;
		}

		if (this.#literalAt === literal.length) {
			this.#scalarDone(false);
		} else {
			this.#mode = Mode.Literal;
		}

		return j;
	}

	#fail(): void {
		this.#mode = Mode.Error;
		this.#errorTail.begin(this.#rootStarted);
	}
}
