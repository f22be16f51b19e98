import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nameKey, splitKeys} from '../../source/ui/key-names.js';

test('names the keys htop users press, Delete apart from Backspace, F9 and F1 included', () => {
	assert.deepEqual(nameKey('\u001B[B'), {input: '', name: 'down'});
	assert.deepEqual(nameKey('\u001B[3~'), {input: '', name: 'delete'});
	assert.deepEqual(nameKey('\u007F'), {input: '', name: 'backspace'});
	assert.deepEqual(nameKey('\u001B[20~'), {input: '', name: 'f9'});
	assert.deepEqual(nameKey('\u001BOP'), {input: '', name: 'f1'});
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
