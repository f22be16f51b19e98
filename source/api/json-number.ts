// The value of a JSON number the scanner has already checked, read from its bytes. Most
// numbers in a session list are short integers or short decimals: reading those directly
// saves making a string for Number() to read, and gives the very same double.

import type {Buffer} from 'node:buffer';

const powersOfTen = Array.from({length: 23}, (_, power) => 10 ** power);

/** A checked JSON number within one chunk: short integers directly, the rest as Number() reads the text (as JSON.parse does). */
export function numberAt(chunk: Buffer, start: number, end: number): number {
	const negative = chunk[start] === 0x2d;
	if (end - start <= 15) {
		let value = 0;
		let i = negative ? start + 1 : start;
		for (; i < end; i++) {
			const c = chunk[i]!;
			if (c < 0x30 || c > 0x39) {
				break;
			}

			value = (value * 10) + (c - 0x30);
		}

		if (i === end) {
			return negative ? -value : value;
		}

		// d.ddd with at most 15 digits in all: two exact doubles, one correctly rounded division,
		// the same double as the text's (Clinger's fast path). Anything else goes to Number().
		if (chunk[i] === 0x2e && end - i - 1 <= 22) {
			const point = i;
			for (i++; i < end; i++) {
				const c = chunk[i]!;
				if (c < 0x30 || c > 0x39) {
					break;
				}

				value = (value * 10) + (c - 0x30);
			}

			if (i === end) {
				const scaled = value / powersOfTen[end - point - 1]!;
				return negative ? -scaled : scaled;
			}
		}
	}

	return Number((chunk as unknown as {latin1Slice(start: number, end: number): string}).latin1Slice(start, end));
}
