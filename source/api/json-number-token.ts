// The numbers of the JSON scanner: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
// numberEnd() takes a well-formed number that ends within its chunk in one pass; a
// number cut by a chunk boundary, or one that breaks the grammar, goes through
// NumberToken, a state machine that can stop at any byte and says where it failed.

import type {Buffer} from 'node:buffer';
import {numberAt} from './json-number.js';

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Where the number starting at `i` ends, if it is well formed and followed by a byte of this chunk; else -1 (the token's business). */
export function numberEnd(chunk: Buffer, i: number, n: number): number {
	let j = chunk[i] === 0x2d ? i + 1 : i;
	let c = j < n ? chunk[j]! : -1;
	if (c === 0x30) {
		c = ++j < n ? chunk[j]! : -1;
	} else if (isDigit(c)) {
		do {
			c = ++j < n ? chunk[j]! : -1;
		} while (isDigit(c));
	} else {
		return -1;
	}

	if (c === 0x2e) {
		c = ++j < n ? chunk[j]! : -1;
		if (!isDigit(c)) {
			return -1;
		}

		do {
			c = ++j < n ? chunk[j]! : -1;
		} while (isDigit(c));
	}

	if (c === 0x65 || c === 0x45) {
		c = ++j < n ? chunk[j]! : -1;
		if (c === 0x2b || c === 0x2d) {
			c = ++j < n ? chunk[j]! : -1;
		}

		if (!isDigit(c)) {
			return -1;
		}

		do {
			c = ++j < n ? chunk[j]! : -1;
		} while (isDigit(c));
	}

	return j < n ? j : -1;
}

/** Where a number is in its grammar. */
const Num = {Minus: 0, Zero: 1, Int: 2, Dot: 3, Frac: 4, Exp: 5, ExpSign: 6, ExpDigits: 7} as const;

/** A number the fast path could not take: one that crosses chunks, or breaks the grammar somewhere. */
export class NumberToken {
	/** Whether the sink takes its value. */
	collect = false;
	#state: number = Num.Int;
	#start = 0;
	/** Its text from earlier chunks, when it crossed some and the sink takes it. */
	#text = '';

	begin(chunk: Buffer, start: number, collect: boolean): void {
		const c = chunk[start]!;
		this.#state = c === 0x2d ? Num.Minus : c === 0x30 ? Num.Zero : Num.Int;
		this.#start = start;
		this.collect = collect;
		this.#text = '';
	}

	resume(): void {
		this.#start = 0;
	}

	/** Whether the number could end here. */
	get complete(): boolean {
		const state = this.#state;
		return state === Num.Zero || state === Num.Int || state === Num.Frac || state === Num.ExpDigits;
	}

	/** From `i`: the index of the first byte after the number, `n` if the chunk ends first, or ~index of the byte where it breaks. */
	scan(chunk: Buffer, i: number): number {
		const n = chunk.length;
		let state = this.#state;
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

		this.#state = state;
		return j === n || this.complete ? j : ~j;
	}

	chunkEnded(chunk: Buffer): void {
		if (this.collect) {
			this.#text += chunk.toString('latin1', this.#start);
		}
	}

	/** The value of the number that ended at `end` of `chunk`. */
	value(chunk: Buffer, end: number): number {
		return this.#text === '' ? numberAt(chunk, this.#start, end) : Number(this.#text + chunk.toString('latin1', this.#start, end));
	}
}
