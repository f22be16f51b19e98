import assert from 'node:assert/strict';
import {test} from 'node:test';
import {asciiFrame, utf8Locale} from '../../source/ui/ascii-frame.js';
import {cellWidth} from '../../source/ui/cell-width.js';

test('the locale reads UTF-8 only when the first of LC_ALL, LC_CTYPE, LANG that is set says so', () => {
	assert.equal(utf8Locale({LANG: 'en_US.UTF-8'}), true);
	assert.equal(utf8Locale({LANG: 'C.utf8'}), true);
	assert.equal(utf8Locale({}), false, 'no locale at all: C');
	assert.equal(utf8Locale({LANG: 'C'}), false);
	assert.equal(utf8Locale({LC_ALL: 'POSIX', LANG: 'en_US.UTF-8'}), false, 'LC_ALL first');
	assert.equal(utf8Locale({LC_ALL: '', LC_CTYPE: 'de_DE.ISO-8859-1', LANG: 'en_US.UTF-8'}), false, 'an empty one is not set');
	assert.equal(utf8Locale({LC_CTYPE: 'en_US.UTF-8', LANG: 'C'}), true);
});

test('a frame in ASCII: every glyph has a stand-in of its own, every other character as many ? as its cells', () => {
	const frame = '\u001B[7m▶●      70 田中…  ✕ ▁▃▅█ ▾ a › b · c │╭─╮ e\u0301 \uFFFD\u001B[27m';
	const ascii = asciiFrame(frame);
	assert.equal(ascii, '\u001B[7m>*      70 ????~  x _.-# v a > b . c |+-+ e ?\u001B[27m');
	assert.ok(/^[\u0000-\u007F]*$/.test(ascii), 'nothing past ASCII');
	// Cell for cell: Ink laid the columns out for the glyphs.
	const strip = (text: string) => text.replaceAll(/\u001B\[\d+m/g, '');
	assert.equal(cellWidth(strip(ascii)), cellWidth(strip(frame)));
	// The cursor, a mark, a new row and an ended one stay apart without colour.
	assert.deepEqual(['▶', '●', '+', '✕'].map((glyph) => asciiFrame(glyph)), ['>', '*', '+', 'x']);
});
