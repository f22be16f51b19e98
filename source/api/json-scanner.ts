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

import {Buffer} from 'node:buffer';
import {StringDecoder} from 'node:string_decoder';
import {numberAt} from './json-number.js';
import {decodeJsonString} from './json-text.js';
import {StringTable} from './string-table.js';
import {Utf8Length} from './utf8-length.js';

export const wants = {string: 0x100, number: 0x200, object: 0x400, array: 0x800, other: 0x1000} as const;
/** The context of a container nobody asked for, and the slot of a value nobody wants. */
export const skip = 0;

export type JsonSink = {
	/** A member name without escapes, as raw bytes: the slot of its value. */
	key(context: number, bytes: Buffer, start: number, end: number): number;
	/** A member name that had escapes or crossed chunks, decoded. */
	keyText(context: number, text: string): number;
	element(context: number, index: number): number;
	/** A container for a slot that wants it: the context of its members. */
	open(slot: number): number;
	close(context: number): void;
	string(slot: number, text: string): void;
	number(slot: number, value: number): void;
	/** A value of a kind the slot does not take (only for slots with `wants.other`). */
	other(slot: number): void;
};

export type ScanEnd = {valid: boolean; /** UTF-16 length of the decoded body. */ length: number; /** Whether the body starts like HTML (/^\s*</). */ html: boolean};

