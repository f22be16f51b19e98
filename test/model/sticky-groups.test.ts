// The sticky group rows (model/sticky-groups.ts): which group rows the list's first lines
// draw for which first row in view, and the window that keeps the cursor in the rows under
// them. QA: after PgDn or End at 80×24 nothing on screen said which service and state the
// sessions in view were of.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import type {Grouping} from '../../source/model/groups.js';
import type {MonitorState} from '../../source/model/monitor-state.js';
import {buildRows, isGhostRow, type Row} from '../../source/model/rows.js';
import {pageRows, shownRows, stickyRoom, stickyRows} from '../../source/model/sticky-groups.js';
import {label} from '../helpers/rows.js';
import {session} from '../helpers/sessions.js';
import {poll, run, start, type} from '../helpers/state.js';

const sort = {key: 'id', descending: false} as const;
// Two services; Analytics' sessions in two states, one session of RW ended (a ghost).
const sessions = [
	session(1, {service: 'Analytics-Service', user: 'etl'}),
	session(2, {service: 'Analytics-Service', user: 'report'}),
	session(3, {service: 'Analytics-Service', state: 'Session created', user: 'etl'}),
	session(4, {service: 'RW-Split-Router', user: 'app'}),
	session(5, {service: 'RW-Split-Router', user: 'app'}),
];
const ghost = session(6, {service: 'RW-Split-Router', user: 'app'});

const rowsOf = (grouping: Grouping, options: {collapsed?: Set<string>; filter?: (s: (typeof sessions)[number]) => boolean} = {}) => buildRows(sessions, {grouping, sort, ghosts: [ghost], ...options});
/** The sticky rows at each top, as labels (`S:` service, `T:` state rows: test/helpers/rows.ts). */
const stickyAt = (rows: readonly Row[], height: number) => rows.map((_, top) => stickyRows(rows, top, height).map(label).join(' › '));

test('service › state: the first row in view under its service and state rows, both drawn when they scrolled off', () => {
	const rows = rowsOf('service-state');
	assert.deepEqual(rows.map(label), ['S:Analytics-Service:3', 'T:Session started:2', '1', '2', 'T:Session created:1', '3', 'S:RW-Split-Router:2', 'T:Session started:2', '4', '5', 'x6']);
	assert.deepEqual(stickyAt(rows, 17), [
		'', // The top: the service's own row.
		'S:Analytics-Service:3', // A state's row: its service's over it.
		'S:Analytics-Service:3 › T:Session started:2',
		'S:Analytics-Service:3 › T:Session started:2',
		'S:Analytics-Service:3', // The second state's row: its service's, not the state above it.
		'S:Analytics-Service:3 › T:Session created:1',
		'', // Another service's own row.
		'S:RW-Split-Router:2',
		'S:RW-Split-Router:2 › T:Session started:2',
		'S:RW-Split-Router:2 › T:Session started:2',
		'S:RW-Split-Router:2 › T:Session started:2', // An ended session's, as a live one's.
	]);
	// The very rows: drawn as they are (counts, states), not copies that could say otherwise.
	assert.equal(stickyRows(rows, 3, 17)[0], rows[0]);
	assert.equal(stickyRows(rows, 3, 17)[1], rows[1]);
});

test('a short list keeps the service row only (its State column says the state), one line none', () => {
	const rows = rowsOf('service-state');
	assert.deepEqual(stickyRows(rows, 3, 5).map(label), ['S:Analytics-Service:3']);
	assert.deepEqual(stickyRows(rows, 3, 2).map(label), ['S:Analytics-Service:3']);
	assert.deepEqual(stickyRows(rows, 3, 1), [], "a list of one line keeps it for the cursor's row");
	for (let height = 1; height <= 40; height++) {
		assert.ok(stickyRoom(height) < height || height === 0, `${height}: a line for the cursor's row`);
		for (let top = 0; top < rows.length; top++) {
			assert.ok(stickyRows(rows, top, height).length <= stickyRoom(height));
		}
	}
});

