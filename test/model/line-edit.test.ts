import assert from 'node:assert/strict';
import {test} from 'node:test';
import {boundaries, clampCursor, editLine, pastedText, type Line} from '../../source/model/line-edit.js';
import {lineWindow, type LineView} from '../../source/model/line-window.js';
import {units} from '../../source/model/sanitize.js';

/** Keys pressed at the prompt: names as ui/key-names.ts gives them, anything else typed text. */
const names = new Set(['left', 'right', 'home', 'end', 'backspace', 'delete', 'space', 'ctrl+a', 'ctrl+b', 'ctrl+d', 'ctrl+e', 'ctrl+f', 'ctrl+k', 'ctrl+u', 'ctrl+w', 'alt+left', 'alt+right', 'alt+b', 'alt+f', 'ctrl+left', 'ctrl+right']);
function press(line: Line, ...keys: string[]): Line {
	return keys.reduce((current, key) => editLine(current, names.has(key) ? '' : key, names.has(key) ? key : undefined) ?? current, line);
}

/** The line with `|` where the cursor is: `user:|bob`. */
const shown = ({text, cursor}: Line) => `${text.slice(0, cursor)}|${text.slice(cursor)}`;
const typed = (text: string): Line => press({text: '', cursor: 0}, ...text);

test('← → move the cursor, typing inserts at it', () => {
	let line = typed('user:bob');
	assert.equal(shown(line), 'user:bob|');
	line = press(line, 'left', 'left', 'left', 'x');
	assert.deepEqual(line, {text: 'user:xbob', cursor: 6});
	line = press(line, 'right', 'space', 'y');
	assert.equal(shown(line), 'user:xb y|ob');
	// A paste: several characters in one key press, all at the cursor.
	assert.equal(shown(press(typed('user:'), 'home', 'idle>5 ')), 'idle>5 |user:');
});

test('Home (Ctrl-A) and End (Ctrl-E); Delete and Ctrl-D take the character under the cursor, Backspace the one before', () => {
	let line = press(typed('xuser:bob'), 'home', 'delete');
	assert.equal(shown(line), '|user:bob');
	line = press(line, 'backspace');
	assert.equal(shown(line), '|user:bob', 'nothing before the start');
	line = press(line, 'end', 'delete');
	assert.equal(shown(line), 'user:bob|', 'nothing after the end');
	line = press(line, 'backspace');
	assert.equal(shown(line), 'user:bo|');
	line = press(line, 'ctrl+a', 'right', 'ctrl+d');
	assert.equal(shown(line), 'u|er:bo');
	line = press(line, 'ctrl+e', 'ctrl+b', 'ctrl+b', 'ctrl+f');
	assert.equal(shown(line), 'uer:b|o');
});

test('the cursor stops at both ends', () => {
	let line = press(typed('ab'), 'right', 'right');
	assert.equal(shown(line), 'ab|');
	line = press(line, 'left', 'left', 'left', 'left');
	assert.equal(shown(line), '|ab');
	assert.equal(shown(press(line, 'alt+left', 'ctrl+left')), '|ab');
	assert.equal(shown(press(line, 'alt+right', 'alt+right', 'ctrl+right')), 'ab|');
	// A cursor from elsewhere (a state written by hand) is brought back within the text.
	assert.equal(clampCursor('ab', 9), 2);
	assert.equal(clampCursor('ab', -3), 0);
	assert.equal(shown(press({text: 'ab', cursor: 9}, 'x')), 'abx|');
});

test('Ctrl-W takes the word before the cursor (and the spaces after it), in the middle of the line too', () => {
	let line = press(typed('user:app idle>5 state:started'), 'alt+left', 'left');
	assert.equal(shown(line), 'user:app idle>5| state:started');
	line = press(line, 'ctrl+w');
	assert.equal(shown(line), 'user:app | state:started');
	line = press(line, 'ctrl+w');
	assert.equal(shown(line), '| state:started');
	line = press(line, 'ctrl+w');
	assert.equal(shown(line), '| state:started', 'nothing before the start');
	// In the middle of a word: its start only.
	assert.equal(shown(press(typed('user:app idle>5'), 'left', 'left', 'ctrl+w')), 'user:app |>5');
});

test('Ctrl-U takes the line up to the cursor, Ctrl-K from it to the end', () => {
	const line = press(typed('user:app idle>5'), 'alt+left');
	assert.equal(shown(line), 'user:app |idle>5');
	assert.equal(shown(press(line, 'ctrl+u')), '|idle>5');
	assert.equal(shown(press(line, 'ctrl+k')), 'user:app |');
	assert.equal(shown(press(line, 'end', 'ctrl+k')), 'user:app idle>5|', 'nothing after the end');
	assert.equal(shown(press(line, 'home', 'ctrl+u')), '|user:app idle>5', 'nothing before the start');
});

test('by word: Alt-← / Ctrl-← / Alt-b to a word\'s start, Alt-→ / Ctrl-→ / Alt-f to its end', () => {
	let line = typed('user:app  idle>5 x');
	for (const [key, expected] of [
		['alt+left', 'user:app  idle>5 |x'],
		['ctrl+left', 'user:app  |idle>5 x'],
		['alt+b', '|user:app  idle>5 x'],
		['alt+right', 'user:app|  idle>5 x'],
		['ctrl+right', 'user:app  idle>5| x'],
		['alt+f', 'user:app  idle>5 x|'],
	] as const) {
		line = press(line, key);
		assert.equal(shown(line), expected, key);
	}
});

