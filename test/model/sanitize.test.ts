import assert from 'node:assert/strict';
import {test} from 'node:test';
import {escapeUnseen, longestShown, sanitize, shown} from '../../source/model/sanitize.js';

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
		// A tab reads as the space it was; anything else is one mark of tampering.
		assert.equal(out, code === 0x09 ? 'a b' : 'a\uFFFDb', `U+${code.toString(16)} -> ${JSON.stringify(out)}`);
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

test('shown: a text past longestShown is cut with an ellipsis, whole characters only; a short one is the same string', () => {
	assert.equal(shown('app_rw'), 'app_rw');
	const cut = shown('é'.repeat(100_000));
	assert.equal(cut.length, longestShown);
	assert.ok(cut.endsWith('é…'));
	// Never half an emoji at the cut.
	const emoji = shown(`${'x'.repeat(longestShown - 2)}😀😀`);
	assert.equal(emoji, `${'x'.repeat(longestShown - 2)}…`);
	// Still sanitized.
	assert.equal(shown(`${'x'.repeat(600)}\u001B[2J`), `${'x'.repeat(longestShown - 1)}…`);
	assert.equal(shown('a\u001B[2Jb'), 'a\uFFFD[2Jb');
});

test('shown: past three combining marks on one character, the rest is one mark of tampering; Vietnamese keeps its marks', () => {
	assert.equal(shown(`e${'\u0301'.repeat(200)}x`), 'e\u0301\u0301\u0301\uFFFDx');
	assert.equal(shown('Vie\u0323\u0302t'), 'Vie\u0323\u0302t');
	assert.equal(shown('Nguyễn'), 'Nguyễn');
});

test('escapeUnseen: combining marks past the third are escaped, and the JSON parses back to the same text', () => {
	const text = `e${'\u0301'.repeat(5)}`;
	const json = escapeUnseen(JSON.stringify(text));
	assert.equal(json, '"e\u0301\u0301\u0301\\u0301\\u0301"');
	assert.equal(JSON.parse(json), text);
});

test('every format character (Cf) and tag character is marked, in the list as in the pane and --json: none shows raw in one and escaped in another', () => {
	const format = /^\p{Cf}$/u;
	let checked = 0;
	for (let code = 0; code <= 0x10_ffff; code++) {
		if (code >= 0xd8_00 && code <= 0xdf_ff) {
			continue;
		}

		const character = String.fromCodePoint(code);
		const hidden = format.test(character) || (code >= 0xe_00_00 && code <= 0xe_00_7f);
		if (!hidden) {
			continue;
		}

		checked++;
		assert.equal(sanitize(`ad${character}min`), 'ad\uFFFDmin', `U+${code.toString(16)}`);
		assert.equal(shown(`ad${character}min`), 'ad\uFFFDmin', `U+${code.toString(16)}`);
		const json = escapeUnseen(JSON.stringify(`ad${character}min`));
		assert.match(json, /^"ad(?:\\u[\da-f]{4})+min"$/, `U+${code.toString(16)}: ${json}`);
	}

	// The ones a hand-made list had missed among them (U+206B, U+1BCA0, U+1D173, U+13430).
	assert.ok(checked > 160, String(checked));
	for (const code of [0x20_6b, 0x1_bc_a0, 0x1_d1_73, 0x1_34_30, 0x6_00]) {
		assert.equal(sanitize(`x${String.fromCodePoint(code)}`), 'x\uFFFD');
	}
});
