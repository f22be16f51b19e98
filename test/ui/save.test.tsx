import assert from 'node:assert/strict';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {after, test} from 'node:test';
import {reducer} from '../../source/model/monitor-state.js';
import {saveSnapshot} from '../../source/ui/effects.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';
import {waitFor} from '../helpers/ink.js';
import {closeAll, mountSimulated} from './simulated-app.js';
import {tempFolder} from '../helpers/temp-folder.js';

after(closeAll);

/** The session ids on screen, top to bottom; ended ones (✕) left out. */
const shownIds = (frame: string) => frame.split('\n').flatMap((line) => /^[▶ ][ +●]\s*(\d+) /.exec(line)?.[1] ?? []);

test('s saves the sessions in the order the screen shows them, collapsed groups included, ended ones left out', async () => {
	const {simulator, frame, press, close, directory} = await mountSimulated({rows: 120});
	// By user, Z to A: neither the order MaxScale lists them in nor the ids'.
	await press('>', () => frame().includes('sort user▲'), 'sorted by user');
	await press('I', () => frame().includes('sort user▼'), 'reversed');
	const ended = simulator.sessionIds()[0]!;
	simulator.endSession(ended);
	await waitFor(() => frame().includes('✕'), 'the ended session, greyed');
	const expected = shownIds(frame());
	assert.equal(expected.length, 59, frame());
	assert.ok(!expected.includes(ended));
	// Every service collapsed: no session drawn, all of them saved.
	await press('C', () => shownIds(frame()).length === 0, 'every service collapsed');
	await press('s', () => frame().includes('Saved the list to'), 'saved');
	const [file = ''] = await readdir(directory);
	const saved = JSON.parse(await readFile(path.join(directory, file), 'utf8')) as {sessions: Array<{id: string}>; sort: unknown; grouping: unknown};
	assert.deepEqual(saved.sessions.map((session) => session.id), expected);
	assert.deepEqual(saved.sort, {key: 'user', descending: true});
	assert.equal(saved.grouping, 'service-state');
	await close();
});

test('s twice in the same second: two files, the second named -2, neither over the other', async () => {
	const directory = await tempFolder('sessiontop-save-');
	const now = new Date(2026, 10, 29, 5, 6, 7);
	const state = start([session(1), session(2)]);
	const first = await saveSnapshot(state, 'mx1', directory, now);
	const second = await saveSnapshot(reducer(state, {type: 'poll-ok', sessions: [session(3)], at: 2, latencyMs: 1, bytes: 1}), 'mx1', directory, now);
	assert.equal(path.basename(first), 'sessiontop-20261129-050607.json');
	assert.equal(path.basename(second), 'sessiontop-20261129-050607-2.json');
	const ids = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as {sessions: Array<{id: string}>}).sessions.map((saved) => saved.id);
	assert.deepEqual(await ids(first), ['1', '2']);
	assert.deepEqual(await ids(second), ['3']);
});

test('a document nested too deep to copy can be saved, as copying it says: the depth past 1000 levels left out', async () => {
	const directory = await tempFolder('sessiontop-save-');
	let deep: unknown = 'bottom';
	for (let level = 0; level < 20_000; level++) {
		deep = {a: deep};
	}

	let state = type(start([session(1)]), 'return');
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {id: '1', attributes: {deep}}}});
	assert.throws(() => JSON.stringify(state.pane.document), RangeError, 'too deep for JSON.stringify as it is');
	const copied = type(state, 'y');
	assert.match(copied.message?.text ?? '', /press s to save it to a file/);
	const file = await saveSnapshot(state, 'mx1', directory);
	const saved = JSON.parse(await readFile(file, 'utf8')) as {pane: {document: {data: {attributes: {deep: unknown}}}}};
	let level = 0;
	let value: unknown = saved.pane.document.data.attributes.deep;
	while (typeof value === 'object' && value !== null) {
		value = (value as {a: unknown}).a;
		level++;
	}

	assert.equal(value, '(nested deeper than 1000 levels: left out)');
	assert.equal(level, 1000 - 3, 'data, attributes and deep are three of the thousand levels');
});

test('the saved file holds nothing that drives a terminal raw: the document\'s bidi overrides and C1 controls are escaped, its JSON the same', async () => {
	const directory = await tempFolder('sessiontop-save-');
	const hostile = {data: {id: '1', attributes: {user: 'ad\u202Emin', sql: 'x\u009B2Jy\u200B'}}};
	let state = type(start([session(1)]), 'return');
	state = reducer(state, {type: 'document-loaded', id: '1', document: hostile});
	const file = await saveSnapshot(state, 'mx1', directory);
	const text = await readFile(file, 'utf8');
	assert.doesNotMatch(text, /[\u202E\u009B\u200B]/u);
	assert.deepEqual((JSON.parse(text) as {pane: {document: unknown}}).pane.document, hostile);
});
