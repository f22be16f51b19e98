// What the JSON scanner still does once the body broke the grammar: it counts the rest
// for the body's UTF-16 length (the "not valid JSON (N bytes)" sentence) and, if the very
// first character was not JSON, tells whether the body starts like an HTML page.

import type {Buffer} from 'node:buffer';
import {StringDecoder} from 'node:string_decoder';
import type {Utf8Length} from './utf8-length.js';

export class ErrorTail {
	readonly #utf8: Utf8Length;
	#html: boolean | undefined;
	#sniffer: StringDecoder | undefined;

	constructor(utf8: Utf8Length) {
		this.#utf8 = utf8;
	}

	/** The error came; `rootStarted` if the body had begun as JSON (then it is no HTML page). */
	begin(rootStarted: boolean): void {
		if (rootStarted) {
			this.#html = false;
		} else {
			this.#sniffer = new StringDecoder('utf8');
		}
	}

	/** The rest of a chunk, from where the error is (or from its start, in a later chunk). */
	write(chunk: Buffer, from: number): void {
		this.#utf8.feed(chunk, from, chunk.length);
		if (this.#html === undefined && this.#sniffer !== undefined) {
			const first = /\S/.exec(this.#sniffer.write(chunk.subarray(from)))?.[0];
			if (first !== undefined) {
				this.#html = first === '<';
			}
		}
	}

	/** The body ended: whether it started like HTML (/^\s*</). */
	end(): boolean {
		if (this.#html === undefined) {
			const rest = this.#sniffer?.end() ?? '';
			this.#html = /\S/.exec(rest)?.[0] === '<';
		}

		return this.#html;
	}
}