const Mode = {Value: 0, FirstValue: 1, FirstKey: 2, Key: 3, Colon: 4, After: 5, String: 6, Number: 7, Literal: 8, Error: 9} as const;
/** Where a number is in its grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
const Num = {Minus: 0, Zero: 1, Int: 2, Dot: 3, Frac: 4, Exp: 5, ExpSign: 6, ExpDigits: 7} as const;

const quote = 0x22;
const backslash = 0x5c;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
// After a backslash: " \ / b f n r t (u is handled apart).
const simpleEscapes = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

export class JsonScanner {
	readonly #sink: JsonSink;
	readonly #rootSlot: number;
	#mode: number = Mode.Value;
	readonly #contexts: number[] = [];
	/** The innermost open container's context (the top of #contexts). */
	#context = skip;
	/** Per open container: the next element's index for an array, -1 for an object. */
	readonly #indices: number[] = [];
	#slot = skip;
	#rootStarted = false;
	#total = 0;
	readonly #utf8 = new Utf8Length();
	readonly #strings: StringTable;
	// The token in progress.
	#start = 0;
	#isKey = false;
	#collect = false;
	#escaped = false;
	#ascii = true;
	/** 0 outside an escape, 1 after a backslash, 2–5 while \u hex digits are due. */
	#escape = 0;
	readonly #pieces: Buffer[] = [];
	#number: number = Num.Int;
	#numberText = '';
	#literal = '';
	#literalAt = 0;
	// After an error: the rest is only counted, and sniffed for HTML if it came first.
	#html: boolean | undefined;
	#sniffer: StringDecoder | undefined;

	/** `strings` shares short texts across scans: a list repeats its states, users and services, and the next poll its ids. */
	constructor(sink: JsonSink, rootSlot: number, strings = new StringTable()) {
		this.#sink = sink;
		this.#strings = strings;
		this.#rootSlot = rootSlot;
	}

	write(chunk: Buffer): void {
		this.#total += chunk.length;
		let i = 0;
		if (this.#mode === Mode.String) {
			this.#start = 0;
			if (this.#utf8.pending && chunk.length > 0 && chunk[0]! < 0x80) {
				this.#utf8.flush();
			}
		} else if (this.#mode === Mode.Number) {
			this.#start = 0;
		}

		this.#run(chunk, i);
		this.#chunkEnded(chunk);
	}

	end(): ScanEnd {
		if (this.#mode === Mode.Number && this.#numberEnds()) {
			this.#start = 0;
			this.#finishNumber(Buffer.alloc(0), 0);
		}

		if (this.#mode !== Mode.Error && !(this.#mode === Mode.After && this.#contexts.length === 0)) {
			this.#fail(0);
		}

		this.#utf8.flush();
		if (this.#html === undefined) {
			const rest = this.#sniffer?.end() ?? '';
			this.#html = /\S/.exec(rest)?.[0] === '<';
		}

		const length = this.#total - this.#utf8.bytes + this.#utf8.units;
		return {valid: this.#mode !== Mode.Error, length, html: this.#mode === Mode.Error && this.#html};
	}

	/** The hot loop, apart from write() so that V8 optimizes it whole rather than on stack replacement. */
	#run(chunk: Buffer, from: number): void {
		const n = chunk.length;
		let i = from;
		while (i < n) {
			const mode = this.#mode;
			if (mode === Mode.String) {
				i = this.#string(chunk, i);
			} else if (mode === Mode.Number) {
				i = this.#numberPart(chunk, i);
			} else if (mode === Mode.Literal) {
				i = this.#literalPart(chunk, i);
			} else if (mode === Mode.Error) {
				this.#afterError(chunk, i);
				return;
			} else {
				const c = chunk[i]!;
				i = c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 ? i + 1 : this.#structural(chunk, i, c);
			}
		}
	}

	/** A chunk ended inside a token: keep what the token needs from it. */
	#chunkEnded(chunk: Buffer): void {
		if (this.#mode === Mode.String && this.#collect) {
			this.#pieces.push(Buffer.from(chunk.subarray(this.#start)));
		} else if (this.#mode === Mode.Number && this.#collect) {
			this.#numberText += chunk.toString('latin1', this.#start);
		}
	}

	#fail(at: number): number {
		this.#mode = Mode.Error;
		// Only a body whose first character is not JSON can be an HTML page.
		if (this.#rootStarted) {
			this.#html = false;
		} else {
			this.#sniffer = new StringDecoder('utf8');
		}

		return at;
	}

	#afterError(chunk: Buffer, from: number): void {
		this.#utf8.feed(chunk, from, chunk.length);
		if (this.#html === undefined && this.#sniffer !== undefined) {
			const first = /\S/.exec(this.#sniffer.write(chunk.subarray(from)))?.[0];
			if (first !== undefined) {
				this.#html = first === '<';
			}
		}
	}

	#structural(chunk: Buffer, i: number, c: number): number {
		switch (this.#mode) {
			case Mode.FirstValue: {
				return c === 0x5d ? this.#close(i) : this.#value(chunk, i, c);
			}

			case Mode.Value: {
				return this.#value(chunk, i, c);
			}

			case Mode.FirstKey: {
				if (c === 0x7d) {
					return this.#close(i);
				}

				return this.#key(i, c);
			}

			case Mode.Key: {
				return this.#key(i, c);
			}

			case Mode.Colon: {
				if (c !== 0x3a) {
					return this.#fail(i);
				}

				this.#mode = Mode.Value;
				return i + 1;
			}

			default: {
				// After a value: a comma, or the close of its container.
				const depth = this.#contexts.length;
				if (depth === 0) {
					return this.#fail(i);
				}

				const inArray = this.#indices[depth - 1]! >= 0;
				if (c === 0x2c) {
					this.#mode = inArray ? Mode.Value : Mode.Key;
					return i + 1;
				}

				return (inArray ? c === 0x5d : c === 0x7d) ? this.#close(i) : this.#fail(i);
			}
		}
	}

	#key(i: number, c: number): number {
		if (c !== quote) {
			return this.#fail(i);
		}

		this.#beginString(i + 1, true, this.#context !== skip);
		return i + 1;
	}

	#beginString(start: number, isKey: boolean, collect: boolean): void {
		this.#mode = Mode.String;
		this.#start = start;
		this.#isKey = isKey;
		this.#collect = collect;
		this.#escaped = false;
		this.#ascii = true;
		this.#escape = 0;
	}

	#value(chunk: Buffer, i: number, c: number): number {
		const literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : '';
		if (literal === '' && c !== 0x7b && c !== 0x5b && c !== quote && c !== 0x2d && !isDigit(c)) {
			return this.#fail(i);
		}

		const depth = this.#contexts.length;
		let slot = this.#slot;
		if (depth === 0) {
			slot = this.#rootSlot;
			this.#rootStarted = true;
		} else if (this.#indices[depth - 1]! >= 0) {
			const context = this.#contexts[depth - 1]!;
			slot = context === skip ? skip : this.#sink.element(context, this.#indices[depth - 1]!);
			this.#indices[depth - 1]!++;
		}

		this.#slot = slot;
		if (c === 0x7b || c === 0x5b) {
			const array = c === 0x5b;
			let context = skip;
			if ((slot & (array ? wants.array : wants.object)) !== 0) {
				context = this.#sink.open(slot);
			} else if ((slot & wants.other) !== 0) {
				this.#sink.other(slot);
			}

			this.#contexts.push(context);
			this.#context = context;
			this.#indices.push(array ? 0 : -1);
			this.#mode = array ? Mode.FirstValue : Mode.FirstKey;
			return i + 1;
		}

		if (c === quote) {
			this.#beginString(i + 1, false, (slot & wants.string) !== 0);
			return i + 1;
		}

		if (c === 0x2d || isDigit(c)) {
			this.#mode = Mode.Number;
			this.#number = c === 0x2d ? Num.Minus : c === 0x30 ? Num.Zero : Num.Int;
			this.#start = i;
			this.#collect = (slot & wants.number) !== 0;
			this.#numberText = '';
			return this.#numberPart(chunk, i + 1);
		}

		this.#mode = Mode.Literal;
		this.#literal = literal;
		this.#literalAt = 1;
		return this.#literalPart(chunk, i + 1);
	}

	#close(i: number): number {
		this.#indices.pop();
		const context = this.#contexts.pop()!;
		this.#context = this.#contexts.length === 0 ? skip : this.#contexts[this.#contexts.length - 1]!;
		if (context !== skip) {
			this.#sink.close(context);
		}

		this.#mode = Mode.After;
		return i + 1;
	}

	/** A string, number or literal ended; `taken` when the sink had it. */
	#scalarDone(taken: boolean): void {
		if (!taken && (this.#slot & wants.other) !== 0) {
			this.#sink.other(this.#slot);
		}

		this.#mode = Mode.After;
	}

	#string(chunk: Buffer, i: number): number {
		const n = chunk.length;
		let j = i;
		while (j < n) {
			if (this.#escape !== 0) {
				const c = chunk[j]!;
				if (this.#escape === 1) {
					if (c === 0x75) {
						this.#escape = 5;
					} else if (simpleEscapes.has(c)) {
						this.#escape = 0;
					} else {
						return this.#fail(j);
					}
				} else if (isHex(c)) {
					this.#escape = this.#escape === 2 ? 0 : this.#escape - 1;
				} else {
					return this.#fail(j);
				}

				j++;
				continue;
			}

			// The common case: plain printable ASCII.
			let c = chunk[j]!;
			while (c >= 0x20 && c < 0x80 && c !== quote && c !== backslash) {
				if (++j === n) {
					return n;
				}

				c = chunk[j]!;
			}

			if (c === quote) {
				this.#endString(chunk, j);
				return j + 1;
			}

			if (c === backslash) {
				this.#escaped = true;
				this.#escape = 1;
				j++;
			} else if (c >= 0x80) {
				let k = j + 1;
				while (k < n && chunk[k]! >= 0x80) {
					k++;
				}

				this.#ascii = false;
				this.#utf8.feed(chunk, j, k);
				if (k < n) {
					this.#utf8.flush();
				}

				j = k;
			} else {
				// A raw control character: JSON.parse refuses it too.
				return this.#fail(j);
			}
		}

		return n;
	}

	#endString(chunk: Buffer, end: number): void {
		if (this.#collect) {
			let bytes = chunk;
			let start = this.#start;
			let stop = end;
			if (this.#pieces.length > 0) {
				this.#pieces.push(chunk.subarray(this.#start, end));
				bytes = Buffer.concat(this.#pieces);
				this.#pieces.length = 0; // Rare: pieces are only left when a string crossed chunks.
				start = 0;
				stop = bytes.length;
			}

			if (this.#isKey) {
				const context = this.#context;
				this.#slot = this.#escaped || bytes !== chunk
					? this.#sink.keyText(context, decodeJsonString(bytes, start, stop, this.#escaped, this.#ascii))
					: this.#sink.key(context, bytes, start, stop);
			} else {
				const short = !this.#escaped && this.#ascii && bytes === chunk && stop - start <= 64;
				this.#sink.string(this.#slot, short ? this.#strings.get(bytes, start, stop) : decodeJsonString(bytes, start, stop, this.#escaped, this.#ascii));
			}
		} else if (this.#isKey) {
			this.#slot = skip;
		}

		if (this.#isKey) {
			this.#mode = Mode.Colon;
		} else {
			this.#scalarDone(this.#collect);
		}
	}

	#numberEnds(): boolean {
		const state = this.#number;
		return state === Num.Zero || state === Num.Int || state === Num.Frac || state === Num.ExpDigits;
	}

	#numberPart(chunk: Buffer, i: number): number {
		const n = chunk.length;
		let state = this.#number;
		let j = i;
		for (; j < n; j++) {
			const c = chunk[j]!;
			if (isDigit(c)) {
				if (state === Num.Zero) {
					break; // "01": the number was "0"; what follows is an error after it.
				}

				state = state === Num.Minus ? (c === 0x30 ? Num.Zero : Num.Int) : state === Num.Dot ? Num.Frac : state === Num.Exp || state === Num.ExpSign ? Num.ExpDigits : state;
			} else if (c === 0x2e && (state === Num.Zero || state === Num.Int)) {
				state = Num.Dot;
			} else if ((c === 0x65 || c === 0x45) && (state === Num.Zero || state === Num.Int || state === Num.Frac)) {
				state = Num.Exp;
			} else if ((c === 0x2b || c === 0x2d) && state === Num.Exp) {
				state = Num.ExpSign;
			} else {
				break;
			}
		}

		this.#number = state;
		if (j === n) {
			return n;
		}

		if (!this.#numberEnds()) {
			return this.#fail(j);
		}

		this.#finishNumber(chunk, j);
		return j;
	}

	#finishNumber(chunk: Buffer, end: number): void {
		if (this.#collect) {
			this.#sink.number(this.#slot, this.#numberText === '' ? numberAt(chunk, this.#start, end) : Number(this.#numberText + chunk.toString('latin1', this.#start, end)));
		}

		this.#scalarDone(this.#collect);
	}

	#literalPart(chunk: Buffer, i: number): number {
		const literal = this.#literal;
		let j = i;
		while (j < chunk.length && this.#literalAt < literal.length) {
			if (chunk[j] !== literal.charCodeAt(this.#literalAt)) {
				return this.#fail(j);
			}

			j++;
			this.#literalAt++;
		}

		if (this.#literalAt === literal.length) {
			this.#scalarDone(false);
		}

		return j;
	}
}
