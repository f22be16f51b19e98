// The mouse on the screen, with the reports a terminal sends through Ink's stdin: a click on a
// row's line puts the cursor there (again: its document), on a title sorts, the wheel moves the
// list or scrolls the pane under the pointer. Where each falls is the layout's, as drawn.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState, type Action} from '../../source/model/monitor-state.js';
import {plain, waitFor} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {poll, run} from '../helpers/state.js';
import {Monitor} from './monitor-screen.js';
import {titleRow} from '../../source/model/title-row.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {mouseHit} from '../../source/ui/mouse-hit.js';

const sessions = Array.from({length: 60}, (_, i) => session(i + 1, {user: `user${i % 4}`, idleSeconds: (i * 7) % 50, ageSeconds: 9000, memoryBytes: 68_000}));
/** An SGR report (1006), as xterm and tmux send it: `x` and `y` from 1. */
const press = (button: number, x: number, y: number) => `\u001B[<${button};${x};${y}M`;
const release = (x: number, y: number) => `\u001B[<0;${x};${y}m`;

function screen(...actions: Action[]) {
	const initial = run(poll(initialState({grouping: 'flat'}), sessions), {type: 'resize', listHeight: 10, paneHeight: 5, paneWidth: 40}, ...actions);
	const app = render(<Monitor initial={initial} size={{columns: 120, rows: 30}} />);
	const lines = () => plain(app.lastFrame()).split('\n');
	/** The line (from 0) where session `id`'s row is drawn, or -1. */
	const lineOf = (id: number) => lines().findIndex((line) => new RegExp(`^[▶ ][ +●✕]\\s*${id} `).test(line));
	const cursorOn = () => /^▶\S?\s*(\d+) /.exec(lines().find((line) => line.startsWith('▶')) ?? '')?.[1];
	return {app, lines, lineOf, cursorOn};
}

test('a click on a row\'s line puts the cursor on it; a second click opens its document; a click on a title sorts by it', async () => {
	const {app, lines, lineOf, cursorOn} = screen();
	try {
		await waitFor(() => lineOf(7) !== -1, 'session 7 drawn');
		assert.equal(cursorOn(), '1');
		const y = lineOf(7) + 1;
		app.stdin.write(press(0, 6, y) + release(6, y));
		await waitFor(() => cursorOn() === '7', 'the cursor on 7');
		assert.doesNotMatch(lines().join('\n'), /Session 7/, 'one click: no pane');
		app.stdin.write(press(0, 30, y) + release(30, y));
		await waitFor(() => lines().some((line) => line.includes('Session 7')), 'its document, on the second click');
		// The titles' line: a click on Idle sorts by it, idlest first.
		const titles = lines().findIndex((line) => /\bIdle\b/.test(line) && /\bUser\b/.test(line));
		const x = lines()[titles]!.indexOf('Idle') + 2;
		app.stdin.write(press(0, x, titles + 1));
		await waitFor(() => /Idle▼|▼Idle/.test(lines()[titles] ?? ''), 'sorted by idle, down');
		// A click on the header or the footer does nothing.
		app.stdin.write(press(0, 5, 1) + press(0, 5, 30));
		await new Promise((resolve) => {
			setTimeout(resolve, 50);
		});
		assert.match(lines()[titles] ?? '', /Idle▼|▼Idle/);
	} finally {
		app.unmount();
	}
});

