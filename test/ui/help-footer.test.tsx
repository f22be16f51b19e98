// QA: at 250×70 the whole help shows and ↓ does nothing, yet the footer offered "↑↓ PgDn scroll".

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {reducer} from '../../source/model/monitor-state.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {twoPolls, type} from '../helpers/state.js';

function lastLines(columns: number, rows: number): string {
	const help = type(twoPolls(['RW-Split-Router']), '?');
	const first = layoutFor(help, {columns, rows}, idWidthOf(help));
	const state = reducer(help, {type: 'resize', listHeight: first.listHeight, paneHeight: first.paneBodyHeight, paneWidth: Math.max(8, first.paneWidth - 2)});
	const layout = layoutFor(state, {columns, rows}, idWidthOf(state));
	const app = render(<Screen state={state} layout={layout} theme={themeFor({NO_COLOR: '1'})} hostLabel="mx" />);
	const lines = plain(app.lastFrame()).split('\n');
	app.unmount();
	return lines.slice(-2).join('\n');
}

test('the help\'s footer offers ↑↓ only when the help scrolls', () => {
	assert.match(lastLines(80, 24), /↑↓ PgDn\s+scroll/);
	assert.doesNotMatch(lastLines(250, 70), /scroll/);
	assert.match(lastLines(250, 70), /any other key\s+close/);
});
