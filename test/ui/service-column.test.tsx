// The Service column on the real screen, driven with the keys an operator types: `t` to
// the flat view, `>` to the sort by service, `I` to reverse it.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {services as catalog} from '../../source/simulator/catalog.js';
import {closeAll, mountSimulated} from './simulated-app.js';

after(closeAll);

const names = catalog.map((service) => service.name);
const titleOf = (frame: string) => frame.split('\n').find((line) => /^\s+\S*Id\S*\s+User/.test(line)) ?? '';
const sessionLines = (frame: string) => frame.split('\n').filter((line) => /^[▶ ][ +●]\s*\d+ /.test(line));

/** Each session row's id and service, read under the Service title (cut names made whole). */
function rowsOf(frame: string): Array<{id: number; service: string}> {
	const title = titleOf(frame);
	const from = title.indexOf('Service');
	// The simulator says each session's backends: the Server column follows Service.
	const to = title.indexOf('Server');
	assert.ok(from > 0 && to > from, `a Service column before Server: ${JSON.stringify(title)}`);
	return sessionLines(frame).map((line) => {
		const cell = line.slice(from, to).trim();
		const service = names.find((name) => name === cell || (cell.endsWith('…') && name.startsWith(cell.slice(0, -1))));
		assert.ok(service, `a service in ${JSON.stringify(line)}`);
		return {id: Number(/^..\s*(\d+)/.exec(line)?.[1]), service};
	});
}

/** Sorted by service (byte order, as sort.ts), the ids ascending within each. */
function assertSortedByService(rows: ReadonlyArray<{id: number; service: string}>, descending: boolean): void {
	assert.ok(new Set(rows.map((row) => row.service)).size >= 2, 'sessions of several services on screen');
	for (let i = 1; i < rows.length; i++) {
		const [a, b] = [rows[i - 1]!, rows[i]!];
		const order = a.service < b.service ? -1 : a.service > b.service ? 1 : 0;
		assert.ok(order === 0 ? a.id < b.id : descending ? order > 0 : order < 0, `row ${i}: ${a.service} ${a.id}, then ${b.service} ${b.id}`);
	}
}

test('flat view shows a Service column after Client; > steps the sort to it, I reverses it; grouped again, it goes', async () => {
	// Tall enough for all 60 sessions: the whole order is on screen.
	const {frame, press, close} = await mountSimulated({rows: 80});
	assert.match(frame(), /group service › state/);
	assert.match(titleOf(frame()), /Id\s+User\s+Client\s+Server\s+State/);
	assert.doesNotMatch(titleOf(frame()), /Service/, 'grouped: the group rows name the service');

	await press('t', () => /group service\b(?! ›)/.test(frame()), 'grouping by service');
	assert.doesNotMatch(titleOf(frame()), /Service/);
	await press('t', () => frame().includes('group user'), 'grouping by user');
	assert.match(titleOf(frame()), /Client\s+Service\s+Server\s+State/, 'by user: each row names its service again');
	await press('t', () => frame().includes('group client'), 'grouping by client host');
	assert.match(titleOf(frame()), /Client\s+Service\s+Server\s+State/);
	await press('t', () => frame().includes('group none'), 'the flat view');
	assert.match(titleOf(frame()), /Id\s+User\s+Client\s+Service\s+Server\s+State\s+Age\s+Idle\s+Memory\s+I\/O/);
	const byId = rowsOf(frame());
	assert.equal(byId.length, 60);
	assert.deepEqual(byId.map((row) => row.id), [...byId.map((row) => row.id)].sort((a, b) => a - b), 'still sorted by id');

	await press('>', () => frame().includes('sort user▲'), 'the sort by user');
	await press('>', () => frame().includes('sort client▲'), 'the sort by client');
	await press('>', () => frame().includes('sort service▲'), 'the sort by service');
	assert.match(titleOf(frame()), /Client\s+Service▲\s+Server/, 'the arrow on the Service title');
	assertSortedByService(rowsOf(frame()), false);

	await press('I', () => frame().includes('sort service▼'), 'the sort reversed');
	assert.match(titleOf(frame()), /Service▼/);
	assertSortedByService(rowsOf(frame()), true);

	await press('>', () => frame().includes('sort server▲'), 'the next column: Server');
	await press('<', () => frame().includes('sort service▲'), 'back to Service');

	await press('t', () => frame().includes('group service › state'), 'grouped again');
	assert.doesNotMatch(titleOf(frame()), /Service/);
	assert.match(frame(), /▾ RW-Split-Router\s+\d+/);
	await close();
});
