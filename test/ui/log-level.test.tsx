// L against the simulator: the PATCH it sends turns the session's own info log on and off
// (its document's parameters.log_info says so), and the outcome is said.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {fetchSessionDocument} from '../../source/api/sessions-api.js';
import {waitFor} from '../helpers/ink.js';
import {closeAll, cursorId, mountSimulated, type Mounted} from './simulated-app.js';

after(closeAll);

async function logInfo(client: Mounted['client'], id: string): Promise<unknown> {
	const answer = await fetchSessionDocument(client, id);
	assert.ok(answer.ok, id);
	return (answer.document as {data: {attributes: {parameters: {log_info?: unknown}}}}).data.attributes.parameters.log_info;
}

test('L then y turns the session\'s info log on, L then n off; Esc leaves it', async () => {
	const {frame: screen, press, client, close} = await mountSimulated();
	// The footer breaks a long sentence between words: read it as one line.
	const frame = () => screen().replaceAll(/\s*\n\s*/g, ' ');
	const id = cursorId(screen());
	assert.ok(id !== undefined);
	assert.equal(await logInfo(client, id), false);

	// Its answers first, so that a question cut on a small screen keeps them.
	await press('L', () => frame().includes(`[y on · n off] Info log for session ${id} `), 'the question');
	await press('y', () => frame().includes('logs at info level now (log_info)'), 'the outcome');
	assert.equal(await logInfo(client, id), true);

	await press('L', () => frame().includes('[y on · n off] Info log'), 'the question again');
	await press('\u001B', () => frame().includes('No log level was changed.'), 'left as it was');
	assert.equal(await logInfo(client, id), true);

	await press('L', () => frame().includes('[y on · n off] Info log'), 'the question again');
	await press('n', () => frame().includes('no longer logs at info level (log_info off)'), 'the outcome');
	assert.equal(await logInfo(client, id), false);
	await close();
});

test('with the pane open on the session, the question says whether its info log is on now', async () => {
	const {frame: screen, press, typeText, close} = await mountSimulated();
	const frame = () => screen().replaceAll(/\s*\n\s*/g, ' ');
	const id = cursorId(screen());
	await press('\r', () => screen().includes('"data": {'), 'the pane, its document');
	// The pane focused and searched to its log levels, as an operator would look.
	await press('\t', () => screen().includes('to list'), 'the pane focused');
	await press('/', () => screen().split('\n').at(-2)?.startsWith('/') === true || screen().includes('search'), 'the search prompt');
	await typeText('log_info');
	await press('\r', () => screen().includes('"log_info": false'), 'its log_info');
	await press('L', () => frame().includes(`Info log for session ${id} `) && frame().includes(', off now?'), 'the question, saying off');
	await press('y', () => frame().includes('logs at info level now'), 'the outcome');
	await waitFor(() => screen().includes('"log_info": true'), 'the pane refreshed');
	await press('L', () => frame().includes(', on now?'), 'the question, saying on');
	await press('\u001B', () => frame().includes('No log level was changed.'), 'left');
	await close();
});

test('a MaxScale 2.5 has no such call: L says so and sends nothing', async () => {
	const patches: string[] = [];
	const {frame, press, close} = await mountSimulated({simulator: {apiVersion: '2.5', onRequest: (method, url) => method === 'PATCH' && patches.push(url)}});
	await press('L', () => frame().includes('that needs MaxScale 6.0 or later'), 'the refusal');
	assert.deepEqual(patches, []);
	await close();
});
