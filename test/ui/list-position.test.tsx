// Scrolled down, the header says which rows show: under the sticky group rows the list looked
// like its own top (QA took a row far down for the largest after M).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import type {MonitorState} from '../../source/model/monitor-state.js';
import {Header} from '../../source/ui/header.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

function statusLine(state: MonitorState, width = 160): string {
	const app = render(<Header state={state} host="mx" theme={themeFor({NO_COLOR: '1'})} width={width} shown={state.sessions.length} />);
	const line = plain(app.lastFrame()).split('\n')[1]!.trimEnd();
	app.unmount();
	return line;
}

test('scrolled, the header says which rows show; at the top it says nothing of it', () => {
	const state = start(Array.from({length: 100}, (_, i) => session(i + 1)));
	assert.equal(state.rows.length, 102, 'two group rows');
	assert.doesNotMatch(statusLine(state), /rows /);
	const end = type(state, 'end');
	assert.ok(end.listTop > 0);
	// The last 18 rows under the two sticky group rows.
	assert.match(statusLine(end), /rows 85-102\/102$/);
	assert.match(statusLine(type(end, 'home')), /group service › state$/);
	// On a narrow terminal it is left out whole, or shown whole.
	const narrow = statusLine(end, 40);
	assert.ok(narrow.length <= 40 && (!narrow.includes('rows') || /rows 85-102\/102/.test(narrow)), narrow);
});
