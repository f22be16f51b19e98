// The value of a JSON number the scanner has already checked, read from its bytes. Most
// numbers in a session list are integers, or decimals that MaxScale prints with 17
// significant digits (idle, seconds_alive: "2.2999999999999998"). Reading those directly
// saves making a string for Number() to read, and gives the very same double: when the
// arithmetic cannot prove that, the text goes to Number() after all.

import type {Buffer} from 'node:buffer';

const powersOfTen = Array.from({length: 23}, (_, power) => 10 ** power);
/** Below this, every integer is an exact double. */
const exactLimit = 2 ** 53;
/** 2^27 + 1: splits a double into two halves whose products are exact (Dekker). */
const splitter = 134_217_729;
/** The relative error allowed for the remainder (a few roundings of 2^-53), with room to spare. */
const margin = 2 ** -40;
// A double's bits, to find its unit in the last place.
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** The word with the sign and exponent: 1 on a little-endian machine. */
const high = words[1] === 0x3f_f0_00_00 ? 1 : 0;

/** A checked JSON number within one chunk: integers and decimals directly, the rest as Number() reads the text (as JSON.parse does). */
export function numberAt(chunk: Buffer, start: number, end: number): number {
	const negative = chunk[start] === 0x2d;
	let value = 0;
	let point = -1;
	let i = negative ? start + 1 : start;
	for (; i < end; i++) {
		const c = chunk[i]!;
		if (c === 0x2e) {
			point = i;
		} else if (c < 0x30 || c > 0x39) {
			break;
		} else {
			value = (value * 10) + (c - 0x30);
		}
	}

	const scale = point === -1 ? 0 : end - point - 1;
	if (i === end && scale <= 22) {
		// The digits only grow the value, and doubles round monotonically: if the end result is
		// below 2^53, every step was exact, so `value` is the digits' integer exactly. Over a power
		// of ten of at most 22: two exact doubles, one correctly rounded division, the same
		// double as the text's (Clinger's fast path).
		const read = value < exactLimit ? value / powersOfTen[scale]! : longDecimal(chunk, negative ? start + 1 : start, end, scale);
		if (!Number.isNaN(read)) {
			return negative ? -read : read;
		}
	}

	return Number((chunk as unknown as {latin1Slice(start: number, end: number): string}).latin1Slice(start, end));
}

/**
 * Digits (a point among them) of up to 18 significant digits, as `m / 10^scale`, or NaN where
 * this cannot be sure to round as Number() does. m is split as a·10^9 + b, both exact; the
 * division q = round(m / 10^scale) is off by at most a unit in the last place, and the
 * remainder m − q·10^scale, exact but for the last roundings, says whether q, or its
 * neighbour, is the double nearest to the text.
 */
function longDecimal(chunk: Buffer, start: number, end: number, scale: number): number {
	let a = 0;
	let b = 0;
	let last = 0; // Digits in b.
	for (let i = start; i < end; i++) {
		const c = chunk[i]!;
		if (c !== 0x2e) {
			if (last === 9) {
				a = (a * 10) + Math.trunc(b / 1e8);
				b %= 1e8;
			} else {
				last++;
			}

			b = (b * 10) + (c - 0x30);
		}
	}

	// Below 2^30, a·10^9 has at most 30 + 21 significant bits (10^9 = 2^9·1953125): exact.
	if (a >= 2 ** 30) {
		return Number.NaN;
	}

	const upper = a * 1e9;
	const sum = upper + b;
	const lost = b - (sum - upper); // m = sum + lost exactly (Fast2Sum: upper ≥ b).
	const power = powersOfTen[scale]!;
	const q = sum / power;
	const product = q * power;
	const remainder = ((sum - product) - productError(q, power, product)) + lost;
	bits[0] = q;
	const exponent = (words[high]! >>> 20) & 0x7_ff;
	// A power of two has a closer neighbour below: leave it, and tiny numbers, to Number().
	if (exponent <= 53 || exponent === 0x7_ff || (words[1 - high] === 0 && (words[high]! & 0xf_ff_ff) === 0)) {
		return Number.NaN;
	}

	words[high] = (exponent - 52) << 20;
	words[1 - high] = 0;
	const unit = bits[0]; // q's unit in the last place.
	const half = unit * power / 2; // Exact: a power of two times 10^scale.
	const distance = Math.abs(remainder);
	if (distance < half * (1 - margin)) {
		return q;
	}

	if (distance > half * (1 + margin) && distance < 3 * half * (1 - margin)) {
		return remainder > 0 ? q + unit : q - unit;
	}

	return Number.NaN;
}

/** x·y − round(x·y), exactly (Dekker's product, as JS has no fused multiply-add). */
function productError(x: number, y: number, product: number): number {
	let t = splitter * x;
	const xHigh = t - (t - x);
	const xLow = x - xHigh;
	t = splitter * y;
	const yHigh = t - (t - y);
	const yLow = y - yHigh;
	return ((((xHigh * yHigh) - product) + (xHigh * yLow) + (xLow * yHigh)) + (xLow * yLow));
}
