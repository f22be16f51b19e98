// First: turns Ink's colours on (this file's process only), so the Running cell's colour shows.
import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {runningLevel} from '../../source/model/cells.js';
import {reducer} from '../../source/model/monitor-state.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {session} from '../helpers/sessions.js';
import {start} from '../helpers/state.js';

// The Running cell (with S) in the warning's colour from a second, the error's and bold from
// ten, as pg_activity colours a query's time; the rest of the row as ever.

const size = {columns: 120, rows: 16};
const yellow = '\u001B[33m';
const red = '\u001B[31m';
const bold = '\u001B[1m';

/** Each session row's line, by its id, as drawn (its styles kept). */
function rowsById(theme = themeFor({})): Map<string, string> {
	const sessions = [
		session(1, {statement: 'SELECT 1', statementRunning: true, statementSeconds: 0.2}),
		session(2, {statement: 'SELECT SLEEP(3)', statementRunning: true, statementSeconds: 3}),
		session(3, {statement: 'SELECT SLEEP(90)', statementRunning: true, statementSeconds: 90}),
		session(4, {statement: 'SELECT 2', statementRunning: false}),
	];
	const polled = reducer(start(sessions, {columns: ['id', 'user', 'running', 'statement']}), {type: 'command', command: 'home'});
	const layout = layoutFor(polled, size, idWidthOf(polled));
	const state = reducer(polled, {type: 'resize', listHeight: layout.listHeight, paneHeight: layout.paneBodyHeight, paneWidth: layout.paneWidth});
	const app = render(<Screen state={state} layout={layoutFor(state, size, idWidthOf(state))} theme={theme} hostLabel="127.0.0.1:8989" />);
	const lines = (app.lastFrame() ?? '').split('\n');
	app.unmount();
	// eslint-disable-next-line no-control-regex
	const plain = (line: string) => line.replaceAll(/\u001B\[[\d;]*m/g, '');
	return new Map(lines.flatMap((line) => {
		const id = /^[▶ ][ +●✕]\s*(\d+) /.exec(plain(line))?.[1];
		return id === undefined ? [] : [[id, line] as const];
	}));
}

test('runningLevel: none under a second or without a running statement, slow from 1 s, long from 10 s', () => {
	assert.equal(runningLevel({statementSeconds: undefined}), undefined);
	assert.equal(runningLevel({statementSeconds: 0.99}), undefined);
	assert.equal(runningLevel({statementSeconds: 1}), 'slow');
	assert.equal(runningLevel({statementSeconds: 9.9}), 'slow');
	assert.equal(runningLevel({statementSeconds: 10}), 'long');
});

test('the Running cell of a statement running 3 s is yellow, of one running 90 s red and bold; under a second, or none, plain', () => {
	const rows = rowsById();
	assert.equal(rows.size, 4, [...rows.values()].join('\n'));
	assert.match(rows.get('2')!, new RegExp(`${yellow.replace('[', '\\[')}\\s*3s`), 'yellow, its time in it');
	assert.match(rows.get('3')!, /\u001B\[31m\u001B\[1m\s*1m30s|\u001B\[1m\u001B\[31m\s*1m30s/, 'red and bold');
	for (const id of ['1', '4']) {
		assert.ok(!rows.get(id)!.includes(yellow) && !rows.get(id)!.includes(red), `row ${id} has no colour: ${JSON.stringify(rows.get(id))}`);
	}

	// Only the cell: the statement after it is not coloured.
	assert.match(rows.get('3')!, /\u001B\[(?:39|22)m.*SELECT SLEEP\(90\)/);
	// NO_COLOR: no colour, and the long one still stands out, bold.
	const plainRows = rowsById(themeFor({NO_COLOR: '1'}));
	assert.ok(!plainRows.get('2')!.includes(yellow));
	assert.ok(plainRows.get('3')!.includes(bold), 'bold without colour');
	assert.ok(!plainRows.get('3')!.includes(red));
});
