// Widths without Intl.Segmenter (source/ui/narrow-width.ts) must be string-width's
// exactly, or say they cannot be: Ink lays out and draws with them.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {isLoneGrapheme, isNarrowLine, loneGraphemesWidth} from '../../source/ui/narrow-width.js';

const widthOf = (code: number) => stringWidth(String.fromCharCode(code));
const lone = Array.from({length: 0x1_00_00}, (_, code) => code).filter((code) => isLoneGrapheme(code));
const segmenter = new Intl.Segmenter();

test('each lone grapheme is one grapheme, whatever stands on either side of it', () => {
	assert.ok(lone.length > 3000);
	for (const code of lone) {
		const char = String.fromCharCode(code);
		for (const neighbour of ['a', '…', '▶', '\u00A0', '━']) {
			assert.equal([...segmenter.segment(`${neighbour}${char}${neighbour}`)].length, 3, `U+${code.toString(16)}`);
		}
	}
});

test('a line of lone graphemes measures as string-width measures it', () => {
	// Every lone character in lines of 40, the symbols the monitor draws among them.
	for (let start = 0; start < lone.length; start += 40) {
		const line = `▶ ${String.fromCharCode(...lone.slice(start, start + 40))} … · ▁█ ›`;
		assert.equal(loneGraphemesWidth(line, widthOf), stringWidth(line), line);
	}

	assert.equal(loneGraphemesWidth('[::ffff:172.16.30.4]:364…', widthOf), 25);
	assert.equal(loneGraphemesWidth('', widthOf), 0);
});

test('anything that may join a cluster or be drawn wider is left to string-width', () => {
	const joining = ['e\u0301', '👍🏽', 'a\u200Db', '☕\uFE0F', '\u1100\u1161', 'x\u0903', '\u0600x', 'tab\there', 'bell\u0007', '中文', 'a\r\nb', '\uD83D'];
	for (const text of joining) {
		assert.equal(loneGraphemesWidth(text, widthOf), -1, JSON.stringify(text));
		assert.equal(isNarrowLine(text, widthOf), false, JSON.stringify(text));
	}

	// Colour codes are Output's to read (isNarrowLine), not a width to measure.
	assert.equal(loneGraphemesWidth('\u001B[31mred\u001B[39m', widthOf), -1);
});

test('a narrow line is colour codes and characters of one column, each its own grapheme', () => {
	assert.equal(isNarrowLine('\u001B[1m\u001B[36m▾ Analytics\u001B[39m\u001B[22m  43  (started 42 · stopping 1)', widthOf), true);
	assert.equal(isNarrowLine('plain', widthOf), true);
	// Wide (⌚, ✅), zero-width (soft hyphen) and codes that are not colours.
	for (const text of ['⌚ 12', 'done ✅', 'soft\u00ADhyphen', '\u001B]8;;https://x\u0007link', '\u001B[2J', '\u001B[31']) {
		assert.equal(isNarrowLine(text, widthOf), false, JSON.stringify(text));
	}

	for (const code of lone) {
		const char = String.fromCharCode(code);
		assert.equal(isNarrowLine(`a${char}b`, widthOf), stringWidth(char) === 1, `U+${code.toString(16)}`);
	}
});
