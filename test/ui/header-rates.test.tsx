// The header's rates show only when some MaxScale's rate window has a sample: not after a
// replay's step back to its first poll, nor between the first answers of several MaxScales.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import type {Frame} from '../../source/api/recording.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {Header} from '../../source/ui/header.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});

function firstLine(state: MonitorState): string {
	const app = render(<Header state={state} host="mx" theme={theme} width={160} shown={state.sessions.length} />);
	const line = plain(app.lastFrame()).split('\n')[0]!.trimEnd();
	app.unmount();
	return line;
}

const rates = /\/s/;

test('a replay stepped back to its first poll shows no rates, as it did stepping forward', () => {
	const frames: Frame[] = [0, 1, 2].map((n) => ({t: 1000 + n * 2000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [1, 2, 3 + n].map((id) => session(id))}));
	let state = run(initialState(), {type: 'replay-load', frames});
	assert.doesNotMatch(firstLine(state), rates, 'the first poll: no rates');
	state = type(state, ']');
	assert.match(firstLine(state), /\+0\.5\/s −0\.5\/s$/);
	state = type(state, ']', '[', '[');
	assert.equal(state.replay?.index, 0);
	assert.ok(state.polls >= 2);
	const line = firstLine(state);
	assert.doesNotMatch(line, rates, `back at the first poll: ${line}`);
	assert.match(line, /3 sessions {2}started 3$/);
});

test('several MaxScales: no rates until one of them has answered twice', () => {
	const hosts = ['127.0.0.1:9921', '127.0.0.1:9922'];
	let state = initialState({hosts});
	const poll = (name: string, at: number) => {
		// One session stays from poll to poll: a list with none of the last one's is a MaxScale restarted, whose rates start afresh.
		state = reducer(state, {type: 'poll-ok', host: name, sessions: [session(`${name}#1`, {host: name}), session(`${name}#${at}`, {host: name})], at, latencyMs: 9, bytes: 10});
	};

	poll(hosts[0]!, 1000);
	poll(hosts[1]!, 1500);
	assert.equal(state.polls, 2);
	assert.doesNotMatch(firstLine(state), rates, 'each MaxScale has answered once');
	poll(hosts[0]!, 3000);
	assert.match(firstLine(state), /\+(\d+\.\d|0)\/s −(\d+\.\d|0)\/s$/);
});
