import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sanitize} from '../../source/model/sanitize.js';

test('keeps ordinary text, including non-Latin and emoji', () => {
	for (const text of ['maxuser', 'SELECT * FROM t WHERE a = "x"', 'Jürgen', '用户', 'app 🚀']) {
		assert.equal(sanitize(text), text);
	}
});

test('replaces every C0, DEL, C1, bidi control and lone surrogate', () => {
	const codes = [
		...Array.from({length: 32}, (_, i) => i),
		0x7f,
		...Array.from({length: 32}, (_, i) => 0x80 + i),
		0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
	];
	for (const code of codes) {
		const out = sanitize(`a${String.fromCharCode(code)}b`);
		assert.equal(out.length, 3);
		assert.ok(out === 'a\uFFFDb' || out === 'a b', `U+${code.toString(16)} -> ${JSON.stringify(out)}`);
	}

	assert.equal(sanitize('x\uD800y'), 'x\uFFFDy');
	assert.equal(sanitize('x\uDC00y'), 'x\uFFFDy');
	assert.equal(sanitize('\u001B]0;title\u0007'), '\uFFFD]0;title\uFFFD');
});

test('marks what a terminal draws as nothing: zero-width characters, soft hyphen, BOM, tag characters', () => {
	// `ad\u200Bmin` would pass for admin on screen.
	for (const code of [0xad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2064, 0xfeff, 0xfff9, 0xfffb]) {
		assert.equal(sanitize(`ad${String.fromCharCode(code)}min`), 'ad\uFFFDmin', `U+${code.toString(16)}`);
	}

	// A tag character is a surrogate pair, one mark for the pair.
	assert.equal(sanitize('x\uDB40\uDC67y'), 'x\uFFFDy');
	// Visible text with marks of its own stays: combining accents, CJK, variation selectors, flags.
	for (const text of ['e\u0301', '田中', '\u2764\uFE0F', '🇫🇮']) {
		assert.equal(sanitize(text), text);
	}
});
