// QA: the help was the keys only (what does I/O count? what is a `+` before a row?), `h`
// did nothing, and End closed the help instead of scrolling it.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {legend} from '../../source/model/legend.js';
import {keys} from '../helpers/ink.js';
import {closeAll, mountSimulated} from './simulated-app.js';

after(closeAll);

/** The help's lines of keys and signs, without its border and title. */
const helpLines = (frame: string) => frame.split('\n').filter((line) => line.startsWith('│')).slice(1).map((line) => line.slice(1, -1).trimEnd());

test('h opens the help, which says what the columns and signs mean after the keys; End and Home scroll it, ↑ right after End moves at once', async () => {
	const {frame, press, close} = await mountSimulated({rows: 24});
	await press('h', () => frame().includes('any other key closes this help'), 'the help, from h');
	const top = helpLines(frame());
	await press(keys.end, () => frame().includes('STALE'), 'its end');
	const end = helpLines(frame());
	assert.notDeepEqual(end, top);
	for (const entry of legend.filter((each) => each.section === 'Signs').slice(-3)) {
		assert.ok(frame().includes(entry.description), `the end shows ${entry.description}`);
	}

	await press(keys.up, () => helpLines(frame())[0] !== end[0], 'one line up, at once');
	// By one line (the first in view names its key when it is a description's next line: compared after it).
	assert.deepEqual(helpLines(frame()).slice(2), end.slice(1, -1), 'by one line');
	await press(keys.home, () => helpLines(frame())[0] === top[0], 'back to the top');
	await press('x', () => !frame().includes('closes this help'), 'any other key closes it');
	await close();
});

test('on a tall, wide terminal the whole legend shows with the keys: every column named', async () => {
	const {app, frame, press, close} = await mountSimulated({rows: 100});
	Object.defineProperty(app.stdout, 'columns', {value: 160, configurable: true});
	app.stdout.emit('resize');
	await press('?', () => frame().includes('closes this help'), 'the help');
	for (const entry of legend) {
		assert.ok(frame().includes(entry.description), `the help shows ${entry.label}: ${entry.description}`);
	}

	assert.ok(frame().includes('│Columns') && frame().includes('│Signs'), 'under their titles');

	await close();
});
