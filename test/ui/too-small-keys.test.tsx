// QA: below the least size the screen is one line ("Too small"), yet K then y killed the
// session under the cursor, unseen, and a y to a question the shrink had hidden answered it.
// There, every key but q and Ctrl-C is dropped; grown back, the screen is as it was.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {reducer} from '../../source/model/monitor-state.js';
import {waitFor} from '../helpers/ink.js';
import {twoPolls} from '../helpers/state.js';
import {closeAll, cursorId, mountSimulated, type Mounted} from './simulated-app.js';

after(closeAll);

async function resize({app, frame}: Mounted, rows: number): Promise<void> {
	Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
	Object.defineProperty(app.stdout, 'columns', {value: rows < 6 ? 30 : 100, configurable: true});
	app.stdout.emit('resize');
	await waitFor(() => (rows < 6) === frame().includes('Too small'), `the screen at ${rows} rows`);
}

const pause = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

async function alive(mounted: Mounted, id: string): Promise<boolean> {
	const answer = await mounted.client.getJson(`/v1/sessions/${id}`, 'the session');
	return answer.ok;
}

test('K and y typed on the "Too small" screen kill nothing', async () => {
	const mounted = await mountSimulated({rows: 40});
	const id = cursorId(mounted.frame())!;
	await resize(mounted, 5);
	mounted.app.stdin.write('K');
	await pause(50);
	mounted.app.stdin.write('y');
	await pause(300);
	await resize(mounted, 40);
	assert.equal(await alive(mounted, id), true, `session ${id} is alive`);
	assert.doesNotMatch(mounted.frame(), /Kill|Killed/);
	assert.equal(cursorId(mounted.frame()), id, 'the cursor where it was');
	await mounted.close();
});

test('a kill question hidden by a shrink is not answered by a y typed meanwhile; grown back, it still asks', async () => {
	const mounted = await mountSimulated({rows: 40});
	const id = cursorId(mounted.frame())!;
	await mounted.press('K', () => /\[y\/N\] Kill session/.test(mounted.frame()), 'the question');
	await resize(mounted, 5);
	mounted.app.stdin.write('y');
	await pause(300);
	await resize(mounted, 40);
	assert.equal(await alive(mounted, id), true, `session ${id} is alive`);
	assert.match(mounted.frame(), /\[y\/N\] Kill session/, 'the question is still open');
	await mounted.press('n', () => !/\[y\/N\]/.test(mounted.frame()), 'n answers it');
	assert.equal(await alive(mounted, id), true);
	await mounted.close();
});

test('too small, the reducer drops every key but q and Ctrl-C, which quit', () => {
	const state = twoPolls(['RW-Split-Router']);
	const small = (keys: Array<{input: string; name?: string}>) => reducer(state, {type: 'keys', keys, tooSmall: true});
	for (const input of ['K', 'y', 'R', ' ', '*', '/', 'j']) {
		assert.equal(small([{input}]), state, input);
	}

	assert.equal(small([{input: '', name: 'delete'}]), state, 'Del');
	assert.equal(small([{input: 'q'}]).quitting, true);
	assert.equal(small([{input: '', name: 'ctrl+c'}]).quitting, true);
	assert.notEqual(reducer(state, {type: 'keys', keys: [{input: 'j'}]}).selectedId, state.selectedId, 'fitting, keys work');
});
