// --columns on the screen: only the chosen columns, in their order after Id; > and < step
// through them in that order; the pane beside the list leaves them their room.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

const sessions = Array.from({length: 12}, (_, i) => session(i + 1, {user: `user${i}`, idleSeconds: i * 7, memoryBytes: 60_000 + i}));

function titles(state: MonitorState, columns: number): string[] {
	const size = {columns, rows: 20};
	const first = layoutFor(state, size, idWidthOf(state));
	const sized = reducer(state, {type: 'resize', listHeight: first.listHeight, paneHeight: first.paneBodyHeight, paneWidth: first.paneWidth});
	const app = render(<Screen state={sized} layout={layoutFor(sized, size, idWidthOf(sized))} theme={themeFor({NO_COLOR: '1'})} hostLabel="127.0.0.1:8989" />);
	const line = plain(app.lastFrame()).split('\n').find((text) => /\bId\b/.test(text)) ?? '';
	app.unmount();
	return line.replaceAll(/[▲▼]/g, '').trim().split(/\s+/);
}

test('the chosen columns, in their order after Id; > and < step through them so', () => {
	const state = start(sessions, {columns: ['memory', 'idle', 'user']});
	assert.deepEqual(titles(state, 100), ['Id', 'Memory', 'Idle', 'User']);
	assert.deepEqual(titles(start(sessions), 100).slice(0, 3), ['Id', 'User', 'Client'], 'all, by default');
	const steps = [type(state, '>'), type(state, '>', '>'), type(state, '>', '>', '>'), type(state, '>', '>', '>', '>'), type(state, '<')].map((each) => each.sort.key);
	assert.deepEqual(steps, ['memory', 'idle', 'user', 'id', 'user']);
	// Opened beside it, the pane takes what the three columns leave.
	const withPane = type(state, 'return');
	const layout = layoutFor(withPane, {columns: 100, rows: 20}, idWidthOf(withPane));
	assert.ok(layout.paneWidth > 50, `${layout.paneWidth}`);
	assert.deepEqual(layout.tableColumns.map((column) => column.key), ['id', 'memory', 'idle', 'user']);
});
