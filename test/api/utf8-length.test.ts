// The streamed UTF-16 length must be what decoding the whole body gives, for any bytes
// cut anywhere: it is the size a poll reports and the count in the "not valid JSON" sentence.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {test} from 'node:test';
import fc from 'fast-check';
import {Utf8Length} from '../../source/api/utf8-length.js';

function counted(bytes: Uint8Array, cuts: number[]): number {
	const length = new Utf8Length();
	const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
	let from = 0;
	for (const point of [...points, bytes.length]) {
		length.feed(bytes, from, point);
		from = point;
	}

	length.flush();
	return length.units;
}

test('counts what Buffer#toString("utf8") gives, invalid sequences included, cut anywhere', () => {
	// Bytes biased towards the edges of UTF-8: leads, continuations, overlongs, surrogates, 0xF4 0x90.
	const byte = fc.oneof(fc.integer({min: 0, max: 255}), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xa0, 0x9f, 0xf0, 0xf4, 0xf5, 0x90, 0x8f, 0xff, 0x41));
	fc.assert(
		fc.property(fc.array(byte, {maxLength: 24}), fc.array(fc.nat(), {maxLength: 5}), (values, cuts) => {
			const bytes = Uint8Array.from(values);
			assert.equal(counted(bytes, cuts), Buffer.from(bytes).toString('utf8').length);
		}),
		{numRuns: 20_000},
	);
	for (const text of ['', 'ascii', 'é', '東京', '😀', 'a😀b\u{10FFFF}']) {
		const bytes = Buffer.from(text);
		assert.equal(counted(bytes, [1, 2, 3]), text.length);
	}
});
