// The pane's session kept listed against the filter (held-row.ts): the status line's sentence
// fades, so the pane's title says it for as long as it holds, and no longer once it matches again.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {parseFilter} from '../../source/model/filter.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {applyView} from '../../source/model/place-rows.js';
import type {Session} from '../../source/model/session.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {screenTheme} from './monitor-screen.js';

const running = (id: number) => session(id, {statement: `SELECT SLEEP(${id})`, statementRunning: true, statementSeconds: 3});
const done = (id: number) => session(id, {statement: `SELECT SLEEP(${id})`, statementRunning: false});
let at = 1000;
const poll = (state: MonitorState, sessions: Session[]) => reducer(state, {type: 'poll-ok', sessions, at: (at += 2000), latencyMs: 1, bytes: 1});
const size = {columns: 120, rows: 30};

function paneTitle(state: MonitorState): string {
	const app = render(<Screen state={state} layout={layoutFor(state, size, idWidthOf(state))} theme={screenTheme} hostLabel="127.0.0.1:8989" />);
	const line = plain(app.lastFrame()).split('\n').find((text) => text.includes('Session 2')) ?? '';
	app.unmount();
	return line;
}

test('the pane\'s title says its session is outside the filter while it is kept, and stops once it matches again', () => {
	let state = poll(initialState({grouping: 'flat', columns: ['running', 'statement']}), [running(1), running(2), running(3)]);
	state = applyView({...state, filter: parseFilter('running>=0')});
	state = reducer(reducer(state, {type: 'move', delta: 1}), {type: 'open-pane'});
	state = reducer(state, {type: 'resize', listHeight: 20, paneHeight: 20, paneWidth: 50});
	assert.doesNotMatch(paneTitle(state), /outside the filter/, 'matching: no mark');
	state = poll(state, [running(1), done(2), running(3)]);
	assert.equal(state.pane.id, '2');
	assert.match(paneTitle(state), /Session 2 · outside the filter/, 'kept, its document loading: marked');
	// Its document in, changed since the last: the mark, a state, goes before the count, news.
	state = reducer(state, {type: 'document-loaded', id: '2', document: {data: {id: '2', attributes: {idle: 1}}}, at, previous: {document: {data: {id: '2', attributes: {idle: 0}}}}});
	assert.match(paneTitle(state), /Session 2 · outside the filter/, 'kept: marked');
	// The sentence on the status line fades; the title still says it.
	state = {...state, message: undefined};
	assert.match(paneTitle(state), /Session 2 · outside the filter/);
	state = poll(state, [running(1), running(2), running(3)]);
	assert.doesNotMatch(paneTitle(state), /outside the filter/, 'matching again: the mark goes');
});
