// The Server column on the real screen against the simulator: each session's backends as
// MaxScale lists them in its document, the sort by them (`>`), and `server:` in the filter;
// a MaxScale before 2.3, which says nothing of backends, gets no column of question marks.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {fetchSessionDocument} from '../../source/api/sessions-api.js';
import {fitCell} from '../../source/model/cells.js';
import {serversText} from '../../source/model/format.js';
import {closeAll, mountSimulated, type Mounted} from './simulated-app.js';

after(closeAll);

const titleOf = (frame: string) => frame.split('\n').find((line) => /^\s+\S*Id\S*\s+User/.test(line)) ?? '';
const sessionLines = (frame: string) => frame.split('\n').filter((line) => /^[▶ ][ +●]\s*\d+ /.test(line));

/** The Server column's place under its title (its width: up to the next title, less the gap). */
function serverColumn(frame: string): {from: number; width: number} {
	const title = titleOf(frame);
	const from = title.indexOf('Server');
	const to = title.indexOf('State');
	assert.ok(from > 0 && to > from, `a Server column before State: ${JSON.stringify(title)}`);
	return {from, width: to - from - 1};
}

/** Each session row's id and Server cell, read under the Server title. */
function rowsOf(frame: string): Array<{id: string; servers: string}> {
	const {from, width} = serverColumn(frame);
	return sessionLines(frame).map((line) => ({id: /^..\s*(\d+)/.exec(line)![1]!, servers: line.slice(from, from + width).trim()}));
}

/** The servers a session's own document names, in order. */
async function serversOf(client: Mounted['client'], id: string): Promise<string[]> {
	const answer = await fetchSessionDocument(client, id);
	assert.ok(answer.ok, id);
	const {connections} = (answer.document as {data: {attributes: {connections: Array<{server: string}>}}}).data.attributes;
	return connections.map((connection) => connection.server);
}

test('each row shows the backends its document lists; > sorts by them; server: keeps the sessions on one', async () => {
	const {frame, press, typeText, client, close} = await mountSimulated({rows: 80});
	assert.match(titleOf(frame()), /Id\s+User\s+Client\s+Server\s+State\s+Age\s+Idle\s+Memory\s+I\/O/, 'at 100 columns, after Client');
	const rows = rowsOf(frame());
	assert.equal(rows.length, 60);
	// The truth is the session's own document: its connections' servers, in order, as the
	// column fits them (a cell too narrow for them all says how many more: `server1+2`).
	const {width} = serverColumn(frame());
	const column = {key: 'server', title: 'Server', width, align: 'left'} as const;
	for (const {id, servers} of rows.slice(0, 15)) {
		// eslint-disable-next-line no-await-in-loop
		const names = await serversOf(client, id);
		assert.equal(servers, fitCell(serversText(names.join(',')), column).trimEnd(), `session ${id} on ${names.join(',') || 'none'}`);
	}

	assert.ok(new Set(rows.map((row) => row.servers)).size >= 2, 'sessions on several backends');

	await press('t', () => /group service\b(?! ›)/.test(frame()), 'grouping by service');
	await press('t', () => frame().includes('group user'), 'by user');
	await press('t', () => frame().includes('group client'), 'by client');
	await press('t', () => frame().includes('group none'), 'flat');
	await press('>', () => frame().includes('sort user▲'), 'sort by user');
	await press('>', () => frame().includes('sort client▲'), 'by client');
	await press('>', () => frame().includes('sort service▲'), 'by service');
	await press('>', () => frame().includes('sort server▲'), 'by server');
	assert.match(titleOf(frame()), /Server▲/);
	const sorted = rowsOf(frame()).map((row) => row.servers);
	// The leading backend decides first (a cell whose first name is cut, `serve…+2`, says too little).
	const firsts = sorted.filter((servers) => servers !== '(none)' && !servers.includes('…')).map((servers) => /^[^,+]+/.exec(servers)![0]);
	assert.ok(new Set(firsts).size >= 2, `several backends lead: ${firsts.join(' ')}`);
	assert.deepEqual(firsts, firsts.toSorted(), 'A→Z by backend');
	assert.ok(!sorted.slice(sorted.indexOf('(none)')).some((servers) => servers !== '(none)') || !sorted.includes('(none)'), 'sessions with no backend last');

	await press('/', () => /filter/i.test(frame().split('\n').at(-1) ?? '') || frame().includes('/'), 'the filter prompt');
	await typeText('server:server1');
	await press('\r', () => / of \d+ sessions/.test(frame()), 'the filter applied');
	const kept = rowsOf(frame());
	assert.ok(kept.length > 0 && kept.length < 60, `${kept.length} sessions kept`);
	for (const {id} of kept.slice(0, 10)) {
		// eslint-disable-next-line no-await-in-loop
		assert.ok((await serversOf(client, id)).includes('server1'), `session ${id} is on server1`);
	}

	await close();
});

test('a MaxScale 2.2 says nothing of backends: no Server column, and > steps over it', async () => {
	const {frame, press, close} = await mountSimulated({simulator: {apiVersion: '2.2'}});
	assert.doesNotMatch(titleOf(frame()), /Server/);
	await press('t', () => /group service\b(?! ›)/.test(frame()), 'grouping by service');
	await press('t', () => frame().includes('group user'), 'by user');
	await press('>', () => frame().includes('sort user▲'), 'sort by user');
	await press('>', () => frame().includes('sort client▲'), 'by client');
	await press('>', () => frame().includes('sort service▲'), 'by service');
	await press('>', () => frame().includes('sort state▲'), 'from Service straight to State');
	await close();
});
