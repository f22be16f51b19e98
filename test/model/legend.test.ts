// The help's legend against the columns the screen can show: a column added or renamed without
// its explanation would leave the operator guessing what it counts (QA: what does I/O count?).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {choosableColumns} from '../../source/model/column-choice.js';
import {layoutColumns} from '../../source/model/columns.js';
import {legend} from '../../source/model/legend.js';

test('every column the screen can show has a line in the legend, under its own title', () => {
	// Everything shown at once: flat (Service), several MaxScales (the MaxScale column), every
	// value reported, every column chosen, on a terminal wide enough for all of them.
	const widest = {user: 8, client: 15, service: 10, server: 9, memory: 6, io: 5, statement: 20, idleTimes: 1};
	const titles = layoutColumns(10_000, 6, 12, ['mx1:8989', 'mx2:8989'], 'flat', widest, ['maxscale', ...choosableColumns]).map((column) => column.title);
	assert.ok(titles.length >= 13, `every column: ${titles.join(' ')}`);
	const explained = new Set(legend.filter((entry) => entry.section === 'Columns').map((entry) => entry.label));
	for (const title of titles) {
		assert.ok(explained.has(title), `the legend says what ${title} is`);
	}

	assert.equal(explained.size, titles.length, 'and nothing else under Columns');
});
