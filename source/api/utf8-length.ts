// How many UTF-16 units a UTF-8 byte stream decodes to, counted as it streams, without
// decoding it. The size a poll reports (and the "not valid JSON (N bytes)" sentence) has
// always been the length of the decoded body; a streamed body is never decoded whole, so
// this counts what Buffer#toString('utf8') would give, invalid bytes included: each maximal
// invalid subpart is one U+FFFD (the WHATWG decoder, which V8 follows).

export class Utf8Length {
	/** Bytes fed so far, and the UTF-16 units they decode to. */
	bytes = 0;
	units = 0;
	#needed = 0;
	#seen = 0;
	#lower = 0x80;
	#upper = 0xbf;

	/** Whether a multi-byte sequence is open (its end may come in the next chunk). */
	get pending(): boolean {
		return this.#needed !== 0;
	}

	feed(buffer: Uint8Array, start: number, end: number): void {
		this.bytes += end - start;
		for (let i = start; i < end; i++) {
			const byte = buffer[i]!;
			if (this.#needed === 0) {
				if (byte < 0x80) {
					this.units++;
				} else if (byte >= 0xc2 && byte <= 0xdf) {
					this.#needed = 1;
				} else if (byte >= 0xe0 && byte <= 0xef) {
					this.#lower = byte === 0xe0 ? 0xa0 : 0x80;
					this.#upper = byte === 0xed ? 0x9f : 0xbf;
					this.#needed = 2;
				} else if (byte >= 0xf0 && byte <= 0xf4) {
					this.#lower = byte === 0xf0 ? 0x90 : 0x80;
					this.#upper = byte === 0xf4 ? 0x8f : 0xbf;
					this.#needed = 3;
				} else {
					this.units++; // U+FFFD
				}

				continue;
			}

			if (byte < this.#lower || byte > this.#upper) {
				// The sequence breaks off: one U+FFFD for it, and this byte starts afresh.
				this.flush();
				i--;
				continue;
			}

			this.#lower = 0x80;
			this.#upper = 0xbf;
			if (++this.#seen === this.#needed) {
				// A four-byte sequence is a surrogate pair.
				this.units += this.#needed === 3 ? 2 : 1;
				this.#needed = 0;
				this.#seen = 0;
			}
		}
	}

	/** The stream ended (or an ASCII byte came) inside a sequence: it is one U+FFFD. */
	flush(): void {
		if (this.#needed !== 0) {
			this.units++;
			this.#needed = 0;
			this.#seen = 0;
			this.#lower = 0x80;
			this.#upper = 0xbf;
		}
	}
}
