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

// The first poll has no poll before it: its time is when polling began (schedule.ts firstLateMs).
const startedAgo = (ms: number, hosts?: string[]) => run(initialState({hosts}), {type: 'polling-started', at: Date.now() - ms});

test('QA: the first poll taken and not answered is said late too, after "connecting to HOST…", not only at the timeout', () => {
	assert.match(statusLine(startedAgo(6000)), /^connecting to mx… waiting 6s {2}every 2s/);
	// Within 2 s, paused, or a failure already said (the status line says why): only connecting.
	assert.match(statusLine(startedAgo(1000)), /^connecting to mx… {2}every/);
	assert.doesNotMatch(statusLine({...startedAgo(6000), paused: true}), /waiting/);
	assert.doesNotMatch(statusLine(run(startedAgo(6000), {type: 'poll-failed', error: {kind: 'network', message: 'refused'}, at: Date.now()})), /waiting/);
});

test('QA: several MaxScales: one whose first poll is not answered reads "connecting… waiting 6s" on the host line', () => {
	const firstOk = (state: MonitorState) => run(state, {type: 'poll-ok', host: 'mx1:8989', sessions: [session(1)], at: Date.now(), latencyMs: 10, bytes: 1});
	// With several MaxScales the second line is the host line.
	assert.match(statusLine(firstOk(startedAgo(6000, ['mx1:8989', 'mx2:8989']))), /^mx1:8989 ok 10ms {3}mx2:8989 connecting… waiting 6s$/);
	assert.match(statusLine(firstOk(startedAgo(1000, ['mx1:8989', 'mx2:8989']))), /^mx1:8989 ok 10ms {3}mx2:8989 connecting…$/);
});