test('grouped by service, user or client: the one group row; not grouped: none', () => {
	assert.deepEqual(stickyAt(rowsOf('service'), 17), ['', 'S:Analytics-Service:3', 'S:Analytics-Service:3', 'S:Analytics-Service:3', '', 'S:RW-Split-Router:2', 'S:RW-Split-Router:2', 'S:RW-Split-Router:2']);
	const byUser = rowsOf('user');
	assert.deepEqual(byUser.map(label), ['S:app:2', '4', '5', 'x6', 'S:etl:2', '1', '3', 'S:report:1', '2']);
	assert.deepEqual(stickyAt(byUser, 17), ['', 'S:app:2', 'S:app:2', 'S:app:2', '', 'S:etl:2', 'S:etl:2', '', 'S:report:1']);
	const flat = rowsOf('flat');
	assert.ok(stickyAt(flat, 17).every((sticky) => sticky === ''), 'group none: no group rows to stick');
});

test('collapsed groups: a collapsed state is its own row under its service; a collapsed service, its own; sticky rows are open ones', () => {
	const rows = rowsOf('service-state', {collapsed: new Set(['\u0000state\u0000Analytics-Service\u0000Session started', '\u0000service\u0000RW-Split-Router'])});
	assert.deepEqual(rows.map(label), ['S:Analytics-Service:3', 'T:Session started:2+', 'T:Session created:1', '3', 'S:RW-Split-Router:2+']);
	assert.deepEqual(stickyAt(rows, 17), ['', 'S:Analytics-Service:3', 'S:Analytics-Service:3', 'S:Analytics-Service:3 › T:Session created:1', '']);
	assert.ok(stickyRows(rows, 3, 17).every((row) => !row.collapsed), 'a group with a row in view is open: its sticky row reads ▾');
});

test("under a filter: the filter's rows, and their group rows' counts", () => {
	const rows = rowsOf('service-state', {filter: (s) => s.user === 'etl'});
	assert.deepEqual(rows.map(label), ['S:Analytics-Service:2', 'T:Session started:1', '1', 'T:Session created:1', '3']);
	assert.deepEqual(stickyAt(rows, 17), ['', 'S:Analytics-Service:2', 'S:Analytics-Service:2 › T:Session started:1', 'S:Analytics-Service:2', 'S:Analytics-Service:2 › T:Session created:1']);
});

test('a page is the rows a window shows under the most sticky rows it can have', () => {
	assert.equal(pageRows(17, 'flat'), 17);
	assert.equal(pageRows(17, 'service'), 16);
	assert.equal(pageRows(17, 'user'), 16);
	assert.equal(pageRows(17, 'service-state'), 15);
	assert.equal(pageRows(5, 'service-state'), 4, 'one sticky row on a short list');
	assert.equal(pageRows(1, 'service-state'), 1);
});

// Through the reducer, as keys and polls come: the cursor's row is always drawn, under the
// sticky rows and never in their place; the list never draws more lines than it has.

const many = (count: number) => Array.from({length: count}, (_, i) => session(i + 1, {service: ['Analytics-Service', 'RW-Split-Router', 'Sharded'][i % 3], state: i % 7 === 0 ? 'Session created' : 'Session started', user: ['app', 'etl', 'report'][i % 5 % 3]}));

/** The window as the screen draws it: the sticky rows, then the rows from the top. */
function drawn(state: MonitorState) {
	const sticky = stickyRows(state.rows, state.listTop, state.listHeight);
	const shown = state.rows.slice(state.listTop, state.listTop + state.listHeight - sticky.length);
	return {sticky, shown, cursor: shown.findIndex((row) => row.key === state.selectedId)};
}