test('the wheel over the list moves the cursor three rows a turn; over the pane, it scrolls the pane and the list stays', async () => {
	const {app, lineOf, cursorOn} = screen();
	try {
		await waitFor(() => lineOf(1) !== -1, 'drawn');
		const y = lineOf(3) + 1;
		app.stdin.write(press(65, 10, y) + press(65, 10, y));
		await waitFor(() => cursorOn() === '7', 'two turns down: six rows');
		app.stdin.write(press(64, 10, y));
		await waitFor(() => cursorOn() === '4', 'one turn up');
	} finally {
		app.unmount();
	}

	// The pane open on session 4, its document longer than the pane.
	const long = {data: {id: '4', type: 'sessions', attributes: Object.fromEntries(Array.from({length: 60}, (_, i) => [`field${i}`, i]))}};
	const paned = screen({type: 'move', delta: 3}, {type: 'open-pane'}, {type: 'document-loaded', id: '4', document: long});
	try {
		await waitFor(() => paned.lines().some((line) => /Session 4 (?:.* )?1-\d+\/\d+/.test(line)), 'the pane, its range');
		const y = paned.lineOf(4) + 1;
		const x = paned.lines().find((line) => line.includes('Session 4'))!.indexOf('Session 4') + 5;
		paned.app.stdin.write(press(65, x, y));
		await waitFor(() => paned.lines().some((line) => /Session 4 (?:.* )?4-\d+\/\d+/.test(line)), 'the pane scrolled three lines');
		assert.equal(paned.cursorOn(), '4', 'the list stays');
		// A click in the pane gives it the keys: j then scrolls it, not the list.
		paned.app.stdin.write(press(0, x, y));
		await new Promise((resolve) => {
			setTimeout(resolve, 30);
		});
		paned.app.stdin.write('j');
		await waitFor(() => paned.lines().some((line) => /Session 4 (?:.* )?5-\d+\/\d+/.test(line)), 'j scrolls the pane');
		assert.equal(paned.cursorOn(), '4');
	} finally {
		paned.app.unmount();
	}
});

test('X10 reports (a terminal without 1006) and an SGR report cut in two reach the list as clicks, never as the keys their bytes spell (review)', async () => {
	const {app, lines, lineOf, cursorOn} = screen();
	try {
		await waitFor(() => lineOf(9) !== -1, 'drawn');
		// Ink's parser hands `ESC[M` over apart from its three bytes: column 75 is `k`, 89 `y`, 81 `q`.
		const x10 = (x: number, y: number) => `\u001B[M ${String.fromCodePoint(32 + x)}${String.fromCodePoint(32 + y)}`;
		const y = lineOf(5) + 1;
		app.stdin.write(x10(75, y));
		await waitFor(() => cursorOn() === '5', 'the cursor on 5');
		app.stdin.write(x10(89, y));
		app.stdin.write(x10(81, y));
		await new Promise((resolve) => {
			setTimeout(resolve, 50);
		});
		assert.doesNotMatch(lines().join('\n'), /Kill|\[y\/N\]|Killing/, 'no question, no kill');
		assert.match(lines().join('\n'), /Session 5/, 'the second click opened the document; the third did not quit');
		// An SGR report cut by a slow link: the two reads are one click.
		const y9 = lineOf(9) + 1;
		app.stdin.write(`\u001B[<0;10;${String(y9).slice(0, 1)}`);
		await new Promise((resolve) => {
			setTimeout(resolve, 20);
		});
		app.stdin.write(`${String(y9).slice(1)}M`);
		await waitFor(() => cursorOn() === '9', 'the cursor on 9');
		assert.doesNotMatch(lines()[1] ?? '', /sort memory/, 'no M key: the sort stays');
	} finally {
		app.unmount();
	}
});

test('a click on a title\'s sort arrow, wherever title-row.ts draws it (in its cell or in the gap beside it), sorts by that title (review)', () => {
	const state = run(poll(initialState({grouping: 'flat'}), sessions), {type: 'resize', listHeight: 20, paneHeight: 5, paneWidth: 40});
	for (const width of [120, 80, 60]) {
		const layout = layoutFor(state, {columns: width, rows: 30}, idWidthOf(state));
		const y = layout.headerHeight + 1;
		for (const column of layout.tableColumns) {
			for (const descending of [false, true]) {
				const row = titleRow(layout.tableColumns, {key: column.key, descending}, layout.listWidth);
				const arrow = [...row].findIndex((char) => char === '▲' || char === '▼');
				assert.ok(arrow !== -1, `${column.key}'s arrow at ${width}`);
				assert.deepEqual(mouseHit({button: 0, x: arrow + 1, y, release: false}, layout, state), {type: 'mouse-title', key: column.key}, `${column.key}'s arrow at ${width}: ${row}`);
			}
		}
	}
});
