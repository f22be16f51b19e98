// The screen on short and narrow terminals: a frame never taller than the terminal (Ink erases
// the last frame only then; a taller one scrolls and leaves lines behind), header line 1 and
// the cursor's row always, and below the smallest size one line that says so.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {twoPolls, type} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});
const host = '127.0.0.1:37501';
const services = ['RW-Split-Router', 'Read-Connection-Router', 'Analytics-Service'];

const demo = () => twoPolls(services);

function twoHosts(): MonitorState {
	const hosts = ['127.0.0.1:9921', '127.0.0.1:9922'];
	let state = initialState({hosts});
	for (const [index, name] of hosts.entries()) {
		state = reducer(state, {type: 'poll-ok', host: name, sessions: Array.from({length: 30}, (_, i) => session(`${index}-${i}`, {host: name})), at: Date.now(), latencyMs: 9, bytes: 10});
	}

	return state;
}

/** The frame at a size, after the resize the app sends for it (app.tsx). */
function frame(start: MonitorState, columns: number, rows: number, label = host) {
	const size = {columns, rows};
	const first = layoutFor(start, size, idWidthOf(start));
	const state = reducer(start, {type: 'resize', listHeight: first.listHeight, paneHeight: first.paneBodyHeight, paneWidth: Math.max(8, first.paneWidth - 2)});
	const layout = layoutFor(state, size, idWidthOf(state));
	const app = render(<Screen state={state} layout={layout} theme={theme} hostLabel={label} notice={{tone: 'info', text: 'Demo: a simulated MaxScale.'}} />);
	const lines = plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
	app.unmount();
	return {lines, layout};
}

/**
 * Each screen, its polls just answered: made anew for each use, as a state a few seconds old
 * reads `no answer for 2s` on a loaded machine (its last poll late by the real clock).
 */
const screensNow = () => ({
	list: demo(),
	pane: type(demo(), 'return'),
	help: type(demo(), '?'),
	filter: type(demo(), '/', 'a'),
});
const screens = {
	get list() {
		return demo();
	},
};

test('at every size the frame is shorter than the terminal, and keeps header line 1, the cursor row and the hints', () => {
	for (const name of Object.keys(screensNow()) as Array<keyof ReturnType<typeof screensNow>>) {
		for (const columns of [40, 60, 80, 100]) {
			const state = screensNow()[name];
			for (let rows = 6; rows <= 30; rows++) {
				const {lines, layout} = frame(state, columns, rows);
				const what = `${name} at ${columns}×${rows}`;
				assert.ok(layout.fits, what);
				assert.ok(lines.length <= rows - 1, `${what}: ${lines.length} lines\n${lines.join('\n')}`);
				assert.match(lines[0]!, /^sessiontop 127\.0\.0.*300 (of 300 )?sessions\b/, `${what}: header line 1\n${lines.join('\n')}`);
				// With no column title to carry the sort's arrow, the status line keeps the sort before the poll time.
				assert.match(lines[1]!, layout.sortShown ? /^polled / : /(^| )sort id▲( |$)/, `${what}: the status line\n${lines.join('\n')}`);
				assert.ok(lines.every((line) => line.length <= columns), `${what}: a line too wide`);
				if (name !== 'help') {
					assert.ok(lines.some((line) => line.startsWith('▶')), `${what}: the cursor row\n${lines.join('\n')}`);
				}

				if (name !== 'filter') {
					// In the help q closes it: Ctrl-C is the quit its hints name. With the pane open q closes the pane.
					assert.match(lines.at(-1)!, name === 'help' ? /Ctrl-C {2}quit$/ : name === 'pane' ? /q {2}close$/ : /q {2}quit$/, `${what}: the hints\n${lines.join('\n')}`);
				}
			}
		}
	}
});

test('what gives way first on a short terminal: the sparkline, then the column titles; never the rows', () => {
	const at = (rows: number) => frame(screens.list, 80, rows).lines;
	const sparkline = (lines: string[]) => lines.some((line) => /[▁-█]/.test(line));
	const titles = (lines: string[]) => lines.some((line) => /▲Id User/.test(line));
	assert.ok(sparkline(at(9)) && titles(at(9)));
	assert.equal(at(9).length, 8);
	assert.ok(!sparkline(at(8)) && titles(at(8)), at(8).join('\n'));
	assert.ok(!sparkline(at(7)) && !titles(at(7)), at(7).join('\n'));
	// 80×6: the header's two lines, one row, the footer's two.
	const six = at(6);
	assert.equal(six.length, 5, six.join('\n'));
	for (const [index, pattern] of [/^sessiontop /, /^polled /, /^▶ +3 app/, /^Demo: /, /q {2}quit$/].entries()) {
		assert.match(six[index]!, pattern, six.join('\n'));
	}
});

test('below the smallest size: one line saying what size is needed', () => {
	for (const rows of [1, 2, 5]) {
		const {lines, layout} = frame(screens.list, 80, rows);
		assert.equal(layout.fits, false);
		assert.deepEqual(lines, [`Terminal too small (80×${rows}): make it at least 40×6.`]);
	}

	// Narrower, in fewer words, so that the size needed still shows whole.
	assert.deepEqual(frame(screens.list, 39, 24).lines, ['Too small (39×24): at least 40×6.']);
	assert.deepEqual(frame(screens.list, 30, 8).lines, ['Too small: at least 40×6.']);
	// QA: 'Too small: 40×6' read as the terminal's own size.
	assert.deepEqual(frame(screens.list, 20, 8).lines, ['Need 40×6']);
});

test('several MaxScales: their line stays with the header, one row more is needed', () => {
	for (let rows = 7; rows <= 12; rows++) {
		const {lines} = frame(twoHosts(), 80, rows, '2 MaxScales');
		assert.ok(lines.length <= rows - 1, `${rows}: ${lines.length}`);
		assert.match(lines[0]!, /^sessiontop 2 MaxScales/);
		assert.match(lines[1]!, /^127\.0\.0\.1:9921 /);
		assert.ok(lines.some((line) => line.startsWith('▶')), `${rows}: the cursor row\n${lines.join('\n')}`);
	}

	assert.match(frame(twoHosts(), 80, 6, '2 MaxScales').lines.join('\n'), /^Terminal too small \(80×6\): make it at least 40×7\.$/);
});
