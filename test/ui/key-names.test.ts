import assert from 'node:assert/strict';
import {test} from 'node:test';
import {keyReader, nameKey, splitKeys} from '../../source/ui/key-names.js';

test('names the keys htop users press, Delete apart from Backspace, F9 and F1 included', () => {
	assert.deepEqual(nameKey('\u001B[B'), {input: '', name: 'down'});
	assert.deepEqual(nameKey('\u001B[3~'), {input: '', name: 'delete'});
	assert.deepEqual(nameKey('\u007F'), {input: '', name: 'backspace'});
	assert.deepEqual(nameKey('\u001B[20~'), {input: '', name: 'f9'});
	assert.deepEqual(nameKey('\u001BOP'), {input: '', name: 'f1'});
	// QA: F10 did not quit, F3/F4 did not filter, F5/F6 did nothing; as xterm, rxvt and the console send them.
	for (const [sequence, name] of [['\u001BOR', 'f3'], ['\u001B[13~', 'f3'], ['\u001BOS', 'f4'], ['\u001B[[D', 'f4'], ['\u001B[15~', 'f5'], ['\u001B[17~', 'f6'], ['\u001B[21~', 'f10']]) {
		assert.deepEqual(nameKey(sequence!), {input: '', name}, name);
	}

	assert.deepEqual(nameKey('\u0003'), {input: '', name: 'ctrl+c'});
	// The filter prompt's line editing.
	assert.deepEqual(nameKey('\u0015'), {input: '', name: 'ctrl+u'});
	assert.deepEqual(nameKey('\u0017'), {input: '', name: 'ctrl+w'});
	assert.deepEqual(nameKey(' '), {input: ' ', name: 'space'});
	assert.deepEqual(nameKey('G'), {input: 'G'});
	assert.deepEqual(nameKey('\u001B[1;5A'), {input: '', name: 'unknown'});
});

test('input that arrives in one piece becomes one key press each, escape sequences whole', () => {
	assert.deepEqual(splitKeys('\tjjj').map((k) => k.name ?? k.input), ['tab', 'j', 'j', 'j']);
	assert.deepEqual(splitKeys('/app\r').map((k) => k.name ?? k.input), ['/', 'a', 'p', 'p', 'return']);
	assert.deepEqual(splitKeys('\u001B[B\u001B[B\u001B[6~x').map((k) => k.name ?? k.input), ['down', 'down', 'pagedown', 'x']);
	assert.deepEqual(splitKeys('\u001BOP\u001B[1;5Aq').map((k) => k.name ?? k.input), ['f1', 'unknown', 'q']);
	assert.deepEqual(splitKeys('é🚀').map((k) => k.input), ['é', '🚀']);
	assert.deepEqual(splitKeys('\u001B'), [{input: '', name: 'escape'}]);
	// Alt as Escape before the key, in the same read: one press, never Esc and then the key.
	assert.deepEqual(splitKeys('\u001B\u007F'), [{input: '', name: 'alt+backspace'}]);
	assert.deepEqual(splitKeys('j\u001Bux').map((k) => k.name ?? k.input), ['j', 'alt+u', 'x']);
	assert.deepEqual(splitKeys('\u001Bé').map((k) => k.name ?? k.input), ['unknown']);
	assert.deepEqual(splitKeys('\u001B\u001B[B').map((k) => k.name ?? k.input), ['unknown']);
});

test('the filter prompt\'s word moves: Alt- and Ctrl-arrows as xterm and tmux send them, Alt-b and Alt-f', () => {
	const named = (data: string) => splitKeys(data).map((k) => k.name ?? k.input);
	assert.deepEqual(named('\u001B[1;3D'), ['alt+left']);
	assert.deepEqual(named('\u001B[1;3C'), ['alt+right']);
	assert.deepEqual(named('\u001B\u001B[D'), ['alt+left']);
	assert.deepEqual(named('\u001B\u001B[C'), ['alt+right']);
	assert.deepEqual(named('\u001B[1;5D'), ['ctrl+left']);
	assert.deepEqual(named('\u001B[1;5C'), ['ctrl+right']);
	assert.deepEqual(named('\u001Bb'), ['alt+b']);
	assert.deepEqual(named('\u001Bf'), ['alt+f']);
	// Backspace and Delete stay apart: the one before the cursor, the one under it.
	assert.deepEqual(named('\u007F'), ['backspace']);
	assert.deepEqual(named('\u001B[3~'), ['delete']);
});

test('a bracketed paste is one press named paste, its text whole, line breaks and all; keys around it stay keys', () => {
	assert.deepEqual(splitKeys('\u001B[200~report\rKyle\u001B[201~'), [{input: 'report\rKyle', name: 'paste'}]);
	assert.deepEqual(splitKeys('j\u001B[200~y\u001B[201~k'), [{input: 'j'}, {input: 'y', name: 'paste'}, {input: 'k'}]);
	// Escape sequences inside a paste are its text, not keys.
	assert.deepEqual(splitKeys('\u001B[200~a\u001B[Bq\u001B[201~'), [{input: 'a\u001B[Bq', name: 'paste'}]);
});

test('a paste that Ink hands over in pieces (markers, text, a long paste over several reads) stays one paste', () => {
	const read = keyReader();
	const named = (data: string) => read(data).map((k) => (k.name === undefined ? k.input : `<${k.name}:${k.input}>`));
	// As Ink's input parser emits a paste: the start marker, the text, the end marker, each on its own.
	assert.deepEqual(named('\u001B[200~'), []);
	assert.deepEqual(named('report\rKy'), []);
	assert.equal(read.pending(), 'report\rKy');
	assert.deepEqual(named('le'), []);
	assert.deepEqual(named('\u001B[201~'), ['<paste:report\rKyle>']);
	assert.equal(read.pending(), undefined);
	assert.deepEqual(named('K'), ['K'], 'after the paste, keys are keys again');
	// The end marker cut in two (Ink flushes a partial escape sequence when the rest is late).
	assert.deepEqual(named('\u001B[200~yy\u001B[20'), []);
	assert.deepEqual(named('1~q'), ['<paste:yy>', 'q']);
});

test('a paste whose end marker never comes does not swallow the keys after it: a read a second later ends it', () => {
	let clock = 0;
	const read = keyReader(() => clock);
	assert.deepEqual(read('\u001B[200~report'), []);
	clock = 200;
	assert.deepEqual(read(' more'), [], 'still the paste, within the second');
	clock = 1500;
	assert.deepEqual(read('q'), [{input: 'report more', name: 'paste'}, {input: 'q'}], 'q is a key again');
	// A paste in pieces that ends in time is one press.
	assert.deepEqual(read('\u001B[200~a'), []);
	clock = 1600;
	assert.deepEqual(read('b\u001B[201~j'), [{input: 'ab', name: 'paste'}, {input: 'j'}]);
});

test("QA: text that names one of Object's own members is text, not a key", () => {
	for (const text of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
		assert.ok(splitKeys(text).every((key) => key.name === undefined || typeof key.name === 'string'), text);
		assert.equal(nameKey(text).name, undefined, text);
	}
});
