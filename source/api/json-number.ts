// The value of a JSON number the scanner has already checked, read from its bytes. Most
// numbers in a session list are integers or decimals of up to 16 digits (seconds_alive
// has 16): reading those directly saves making a string for Number() to read, and gives
// the very same double.

import type {Buffer} from 'node:buffer';

const powersOfTen = Array.from({length: 23}, (_, power) => 10 ** power);
/** Below this, every integer is an exact double. */
const exactLimit = 2 ** 53;

/** A checked JSON number within one chunk: integers and d.ddd below 2^53 directly, the rest as Number() reads the text (as JSON.parse does). */
export function numberAt(chunk: Buffer, start: number, end: number): number {
	const negative = chunk[start] === 0x2d;
	let value = 0;
	let i = negative ? start + 1 : start;
	for (; i < end; i++) {
		const c = chunk[i]!;
		if (c < 0x30 || c > 0x39) {
			break;
		}

		value = (value * 10) + (c - 0x30);
	}

	// The digits only grow the value, and doubles round monotonically: if the end result is
	// below 2^53, every step was exact, so `value` is the digits' integer exactly.
	if (i === end) {
		if (value < exactLimit) {
			return negative ? -value : value;
		}
	} else if (chunk[i] === 0x2e && end - i - 1 <= 22) {
		// d.ddd as the integer of all its digits over a power of ten of at most 22: two exact
		// doubles, one correctly rounded division, the same double as the text's (Clinger's fast path).
		const point = i;
		for (i++; i < end; i++) {
			const c = chunk[i]!;
			if (c < 0x30 || c > 0x39) {
				break;
			}

			value = (value * 10) + (c - 0x30);
		}

		if (i === end && value < exactLimit) {
			const scaled = value / powersOfTen[end - point - 1]!;
			return negative ? -scaled : scaled;
		}
	}

	return Number((chunk as unknown as {latin1Slice(start: number, end: number): string}).latin1Slice(start, end));
}
