import assert from 'node:assert/strict';
import {readdir} from 'node:fs/promises';
import {after, test} from 'node:test';
import {waitFor} from '../helpers/ink.js';
import {closeAll, cursorId, mountSimulated} from './simulated-app.js';

// Keys that arrive in one read (a laggy SSH link sends `yy` as one packet) reach the reducer
// before the screen has run the first one's effect: none may be lost.
after(closeAll);

const auth = {authorization: `Basic ${Buffer.from('admin:mariadb').toString('base64')}`};

/** Polls an asynchronous check until it holds (waitFor takes synchronous ones). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
	const started = Date.now();
	// eslint-disable-next-line no-await-in-loop
	while (!(await check())) {
		if (Date.now() - started > 5000) {
			throw new Error(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 20);
		});
	}
}

test('K then "yy" in one read: the kill is sent (the simulator loses the session) and the second y copies', async () => {
	const {app, frame, press, simulator, written, close} = await mountSimulated();
	const id = cursorId(frame());
	assert.ok(id);
	const before = await fetch(`${simulator.url}/v1/sessions/${id}`, {headers: auth});
	assert.equal(before.status, 200);
	await press('K', () => frame().includes(`Kill session ${id} (`), 'the confirmation');
	app.stdin.write('yy');
	await waitFor(() => written.some((text) => text.startsWith('\u001B]52;')), 'the copy of the second y');
	await until(async () => (await fetch(`${simulator.url}/v1/sessions/${id}`, {headers: auth})).status === 404, 'the kill at the simulator');
	await close();
});

test('"sy" in one read: the snapshot is written and the id copied', async () => {
	const {app, written, directory, close} = await mountSimulated();
	app.stdin.write('sy');
	await waitFor(() => written.some((text) => text.startsWith('\u001B]52;')), 'the copy');
	await until(async () => (await readdir(directory)).some((file) => file.startsWith('sessiontop-')), 'the snapshot file');
	await close();
});

test('"/user:report⏎*" in one read: the filter typed and kept, then * marks its sessions', async () => {
	const {app, frame, close} = await mountSimulated();
	app.stdin.write('/user:report\r*');
	await waitFor(() => /filter user:report(\n| {2}|$)/m.test(frame()) && frame().includes('marked'), 'the filter kept and its sessions marked');
	assert.doesNotMatch(frame(), /user:report \*/);
	assert.doesNotMatch(frame(), /Enter {2}keep/, 'the prompt closed');
	await close();
});
