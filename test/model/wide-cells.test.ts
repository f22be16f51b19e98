// The client's own measure of a server's text in its sentences (wide-cells.ts) against
// string-width, the screen's: a character string-width makes two cells is two here too, and
// none is counted narrower than the screen draws it.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {roughCells} from '../../source/model/wide-cells.js';

test('every code point takes at least the cells string-width gives it, and a wide one exactly two', () => {
	let wide = 0;
	// Planes 0-3 and 14, where every assigned character is (4-13 are unassigned; 15-16 private use).
	for (let code = 0; code <= 0x10_ff_ff; code++) {
		if ((code >= 0xd8_00 && code <= 0xdf_ff) || (code >= 0x4_00_00 && code < 0xe_00_00) || code >= 0xf_00_00) {
			continue;
		}

		const character = String.fromCodePoint(code);
		const screen = stringWidth(character);
		const rough = roughCells(character);
		if (screen === 2) {
			wide++;
			assert.equal(rough, 2, `U+${code.toString(16)}`);
		} else {
			assert.equal(rough, 1, `U+${code.toString(16)}: ${screen}`);
		}
	}

	assert.ok(wide > 100_000, `${wide} wide code points`);
});

test('a text is the sum of its characters, a lone surrogate one cell', () => {
	assert.equal(roughCells('名前 😀 a'), 2 + 2 + 1 + 2 + 1 + 1);
	assert.equal(roughCells('\uD800x'), 2);
	assert.equal(roughCells(''), 0);
});