test('End, PgDn and ↓ at 80×24 (17 rows): the last rows under their service and state, the cursor on the last line', () => {
	let state = run(start(many(120)), {type: 'resize', listHeight: 17, paneHeight: 10, paneWidth: 60});
	state = type(state, 'end');
	let view = drawn(state);
	assert.deepEqual(view.sticky.map(label), ['S:Sharded:40', 'T:Session started:34']);
	assert.equal(view.shown.length, 15);
	assert.equal(view.shown.at(-1)!.key, state.selectedId, 'the cursor on the last line');
	assert.equal(state.listTop + 15, state.rows.length, 'the last row on the last line');
	// From the top, a page is the 15 rows a window shows under two sticky rows, and the window
	// moves as far as the cursor, as in htop (QA: the first PgDn only took the cursor to the
	// bottom line), and as far again as the sticky rows that came take: the cursor keeps its
	// very line, and the new window starts right after the old one (none skipped), under
	// Analytics › started.
	state = type(state, 'home', 'down', 'down');
	assert.equal(state.listTop, 0);
	assert.equal(drawn(state).cursor, 2);
	const first = drawn(state);
	state = type(state, 'pagedown');
	view = drawn(state);
	assert.equal(state.listTop, 17);
	assert.deepEqual(view.sticky.map(label), ['S:Analytics-Service:40', 'T:Session started:34']);
	assert.equal(view.sticky.length + view.cursor, 2, 'on its line, under the two sticky rows');
	assert.equal(state.rows.indexOf(view.shown[0]!), state.rows.indexOf(first.shown.at(-1)!) + 1, 'the next row after the first window');
	const before = view;
	state = type(state, 'pagedown');
	view = drawn(state);
	assert.equal(state.listTop, 32);
	assert.equal(view.sticky.length + view.cursor, before.sticky.length + before.cursor, 'the next page: the same line');
	assert.ok(state.rows.indexOf(view.shown[0]!) <= state.rows.indexOf(before.shown.at(-1)!) + 1, 'no row skipped between the two windows');
	state = type(state, 'pageup');
	assert.equal(state.listTop, 17, 'PgUp: back a page, the window with it');
	assert.equal(drawn(state).cursor, before.cursor);
	state = type(state, 'pageup');
	view = drawn(state);
	// Rows 0 and 1 are the group rows the sticky ones repeat: the same lines as at the top.
	assert.ok(state.listTop <= 2, String(state.listTop));
	assert.equal(view.sticky.length + view.cursor, 2, 'on the line it started from');
	assert.deepEqual([...view.sticky, ...view.shown].slice(0, 3).map((row) => row.key), first.shown.slice(0, 3).map((row) => row.key));
	state = type(state, 'pagedown');
	// ↑ from the first row under the sticky rows: the window scrolls up one row, the cursor on its first.
	state = type(state, ...Array.from({length: drawn(state).cursor}, () => 'up'));
	assert.equal(drawn(state).cursor, 0);
	const top = state.listTop;
	state = type(state, 'up');
	assert.equal(state.listTop < top, true);
	assert.equal(drawn(state).cursor, 0, "the cursor on the first row, under the sticky rows, never in a sticky row's place");
});

test('QA: PgDn through a list with ended sessions draws every row: a page that lands on one stops short of it', () => {
	for (const height of [12, 17, 33]) {
		for (const gone of [4, 5, 7]) {
			// Every `gone`th session ended in the last poll: its row stays three polls, which the cursor steps over.
			const all = many(150);
			let state = run(start(all), {type: 'resize', listHeight: height, paneHeight: 10, paneWidth: 60});
			state = type(poll(state, all.filter((_, i) => i % gone !== 0)), 'home');
			assert.ok(state.rows.some((row) => isGhostRow(row)));
			let seen = drawn(state).shown.length;
			for (let page = 0; page < 100 && seen < state.rows.length; page++) {
				const top = state.listTop;
				state = type(state, 'pagedown');
				if (state.listTop !== top) {
					assert.ok(state.listTop <= seen, `height ${height}, every ${gone}th ended: rows ${seen + 1} to ${state.listTop} never drawn`);
				}

				seen = state.listTop + drawn(state).shown.length;
			}

			// To the last row the cursor can take (ended ones after it go as the cursor never reaches them).
			const last = state.rows.findLastIndex((row) => !isGhostRow(row));
			assert.ok(seen > last, `height ${height}, every ${gone}th ended: paged to the end`);
		}
	}
});

