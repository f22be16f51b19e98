// jansson's load.c lexer, reduced to what decides its error messages (see jansson-load.ts).
// Byte for byte: UTF-8 is checked as stream_get() checks it, numbers as lex_scan_number() reads
// them (a malformed one is an invalid token with no message of its own), strings in two passes.

const EOF = -1;
const ERROR = -2;
export const tokEOF = 0;
export const tokInvalid = -1;
export const tokString = 256;
export const tokInteger = 257;
export const tokReal = 258;
export const tokWord = 259; // true, false, null

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isXdigit = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** utf.c utf8_check_first: the length of a sequence starting with this byte, 0 if none. */
function sequenceLength(b: number): number {
	return b < 0x80 ? 1 : b < 0xC2 ? 0 : b <= 0xDF ? 2 : b <= 0xEF ? 3 : b <= 0xF4 ? 4 : 0;
}

/** utf.c utf8_check_full: continuation bytes, range, no surrogate, no overlong form. */
function validSequence(bytes: readonly number[]): boolean {
	const n = bytes.length;
	let value = bytes[0]! & (n === 2 ? 0x1F : n === 3 ? 0x0F : 0x07);
	for (let i = 1; i < n; i++) {
		const u = bytes[i]!;
		if (u < 0x80 || u > 0xBF) {
			return false;
		}

		value = (value << 6) + (u & 0x3F);
	}

	const overlong = (n === 2 && value < 0x80) || (n === 3 && value < 0x800) || (n === 4 && value < 0x10000);
	return value <= 0x10_FFFF && !(value >= 0xD800 && value <= 0xDFFF) && !overlong;
}

export class Lexer {
	token = tokInvalid;
	/** Bytes, as err.text holds them: the context is the input's own bytes, UTF-8 or not. */
	error: Buffer | undefined;
	private at = 0;
	private state = 0; // 0 ok, EOF, ERROR
	private pending: number[] = []; // the rest of a multi-byte sequence
	private saved: number[] = [];

	private readonly data: Uint8Array;

	constructor(data: Uint8Array) {
		this.data = data;
	}

	/** error_set(): the message with the saved token as context; only the first one counts. */
	fail(message: string): void {
		if (this.error !== undefined) {
			return;
		}

		if (this.saved.length > 0) {
			this.error = this.saved.length <= 20 ? Buffer.concat([Buffer.from(`${message} near '`), Buffer.from(this.saved), Buffer.from('\'')]) : Buffer.from(message);
		} else {
			this.error = Buffer.from(this.state === ERROR ? message : `${message} near end of file`);
		}
	}

	scan(): number {
		this.saved = [];
		let c: number;
		do {
			c = this.get();
		} while (c === 0x20 || c === 0x09 || c === 0x0A || c === 0x0D);

		if (c === EOF || c === ERROR) {
			this.token = c === EOF ? tokEOF : tokInvalid;
			return this.token;
		}

		this.saved.push(c);
		if ('{}[]:,'.includes(String.fromCharCode(c))) {
			this.token = c;
		} else if (c === 0x22) {
			this.token = this.string();
		} else if (isDigit(c) || c === 0x2D) {
			this.token = this.number(c);
		} else if (isAlpha(c)) {
			do {
				c = this.getSave();
			} while (isAlpha(c));
			this.ungetUnsave(c);
			const word = Buffer.from(this.saved).toString('latin1');
			this.token = word === 'true' || word === 'false' || word === 'null' ? tokWord : tokInvalid;
		} else {
			// lex_save_cached: the rest of the UTF-8 sequence joins the context.
			this.saved.push(...this.pending);
			this.pending = [];
			this.token = tokInvalid;
		}

		return this.token;
	}

	private get(): number {
		if (this.state !== 0) {
			return this.state;
		}

		if (this.pending.length > 0) {
			return this.pending.shift()!;
		}

		if (this.at >= this.data.length) {
			this.state = EOF;
			return EOF;
		}

		const c = this.data[this.at++]!;
		if (c >= 0x80) {
			const n = sequenceLength(c);
			// A short read leaves EOF (0xFF as a char) in the sequence: invalid, as in stream_get.
			const bytes = [c];
			for (let i = 1; i < n; i++) {
				bytes.push(this.at < this.data.length ? this.data[this.at++]! : 0xFF);
			}

			if (n === 0 || !validSequence(bytes)) {
				this.state = ERROR;
				this.fail(`unable to decode byte 0x${c.toString(16)}`);
				return ERROR;
			}

			this.pending = bytes.slice(1);
		}

		return c;
	}

	private getSave(): number {
		const c = this.get();
		if (c !== EOF && c !== ERROR) {
			this.saved.push(c);
		}

		return c;
	}

