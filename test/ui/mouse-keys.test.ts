// Mouse reports as the terminal sends them, read apart from the keys: SGR (1006) whole, and
// an X10 report's three bytes never read as the keys they spell (a click at column 81 is `q`).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {splitKeys} from '../../source/ui/key-names.js';

test('an SGR report is one press with its button and cell; a release says so; keys around it stay keys', () => {
	assert.deepEqual(splitKeys('\u001B[<0;12;5M'), [{input: '', name: 'mouse', mouse: {button: 0, x: 12, y: 5, release: false}}]);
	assert.deepEqual(splitKeys('\u001B[<0;12;5m'), [{input: '', name: 'mouse', mouse: {button: 0, x: 12, y: 5, release: true}}]);
	assert.deepEqual(splitKeys('j\u001B[<65;80;20Mk'), [{input: 'j'}, {input: '', name: 'mouse', mouse: {button: 65, x: 80, y: 20, release: false}}, {input: 'k'}]);
	// Wheel turns in a burst, as a terminal sends them.
	assert.equal(splitKeys('\u001B[<64;3;9M\u001B[<64;3;9M\u001B[<64;3;9M').filter((key) => key.name === 'mouse').length, 3);
});

test('an X10 report (a terminal without 1006) is one press: its bytes are never keys, q K or y among them', () => {
	// Button 0 at column 81 (`q` = 32 + 81) and row 43 (`K`), then `y`: one press, no keys.
	const click = `\u001B[M ${String.fromCodePoint(32 + 81)}${String.fromCodePoint(32 + 43)}`;
	assert.deepEqual(splitKeys(click), [{input: '', name: 'mouse', mouse: {button: 0, x: 81, y: 43, release: false}}]);
	const release = `\u001B[M#${String.fromCodePoint(32 + 89)}${String.fromCodePoint(32 + 75)}`;
	assert.deepEqual(splitKeys(`${release}j`), [{input: '', name: 'mouse', mouse: {button: 0, x: 89, y: 75, release: true}}, {input: 'j'}]);
	assert.deepEqual(splitKeys(`\u001B[Ma${String.fromCodePoint(32 + 10)}${String.fromCodePoint(32 + 5)}`)[0]?.mouse, {button: 65, x: 10, y: 5, release: false}, 'the wheel');
});
