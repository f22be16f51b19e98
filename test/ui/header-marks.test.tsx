// The marks on the header's status line: at any width whole, in fewer words on a narrow
// terminal, never pushing the filter off; and counted once per change of the marks, the
// list or the filter, not once per frame (`*` can mark 100,000 sessions).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState, type MonitorState} from '../../source/model/monitor-state.js';
import {markCounts} from '../../source/model/marks.js';
import type {Session} from '../../source/model/session.js';
import {Header} from '../../source/ui/header.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});
const host = '127.0.0.1:37501';

/** 300 sessions, 100 of them app_rw's, two polls: every one marked with `*`, then `/user:app_rw`. */
function markedAndFiltered(...keys: string[]): MonitorState {
	const sessions: Session[] = Array.from({length: 300}, (_, i) => session(i + 1, {user: i % 3 === 0 ? 'app_rw' : 'app_ro'}));
	const now = Date.now();
	const polled = run(
		initialState(),
		{type: 'poll-ok', sessions, at: now - 2000, latencyMs: 18, bytes: 100},
		{type: 'poll-ok', sessions, at: now, latencyMs: 18, bytes: 100},
		{type: 'resize', listHeight: 20, paneHeight: 10, paneWidth: 60},
	);
	const state = type(polled, '*', '/', ...'user:app_rw', 'return', ...keys);
	assert.equal(state.marked.size, 300);
	assert.deepEqual(markCounts(state), {marked: 300, hidden: 200});
	return state;
}

function statusLine(state: MonitorState, width: number): string {
	const app = render(<Header state={state} host={host} theme={theme} width={width} shown={100} />);
	const line = plain(app.lastFrame()).split('\n')[1]!.trimEnd();
	app.unmount();
	return line;
}

const wordings = ['● 300 marked (200 hidden by the filter)', '● 300 marked (200 hidden)', '● 300 (200 hidden)', '● 300'];

test('at 40 to 60 columns the marks shorten, whole, and the filter stays', () => {
	const paused = markedAndFiltered('p');
	assert.equal(statusLine(paused, 40), ' PAUSED  ● 300  filter user:app_rw');
	assert.equal(statusLine(paused, 50), ' PAUSED  ● 300 (200 hidden)  filter user:app_rw');
	assert.equal(statusLine(paused, 60), ' PAUSED  ● 300 marked (200 hidden)  filter user:app_rw');
	assert.match(statusLine(paused, 160), /^ PAUSED {2}● 300 marked \(200 hidden by the filter\) .* {2}filter user:app_rw$/);
	const running = markedAndFiltered();
	assert.equal(statusLine(running, 40), '● 300 (200 hidden)  filter user:app_rw');
	assert.equal(statusLine(running, 50), '● 300 marked (200 hidden)  filter user:app_rw');
	assert.match(statusLine(running, 60), /^● 300 marked \(200 hidden by the filter\) {2}filter user:app_rw$/);
	for (const state of [paused, running]) {
		for (let width = 40; width <= 120; width++) {
			const line = statusLine(state, width);
			assert.ok(line.length <= width, `${width}: ${line}`);
			// The filter whole, or at least its first 8 cells (with the "…").
			assert.match(line, / {2}filter (user:app_rw|user:ap\S*…)$/, `${width}: the filter: ${line}`);
			const marks = /● [^●]*?(?= {2}|$)/.exec(line)?.[0];
			assert.ok(marks !== undefined && wordings.includes(marks), `${width}: the marks, one wording whole: ${line}`);
			// The longest wording that leaves the filter its room: a wider terminal never says less.
			const wider = statusLine(state, width + 1);
			assert.ok(wordings.indexOf(/● [^●]*?(?= {2}|$)/.exec(wider)![0]) <= wordings.indexOf(marks), `${width}: ${line} / ${wider}`);
		}
	}
});

test('a long filter keeps its first cells: the marks shorten first', () => {
	const state = type(markedAndFiltered('p'), '/', ...'_and_a_very_long_rest_of_it', 'return');
	for (const width of [40, 45, 50, 55, 60, 70]) {
		const line = statusLine(state, width);
		assert.ok(line.length <= width, `${width}: ${line}`);
		assert.match(line, /● 300.* {2}filter user:ap\S*…$/, `${width}: at least 8 cells of the filter: ${line}`);
	}
});

test('with no filter the marks shorten too, rather than be cut', () => {
	const state = type(markedAndFiltered(), '/', 'ctrl+u', 'return', 'p');
	assert.equal(state.filter.text, '');
	assert.equal(statusLine(state, 20), ' PAUSED  ● 300');
	assert.match(statusLine(state, 40), /^ PAUSED {2}● 300 marked( |$)/);
});

test('the marks are counted when the marks, the list or the filter change, not on every frame', () => {
	const state = markedAndFiltered();
	const {test: matches} = state.filter;
	assert.ok(matches !== undefined);
	let calls = 0;
	const counting: MonitorState = {
		...state,
		filter: {
			...state.filter,
			test(session) {
				calls++;
				return matches(session);
			},
		},
	};
	const header = (current: MonitorState, width: number) => <Header state={current} host={host} theme={theme} width={width} shown={100} />;
	const app = render(header(counting, 80));
	// Unmounted even when an assertion fails: its clock would keep the test process alive.
	try {
		assert.equal(calls, 300, 'every mark tested once');
		assert.match(plain(app.lastFrame()), /● 300 marked \(200 hidden by the filter\)/);
		// Frames of the same state (the clock ticking, a resize): no walk over the marks.
		for (const width of [81, 60, 40, 80]) {
			app.rerender(header(counting, width));
		}

		assert.match(plain(app.lastFrame()), /● 300 marked \(200 hidden by the filter\)/);
		assert.equal(calls, 300, 'no frame walked the marks again');
		// A mark gone: counted again.
		const fewer = new Set(counting.marked);
		fewer.delete([...fewer][0]!);
		app.rerender(header({...counting, marked: fewer}, 80));
		assert.equal(calls, 599);
		assert.match(plain(app.lastFrame()), /● 299 marked/);
	} finally {
		app.unmount();
	}
});
