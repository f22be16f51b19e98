import assert from 'node:assert/strict';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {after, test} from 'node:test';
import {waitFor} from '../helpers/ink.js';
import {closeAll, mountSimulated} from './simulated-app.js';

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
