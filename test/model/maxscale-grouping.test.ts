// Grouping by MaxScale, when several are watched: a group per MaxScale, its row counting its
// sessions by state, no MaxScale column (the rows name it), Space on it marking exactly that
// MaxScale's sessions; with one MaxScale, `t` steps over it.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {hasColumn, layoutColumns} from '../../source/model/columns.js';
import {initialState, type Action, type MonitorState} from '../../source/model/monitor-state.js';
import {isGroupRow, isSessionRow} from '../../source/model/rows.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';
import {run, start, type} from '../helpers/state.js';

const on = (host: string, id: number, fields: Partial<Session> = {}): Session => session(id, {key: `${host}#${id}`, host, ...fields});
let clock = 0;
const answer = (host: string, sessions: Session[]): Action => ({type: 'poll-ok', host, sessions, at: (clock += 700), latencyMs: 1, bytes: 1});

function watching(): MonitorState {
	const state = run(initialState({hosts: ['mx2:8989', 'mx1:8989']}), {type: 'resize', listHeight: 30, paneHeight: 10, paneWidth: 60});
	return run(
		state,
		answer('mx2:8989', [on('mx2:8989', 1, {service: 'RW'}), on('mx2:8989', 5, {service: 'RO', state: 'Session created'})]),
		answer('mx1:8989', [on('mx1:8989', 1, {service: 'RW'}), on('mx1:8989', 2, {service: 'RW'}), on('mx1:8989', 3, {service: 'RO'})]),
	);
}

/** Group rows as `name count (states)`, sessions as `host:id`. */
const shown = (state: MonitorState) =>
	state.rows.map((row) => (isGroupRow(row) ? `${row.service} ${row.count} (${row.kind === 'service' ? row.states.map((one) => `${one.state} ${one.count}`).join(', ') : ''})` : isSessionRow(row) ? `  ${row.host}:${row.id}` : '?'));

test('t steps to MaxScale after client host when several are watched: a group per MaxScale in -h order, counted by state', () => {
	const state = type(watching(), 't', 't', 't', 't');
	assert.equal(state.grouping, 'maxscale');
	// -h mx2,mx1: mx2 first, as the header's host line and --once have them (QA: by name, mx1 came first).
	assert.deepEqual(shown(state), [
		'mx2:8989 2 (Session started 1, Session created 1)',
		'  mx2:8989:1',
		'  mx2:8989:5',
		'mx1:8989 3 (Session started 3)',
		'  mx1:8989:1',
		'  mx1:8989:2',
		'  mx1:8989:3',
	]);
	assert.equal(type(state, 't').grouping, 'flat');
	assert.equal(type(state, 't', 't').grouping, 'service-state');
});

test('with one MaxScale, t steps over it: one group of everything says nothing', () => {
	const state = start([session(1), session(2)]);
	const seen = [state.grouping];
	let next = state;
	for (let i = 0; i < 6; i++) {
		next = type(next, 't');
		seen.push(next.grouping);
	}

	assert.deepEqual(seen, ['service-state', 'service', 'user', 'client', 'flat', 'service-state', 'service']);
	// Asked for it anyway (--grouping maxscale with one -h): one group, and t goes on from it, to none.
	const asked = start([session(1, {host: 'mx1:8989'})], {grouping: 'maxscale'});
	assert.deepEqual(shown(asked), ['mx1:8989 1 (Session started 1)', '  mx1:8989:1']);
	assert.equal(type(asked, 't').grouping, 'flat');
});

test('a MaxScale with no session has its row too (down, not answered yet, or idle): 0, under a filter too', () => {
	const state = run(initialState({hosts: ['mx1:8989', 'mx2:8989', 'mx3:8989'], grouping: 'maxscale'}), {type: 'resize', listHeight: 30, paneHeight: 10, paneWidth: 60}, answer('mx1:8989', [on('mx1:8989', 1), on('mx1:8989', 2, {user: 'etl'})]), answer('mx3:8989', []));
	assert.deepEqual(shown(state), ['mx1:8989 2 (Session started 2)', '  mx1:8989:1', '  mx1:8989:2', 'mx2:8989 0 ()', 'mx3:8989 0 ()']);
	const filtered = type(state, '/', 'u', 's', 'e', 'r', ':', 'e', 't', 'l', 'return');
	assert.deepEqual(shown(filtered), ['mx1:8989 1 (Session started 1)', '  mx1:8989:2', 'mx2:8989 0 ()', 'mx3:8989 0 ()']);
	// C folds them all, the empty ones too.
	assert.ok(type(state, 'C').rows.every((row) => isGroupRow(row) && row.collapsed));
	// Other groupings list only what has sessions, as before.
	const byService = run(initialState({hosts: ['mx1:8989', 'mx2:8989'], grouping: 'service'}), answer('mx1:8989', [on('mx1:8989', 1)]));
	assert.deepEqual(shown(byService), ['RW-Split-Router 1 (Session started 1)', '  mx1:8989:1']);
});

test('grouped by MaxScale, the MaxScale column goes (the rows name it) and the Service column comes back', () => {
	assert.equal(hasColumn('maxscale', true, 'maxscale'), false);
	assert.equal(hasColumn('maxscale', true, 'user'), true);
	assert.equal(hasColumn('service', true, 'maxscale'), true);
	const keys = layoutColumns(160, 7, 8, ['mx1:8989', 'mx2:8989'], 'maxscale').map((column) => column.key);
	assert.ok(keys.includes('service') && !keys.includes('maxscale'), keys.join(' '));
});

test('Space on a MaxScale\'s row marks exactly its sessions; c folds it; the sort holds inside each', () => {
	let state = type(watching(), 't', 't', 't', 't', 'g');
	assert.ok(isGroupRow(state.rows[0]) && state.rows[0].service === 'mx2:8989');
	state = type(state, 'space');
	assert.deepEqual([...state.marked].sort(), ['mx2:8989#1', 'mx2:8989#5']);
	const folded = type(state, 'g', 'c');
	assert.deepEqual(shown(folded).filter((line) => !line.startsWith(' ')), ['mx2:8989 2 (Session started 1, Session created 1)', 'mx1:8989 3 (Session started 3)']);
	assert.equal(shown(folded).length, 5, 'mx2 folded (its row alone), mx1 open (its row and three sessions)');
	const down = type(watching(), 't', 't', 't', 't', 'N');
	assert.deepEqual(shown(down).filter((line) => line.startsWith(' ')), ['  mx2:8989:5', '  mx2:8989:1', '  mx1:8989:3', '  mx1:8989:2', '  mx1:8989:1']);
});
