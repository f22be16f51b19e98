import assert from 'node:assert/strict';
import {test} from 'node:test';
import {crashText} from '../../source/crash-text.js';
import {runCli, simulator, skipWithoutBuild} from './helpers.js';

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

test('a crash in batch output: its message on stderr without the escape sequences it quotes, and exit 70', {skip: skipWithoutBuild, timeout: 20_000}, async (t) => {
	const sim = await simulator();
	t.after(async () => sim.close());
	// A module loaded first that throws once the watch runs, its message holding a server's escape sequences.
	const thrower = `data:text/javascript,${encodeURIComponent("setTimeout(() => { throw new Error('qa \\u001B]2;PWNED\\u0007 \\u001B[31mred \\u202Eboom'); }, 800);")}`;
	const run = await runCli(['-h', `127.0.0.1:${sim.port}`, '--watch', '--json', '--interval', '500ms'], {env: {NODE_OPTIONS: `--import=${thrower}`}, timeoutMs: 15_000});
	assert.equal(run.code, 70, run.stderr);
	assert.match(run.stderr, /^sessiontop crashed: Error: qa \uFFFD\]2;PWNED\uFFFD \uFFFD\[31mred \uFFFDboom\n/);
	assert.doesNotMatch(run.stderr, /[\u001B\u0007\u202E]/u);
});
