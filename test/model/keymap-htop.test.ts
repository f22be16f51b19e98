// htop's function keys do here what they do there (QA: an htop user presses F10 to leave, F4 to filter).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {twoPolls, type} from '../helpers/state.js';

test('F10 quits, F3 and F4 open the filter, F5 changes the grouping, F6 the sort', () => {
	const state = twoPolls(['RW-Split-Router', 'Analytics-Service']);
	assert.equal(type(state, 'f10').quitting, true);
	assert.equal(type(state, 'f3').mode, 'filter');
	assert.equal(type(state, 'f4').mode, 'filter');
	assert.notEqual(type(state, 'f5').grouping, state.grouping);
	assert.notDeepEqual(type(state, 'f6').sort, state.sort);
});