test('keys that do not edit are the prompt\'s: Enter, Esc, ↑ ↓', () => {
	for (const name of ['return', 'escape', 'tab', 'up', 'down', 'unknown', 'f9']) {
		assert.equal(editLine({text: 'a', cursor: 1}, '', name), undefined, name);
	}

	assert.equal(editLine({text: 'a', cursor: 1}, '', undefined), undefined, 'no text, no key');
});

test('the cursor steps over whole characters: an emoji, an accent written as two code points, a flag', () => {
	const text = 'a🚀e\u0301🇫🇷b';
	assert.deepEqual(boundaries(text), [0, 1, 3, 5, 9, 10]);
	let line = press({text, cursor: text.length}, 'left', 'left');
	assert.equal(shown(line), 'a🚀e\u0301|🇫🇷b');
	line = press(line, 'backspace', 'backspace');
	assert.equal(shown(line), 'a|🇫🇷b');
	line = press(line, 'delete');
	assert.equal(shown(line), 'a|b');
	// Never left inside one: a cursor that falls between a flag's halves goes to its end.
	assert.equal(clampCursor('🇫🇷b', 2), 4);
});

const view = (text: string, cursor: number, cells: number) => lineWindow({text, cursor}, cells, units);
/** A view as drawn: `…` for what is cut off, `[x]` for the cursor's cell. */
const drawn = (v: LineView) => `${v.clippedStart ? '…' : ''}${v.before}[${v.under}]${v.after}${v.clippedEnd ? '…' : ''}`;

test('a line that fits is drawn whole, the cursor on its character or after the end', () => {
	assert.equal(drawn(view('user:bob', 8, 20)), 'user:bob[ ]');
	assert.equal(drawn(view('user:bob', 5, 20)), 'user:[b]ob');
	assert.equal(drawn(view('', 0, 5)), '[ ]');
	// Exactly the room: whole with the cursor on a character; after the end it needs one cell more.
	assert.equal(drawn(view('abcdefghij', 9, 10)), 'abcdefghi[j]');
	assert.equal(drawn(view('abcdefghij', 10, 10)), '…cdefghij[ ]');
});

test('a line wider than its room follows the cursor, by half the room at a time, and never draws wider', () => {
	const text = 'abcdefghijklmnopqrstuvwxyz';
	const cells = 10;
	const at = (cursor: number) => drawn(view(text, cursor, cells));
	assert.equal(at(0), '[a]bcdefghi…');
	assert.equal(at(8), 'abcdefgh[i]…');
	// The cursor leaves the window: it moves on by half the room (five cells), not one, so
	// that → and ← move the cursor over text that stays put.
	assert.equal(at(9), '…fghi[j]klm…');
	assert.equal(at(12), '…fghijkl[m]…');
	assert.equal(at(13), '…klm[n]opqr…');
	// Near the end, the window is the one that ends with the line, filled.
	assert.equal(at(23), '…rstuvw[x]yz');
	assert.equal(at(26), '…stuvwxyz[ ]');
	assert.equal(at(8), 'abcdefgh[i]…', 'and back');
	for (let cursor = 0; cursor <= text.length; cursor++) {
		const line = at(cursor);
		assert.ok(line.length - 2 <= cells, `${cursor}: ${line} is wider than ${cells}`);
		assert.ok(line.includes(`[${text[cursor] ?? ' '}]`), `${cursor}: ${line}`);
		assert.ok(text.includes(line.replaceAll(/[[\]…]/g, '').trimEnd()), `${cursor}: ${line}: a piece of the text, whole`);
	}
});

test('wide characters (two cells) are measured as drawn', () => {
	const wide = (character: string) => (/[\u4E00-\u9FFF]/.test(character) ? 2 : 1);
	const at = (cursor: number) => drawn(lineWindow({text: '漢字漢字漢字漢字', cursor}, 8, wide));
	assert.equal(at(8), '…字漢字[ ]', 'three of them, the … and the cursor: 8 cells');
	assert.equal(at(0), '[漢]字漢…');
	assert.equal(at(3), '…漢[字]漢…');
});

test('a paste goes in at the cursor as one line: line breaks and tabs as spaces, other control characters left out', () => {
	const line = press(typed('user:'), 'home');
	assert.equal(shown(editLine(line, 'report\r\nKyle\tq\n', 'paste')!), 'report Kyle q |user:');
	assert.equal(pastedText('a\u0007b\u001B[Bc\u009Bd'), 'ab[Bcd');
	assert.equal(editLine(line, '\r\n', 'paste')?.text, ' user:', 'a line break alone is a space, never Enter');
	assert.equal(editLine(line, '\u0007', 'paste'), undefined, 'nothing left to insert');
});

test('a line capped at a length takes what fits, whole characters, and says it cut the rest', () => {
	const line = typed('abc');
	assert.deepEqual(editLine(line, 'defgh', undefined, 6), {text: 'abcdef', cursor: 6, cut: true});
	assert.deepEqual(editLine(line, 'de', undefined, 6), {text: 'abcde', cursor: 5});
	assert.deepEqual(editLine(line, '🚀🚀', 'paste', 6), {text: 'abc🚀', cursor: 5, cut: true}, 'never half an emoji');
	assert.deepEqual(editLine(typed('abcdef'), '', 'space', 6), {text: 'abcdef', cursor: 6, cut: true});
});