test('any keys, polls, groupings and heights: the cursor drawn under the sticky rows, never more lines than the list, pages that skip no row', () => {
	const key = fc.constantFrom('down', 'up', 'pagedown', 'pageup', 'home', 'end', 'j', 'k', 'c', 't', 'left', 'right');
	const step = fc.oneof(
		{weight: 6, arbitrary: key.map((name) => ({kind: 'key' as const, name}))},
		{weight: 1, arbitrary: fc.integer({min: 1, max: 30}).map((height) => ({kind: 'resize' as const, height}))},
		{weight: 1, arbitrary: fc.integer({min: 0, max: 90}).map((count) => ({kind: 'poll' as const, count}))},
	);
	fc.assert(
		fc.property(fc.integer({min: 0, max: 90}), fc.integer({min: 1, max: 30}), fc.array(step, {maxLength: 40}), (count, height, steps) => {
			let state = run(start(many(count)), {type: 'resize', listHeight: height, paneHeight: 10, paneWidth: 60});
			for (const each of steps) {
				const before = drawn(state);
				const beforeTop = state.listTop;
				if (each.kind === 'key') {
					state = type(state, each.name);
				} else if (each.kind === 'resize') {
					state = run(state, {type: 'resize', listHeight: each.height, paneHeight: 10, paneWidth: 60});
				} else {
					state = poll(state, many(each.count));
				}

				const view = drawn(state);
				const what = `${each.kind} ${JSON.stringify(each)}, ${state.grouping}, top ${state.listTop} of ${state.rows.length}, height ${state.listHeight}`;
				assert.ok(view.sticky.length + view.shown.length <= state.listHeight, `${what}: more lines than the list`);
				const above = state.listTop - 1;
				assert.ok(above < 0 || above + state.listHeight - stickyRows(state.rows, above, state.listHeight).length < state.rows.length, `${what}: rows hidden above, room below`);
				if (state.selectedId !== undefined && state.rows.some((row) => row.key === state.selectedId)) {
					assert.notEqual(view.cursor, -1, `${what}: the cursor's row not drawn`);
				}

				// A page starts the next window no further down than the row after the last one seen,
				// and ends the one before it no further up than the row before the first one seen (QA:
				// churn's ended rows made a page land one past; a PgUp under client groups left out
				// the row before the old window). Only ended rows, which the cursor cannot stop short
				// of, may be stepped over.
				if (each.kind === 'key' && each.name === 'pagedown' && state.listTop > beforeTop) {
					const skipped = state.rows.slice(beforeTop + before.shown.length, state.listTop);
					assert.ok(skipped.every((row) => isGhostRow(row)), `${what}: a live row skipped, never drawn`);
				}

				if (each.kind === 'key' && each.name === 'pageup' && state.listTop < beforeTop) {
					const skipped = state.rows.slice(state.listTop + view.shown.length, beforeTop);
					assert.ok(skipped.every((row) => isGhostRow(row)), `${what}: a live row skipped going up, never drawn`);
				}

				// The header's `rows A-B` are the rows drawn as themselves (QA: it counted the sticky lines as rows).
				if (view.shown.length > 0) {
					assert.deepEqual(shownRows(state.rows, state.listTop, state.listHeight), {first: state.listTop + 1, last: state.listTop + view.shown.length}, `${what}: the header's range`);
				}
			}
		}),
		{numRuns: 300},
	);
});

test('QA: PgDn and PgUp through client groups keep the cursor on its line and draw every row, both ways', () => {
	// Client hosts of 1 to 13 sessions: group rows land anywhere on a page, as in the QA's list.
	const hosts = Array.from({length: 24}, (_, i) => ({remote: `10.0.${i}.1`, count: (i * 7) % 13 + 1}));
	const sessions = hosts.flatMap(({remote, count}, h) => Array.from({length: count}, (_, i) => session(h * 100 + i + 1, {remote, port: 4000 + i, user: 'app'})));
	for (const grouping of ['client', 'user', 'service-state'] as const) {
		let state = run(start(sessions, {grouping}), {type: 'resize', listHeight: 17, paneHeight: 10, paneWidth: 60});
		state = type(state, 'home', ...Array.from({length: 6}, () => 'down'));
		const lineOf = (view: ReturnType<typeof drawn>) => view.sticky.length + view.cursor;
		for (const direction of ['pagedown', 'pageup'] as const) {
			// The line it is on as the paging starts (after the PgDns, the last: End's).
			const line = lineOf(drawn(state));
			const seen = new Set<string>(drawn(state).shown.map((row) => row.key));
			for (let page = 0; page < 80; page++) {
				const before = state.listTop;
				state = type(state, direction);
				const view = drawn(state);
				for (const row of view.shown) {
					seen.add(row.key);
				}

				if (state.listTop === before) {
					break;
				}

				// Until the window stops at an end, the cursor stays on its line: one off at most where a
				// group's own row comes to the top, which is no sticky line, and it never drifts on.
				const atEnd = direction === 'pagedown' ? type(state, direction).listTop === state.listTop : state.listTop === 0;
				if (!atEnd) {
					assert.ok(Math.abs(lineOf(view) - line) <= 1, `${grouping}, ${direction} ${page + 1}: the cursor's line ${lineOf(view)}, not ${line}`);
				}
			}

			assert.deepEqual(state.rows.filter((row) => !seen.has(row.key)).map((row) => row.key), [], `${grouping}, ${direction}: every row drawn`);
		}
	}
});
