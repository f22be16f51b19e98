import assert from 'node:assert/strict';
import {test} from 'node:test';
import {buildRows} from '../../source/model/rows.js';
import {defaultSort} from '../../source/model/sort.js';
import {rowStateCounts} from '../../source/model/summary.js';
import {session} from '../helpers/sessions.js';

const sessions = [
	session(1, {service: 'rw', state: 'Session started'}),
	session(2, {service: 'rw', state: 'Stopping session'}),
	session(3, {service: 'ro', state: 'Session started'}),
	session(4, {service: 'ro', state: ''}),
];
const gone = [session(9, {service: 'rw', state: 'Stopping session'})];
const expected = [{state: 'Session started', count: 2}, {state: 'Stopping session', count: 1}, {state: '(no state)', count: 1}];

test("the header's counts under a filter: the rows' sessions by state, ghosts never, collapsed groups too", () => {
	for (const grouping of ['service-state', 'service', 'flat'] as const) {
		const rows = buildRows(sessions, {grouping, sort: defaultSort, ghosts: gone});
		assert.deepEqual(rowStateCounts(rows), expected, grouping);
	}

	const collapsed = buildRows(sessions, {grouping: 'service-state', sort: defaultSort, collapsed: new Set(['\u0000service\u0000rw'])});
	assert.deepEqual(rowStateCounts(collapsed), expected, 'a collapsed service still counts its sessions');
	assert.deepEqual(rowStateCounts([]), []);
});