	private unget(c: number): void {
		if (c !== EOF && c !== ERROR) {
			this.pending.unshift(c);
		}
	}

	private ungetUnsave(c: number): void {
		if (c !== EOF && c !== ERROR) {
			this.unget(c);
			this.saved.pop();
		}
	}

	/** lex_scan_string: the opening quote is saved. */
	private string(): number {
		let c = this.getSave();
		while (c !== 0x22) {
			if (c === ERROR) {
				return tokInvalid;
			}

			if (c === EOF) {
				this.fail('premature end of input');
				return tokInvalid;
			}

			if (c <= 0x1F) {
				this.ungetUnsave(c);
				this.fail(c === 0x0A ? 'unexpected newline' : `control character 0x${c.toString(16)}`);
				return tokInvalid;
			}

			if (c === 0x5C) {
				c = this.getSave();
				if (c === 0x75) {
					c = this.getSave();
					for (let i = 0; i < 4; i++) {
						if (!isXdigit(c)) {
							this.fail('invalid escape');
							return tokInvalid;
						}

						c = this.getSave();
					}
				} else if ('"\\/bfnrt'.includes(String.fromCharCode(c))) {
					c = this.getSave();
				} else {
					this.fail('invalid escape');
					return tokInvalid;
				}
			} else {
				c = this.getSave();
			}
		}

		return this.unicodeEscapes();
	}

	/** The second pass of lex_scan_string: surrogate pairs, and NUL characters for the parser. */
	private unicodeEscapes(): number {
		const text = Buffer.from(this.saved).toString('latin1');
		const hex = (at: number): number => Number.parseInt(text.slice(at, at + 4), 16);
		const u = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
		this.hasNul = false;
		for (let i = 1; i < text.length - 1; i++) {
			if (text[i] !== '\\') {
				continue;
			}

			if (text[i + 1] !== 'u') {
				i++;
				continue;
			}

			const value = hex(i + 2);
			i += 5;
			if (value >= 0xD800 && value <= 0xDBFF) {
				if (text[i + 1] !== '\\' || text[i + 2] !== 'u') {
					this.fail(`invalid Unicode '\\u${u(value)}'`);
					return tokInvalid;
				}

				const low = hex(i + 3);
				i += 6;
				if (low < 0xDC00 || low > 0xDFFF) {
					this.fail(`invalid Unicode '\\u${u(value)}\\u${u(low)}'`);
					return tokInvalid;
				}
			} else if (value >= 0xDC00 && value <= 0xDFFF) {
				this.fail(`invalid Unicode '\\u${u(value)}'`);
				return tokInvalid;
			} else if (value === 0) {
				this.hasNul = true;
			}
		}

		return tokString;
	}

	/** The string just read contains U+0000 (\u0000). */
	hasNul = false;

	/** lex_scan_number: c ('-' or a digit) is saved. A malformed number is an invalid token, no message. */
	private number(first: number): number {
		let c = first;
		if (c === 0x2D) {
			c = this.getSave();
		}

		if (c === 0x30) {
			c = this.getSave();
			if (isDigit(c)) {
				this.ungetUnsave(c);
				return tokInvalid;
			}
		} else if (isDigit(c)) {
			do {
				c = this.getSave();
			} while (isDigit(c));
		} else {
			this.ungetUnsave(c);
			return tokInvalid;
		}

		if (c !== 0x2E && c !== 0x45 && c !== 0x65) {
			this.ungetUnsave(c);
			const value = BigInt(Buffer.from(this.saved).toString('latin1'));
			if (value > 0x7FFF_FFFF_FFFF_FFFFn || value < -0x8000_0000_0000_0000n) {
				this.fail(value < 0n ? 'too big negative integer' : 'too big integer');
				return tokInvalid;
			}

			return tokInteger;
		}

		if (c === 0x2E) {
			c = this.get();
			if (!isDigit(c)) {
				this.unget(c);
				return tokInvalid;
			}

			this.saved.push(c);
			do {
				c = this.getSave();
			} while (isDigit(c));
		}

		if (c === 0x45 || c === 0x65) {
			c = this.getSave();
			if (c === 0x2B || c === 0x2D) {
				c = this.getSave();
			}

			if (!isDigit(c)) {
				this.ungetUnsave(c);
				return tokInvalid;
			}

			do {
				c = this.getSave();
			} while (isDigit(c));
		}

		this.ungetUnsave(c);
		if (!Number.isFinite(Number(Buffer.from(this.saved).toString('latin1')))) {
			this.fail('real number overflow');
			return tokInvalid;
		}

		return tokReal;
	}
}
