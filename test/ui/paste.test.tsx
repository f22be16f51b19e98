import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {waitFor} from '../helpers/ink.js';
import {closeAll, cursorId, mountSimulated} from './simulated-app.js';

// Pastes through the real App and its key reading (ui/use-keys.ts): Ink hands a bracketed
// paste over in pieces, and a late piece may cut the end marker in two.
after(closeAll);

const tick = async (ms = 30) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

test('a bracketed paste in pieces at / is typed text: the prompt stays open and nothing is killed', async () => {
	const {app, frame, press, close} = await mountSimulated();
	const id = cursorId(frame());
	await press('/', () => frame().includes('Enter  keep'), 'the prompt');
	for (const piece of ['\u001B[200~report\r', 'Ky', 'le\u001B[20', '1~']) {
		app.stdin.write(piece);
		// eslint-disable-next-line no-await-in-loop
		await tick();
	}

	await waitFor(() => frame().includes('/report Kyle'), 'the pasted filter');
	assert.ok(frame().includes('Enter  keep'), 'the prompt is still open');
	assert.ok(!frame().includes('Kill session'), 'no kill asked');
	app.stdin.write('\u001B');
	await waitFor(() => !frame().includes('Enter  keep'), 'the prompt closed');
	// In the list, a paste is nothing at all.
	app.stdin.write('\u001B[200~Kyle\u001B[201~');
	await tick(200);
	assert.ok(!frame().includes('Kill session'), 'no kill asked');
	assert.equal(cursorId(frame()), id);
	await close();
});
