import assert from 'node:assert/strict';
import {test} from 'node:test';
import {crashText} from '../../source/ui/crash-text.js';

test('a crash prints its stack line by line, with nothing in it that drives the terminal', () => {
	// As V8 quotes what JSON.parse choked on: here a server's escape sequence.
	const error = new SyntaxError('Unexpected token \u001B]52;c;cm0gLXJmIH4=\u0007 in JSON at position 3 \u202E');
	const text = crashText(error);
	assert.ok(text.startsWith('sessiontop crashed: SyntaxError: Unexpected token \uFFFD]52;c;'), text);
	assert.doesNotMatch(text, /[\u001B\u0007\u202E]/u);
	assert.ok(text.split('\n').length > 2, 'the stack keeps its lines');
	assert.ok(text.endsWith('\n'));
	assert.equal(crashText('plain'), 'sessiontop crashed: plain\n');
});
