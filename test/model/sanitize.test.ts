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
