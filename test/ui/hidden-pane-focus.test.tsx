import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {keys, waitFor} from '../helpers/ink.js';
import {closeAll, cursorId, mountSimulated} from './simulated-app.js';

after(closeAll);

test("a pane too short to draw (8 rows) gives the keys back to the list: j and PgDn move the cursor, the hints are the list's", async () => {
	const {app, frame, press, close} = await mountSimulated({rows: 8});
	app.stdin.write('\r');
	app.stdin.write('\t');
	await new Promise((resolve) => {
		setTimeout(resolve, 100);
	});
	assert.doesNotMatch(frame(), /╭/, 'no room for the pane');
	await waitFor(() => !frame().includes('Tab  to list'), "the list's hints");
	const before = cursorId(frame());
	await press('j', () => cursorId(frame()) !== before, 'j moves the list cursor');
	const moved = cursorId(frame());
	await press(keys.pageDown, () => cursorId(frame()) !== moved, 'PgDn moves the list');
	await close();
});
