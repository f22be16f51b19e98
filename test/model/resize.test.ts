// The list's window over the rows when the terminal changes height: the cursor always in view,
// no rows hidden above while the window has room below, and a shrink undone by a regrow. A
// window shows its rows under the sticky rows of their groups (sticky-groups.ts), which take
// its first lines.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {MonitorState} from '../../source/model/monitor-state.js';
import {stickyRows} from '../../source/model/sticky-groups.js';
import {session} from '../helpers/sessions.js';
import {labels, run, start, type} from '../helpers/state.js';

const services = ['Analytics-Service', 'RW-Split-Router'];
const sessions = (count: number) => Array.from({length: count}, (_, i) => session(i + 1, {service: services[i % 2]}));
const resize = (state: MonitorState, listHeight: number) => run(state, {type: 'resize', listHeight, paneHeight: 10, paneWidth: 60});

/** What every resize must leave: the cursor in the window, and no empty room under rows hidden above. */
function assertWindow(state: MonitorState, what: string) {
	const cursor = state.rows.findIndex((row) => row.key === state.selectedId);
	// The rows a window from `top` shows: the list's lines but its sticky rows.
	const shown = (top: number) => state.listHeight - stickyRows(state.rows, top, state.listHeight).length;
	const top = state.listTop;
	assert.ok(cursor >= top && cursor < top + shown(top), `${what}: cursor ${cursor} in ${top}+${shown(top)}`);
	// A window one row higher would still show the last row: this one leaves room below.
	assert.ok(top === 0 || top - 1 + shown(top - 1) < state.rows.length, `${what}: top ${top} leaves rows hidden above and room below`);
}

test('a shrink pushes the first rows off to keep the cursor; growing back brings them back (the demo at 80×24, 80×9, 80×24)', () => {
	let state = resize(start(sessions(100)), 17);
	assert.deepEqual(labels(state).slice(0, 3), ['S:Analytics-Service:50', 'T:Session started:50', '1']);
	assert.equal(state.selectedId, '1');
	assert.equal(state.listTop, 0);
	state = resize(state, 2);
	assert.equal(state.listTop, 2, "the cursor's row under its service's sticky row, the list's other line");
	assertWindow(state, 'shrunk');
	state = resize(state, 17);
	assert.equal(state.listTop, 0, 'the service row is back: nothing hidden above while there is room');
	assertWindow(state, 'grown');
});

test('a shrink that left the window where it was, undone: the window stays where it was', () => {
	let state = type(resize(start(sessions(100)), 17), ...Array.from({length: 40}, () => 'j'), ...Array.from({length: 20}, () => 'k'));
	const top = state.listTop;
	assert.ok(top > 0);
	assert.equal(state.rows.findIndex((row) => row.key === state.selectedId), top, 'the cursor on the first row in view');
	state = resize(resize(state, 5), 17);
	assert.equal(state.listTop, top);
	assertWindow(state, 'round trip');
});

test('a short list that grows back shows all of its rows', () => {
	let state = type(resize(start(sessions(6)), 17), 'G');
	state = resize(state, 1);
	assert.equal(state.listTop, state.rows.length - 1);
	state = resize(state, 3);
	assertWindow(state, 'a little taller');
	state = resize(state, 17);
	assert.equal(state.listTop, 0);
});

test('any sequence of sizes: the cursor in view, no rows hidden above with room below', () => {
	let seed = 7;
	const random = (below: number) => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed % below;
	};

	for (const count of [3, 12, 100]) {
		let state = resize(start(sessions(count)), 17);
		for (let step = 0; step < 300; step++) {
			if (random(3) === 0) {
				state = type(state, ...Array.from({length: 1 + random(6)}, () => (random(2) === 0 ? 'j' : 'k')));
			} else {
				state = resize(state, 1 + random(30));
			}

			assertWindow(state, `${count} sessions, step ${step}`);
		}
	}
});
