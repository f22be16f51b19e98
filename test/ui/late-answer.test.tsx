// A MaxScale that accepts the poll and never answers: the status line says so once the
// answer is clearly late, not "polled … in 10ms" until the timeout (10 s by default).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState, type MonitorState} from '../../source/model/monitor-state.js';
import {Header} from '../../source/ui/header.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {run} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});

function statusLine(state: MonitorState): string {
	const app = render(<Header state={state} host="mx" theme={theme} width={100} shown={state.sessions.length} />);
	const line = plain(app.lastFrame()).split('\n')[1]!.trimEnd();
	app.unmount();
	return line;
}

const polledAgo = (ms: number, latencyMs = 10) => run(initialState(), {type: 'poll-ok', sessions: [session(1)], at: Date.now() - ms, latencyMs, bytes: 1});

test('the next poll 2 s overdue (every 2 s: the last answer 5 s ago): no answer for 3s, first on the line', () => {
	assert.match(statusLine(polledAgo(5000)), /^no answer for 3s {2}polled \d\d:\d\d:\d\d in 10ms/);
});

test('on time, paused, or within twice a slow MaxScale\'s own time: nothing said', () => {
	assert.match(statusLine(polledAgo(1000)), /^polled /);
	assert.doesNotMatch(statusLine({...polledAgo(5000), paused: true}), /no answer/);
	assert.doesNotMatch(statusLine(polledAgo(7000, 2000)), /no answer/);
});
