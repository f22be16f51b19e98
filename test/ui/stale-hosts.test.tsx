// Several MaxScales, one of them failing: its last sessions stay on screen drawn dimmed (the
// readme says "marked stale"), and on a line too narrow for every host it is not the one
// hidden behind `+N more`.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import chalk from 'chalk'; // Ink's own instance: its level decides whether styles are written at all.
import {render} from 'ink-testing-library';
import {initialState, type MonitorState} from '../../source/model/monitor-state.js';
import {staleHosts} from '../../source/model/stale-hosts.js';
import {HostLine} from '../../source/ui/header-strips.js';
import {SessionTable} from '../../source/ui/session-table.js';
import {themeFor} from '../../source/ui/theme.js';
import {layoutColumns} from '../../source/model/columns.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {run} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});
const hosts = ['127.0.0.1:19106', '127.0.0.1:19199', '127.0.0.1:19120', '127.0.0.1:19121'];

function watched(failing: readonly string[]): MonitorState {
	const now = Date.now();
	let state = run(initialState({hosts}), ...hosts.map((host) => ({type: 'server-info' as const, host, info: {version: '24.02.3', uptimeSeconds: 100, askedAt: now}})));
	for (const [i, host] of hosts.entries()) {
		state = run(state, {type: 'poll-ok', host, sessions: [session(i + 1, {key: `${host}#${i + 1}`, host, user: `user${i}`})], at: now - 5000, latencyMs: 20, bytes: 1});
	}

	for (const host of failing) {
		state = run(state, {type: 'poll-failed', host, error: {kind: 'refused', message: `${host} refused the connection.`}, at: now, retryAt: now + 20_000});
	}

	// Polled every 10 s: the others' answers 5 s ago are not late.
	return {...state, intervalMs: 10_000};
}

const lineOf = (state: MonitorState, width: number, now = Date.now()) => {
	const app = render(<HostLine state={state} now={now} theme={theme} width={width} />);
	const text = plain(app.lastFrame());
	app.unmount();
	return text;
};

test('a MaxScale that took the request and does not answer says so before the timeout does; paused, none is late', () => {
	const state = watched([]);
	const at = state.hosts['127.0.0.1:19199']!.lastPoll!.at;
	// The next poll was due 10 s after the last; 2.5 s past that, no answer yet.
	const late = {...state, hosts: {...state.hosts, '127.0.0.1:19199': {...state.hosts['127.0.0.1:19199']!, lastPoll: {at: at - 7500, latencyMs: 20, bytes: 1}}}};
	assert.match(lineOf(late, 200), /127\.0\.0\.1:19106 ok 20ms 24\.02\.3(?: up \S+)? {3}127\.0\.0\.1:19199 no answer for 2s 24\.02\.3/);
	assert.doesNotMatch(lineOf({...late, paused: true}, 200), /no answer/);
	// Within twice its own time a slow MaxScale is not late: a poll of 100,000 sessions takes seconds.
	const slow = {...late, hosts: {...late.hosts, '127.0.0.1:19199': {...late.hosts['127.0.0.1:19199']!, lastPoll: {at: at - 7500, latencyMs: 3000, bytes: 1}}}};
	assert.doesNotMatch(lineOf(slow, 200), /no answer/);
});

test('a MaxScale whose own slow polls stretched its pause says so on the host line, not another\'s on the status line', () => {
	const state = watched([]);
	const at = state.hosts['127.0.0.1:19199']!.lastPoll!.at;
	// 6 s polls at a 10 s interval: its next waits 12 s, due 7 s after its poll 5 s ago; the others are not slow.
	const slow = {...state, hosts: {...state.hosts, '127.0.0.1:19199': {...state.hosts['127.0.0.1:19199']!, lastPoll: {at, latencyMs: 6000, bytes: 1}}}};
	const line = lineOf(slow, 200);
	assert.match(line, /127\.0\.0\.1:19106 ok 20ms 24\.02\.3(?: up \S+)? {3}127\.0\.0\.1:19199 ok 6000ms slow, next in 7(?:\.\d)?s 24\.02\.3/);
	assert.equal(line.match(/slow/g)?.length, 1, line);
	// Due: the poll is on its way.
	assert.match(lineOf(slow, 200, at + 12_500), /19199 ok 6000ms slow, polling…/);
	// Paused, no poll is due.
	assert.doesNotMatch(lineOf({...slow, paused: true}, 200), /slow/);
});

test('every MaxScale\'s version or none: one host\'s alone read as if the others had none', () => {
	const state = watched([]);
	// Room for one version of the two hosts shown, not for both.
	const line = lineOf(state, 70);
	assert.match(line, /^127\.0\.0\.1:19106 ok 20ms {3}127\.0\.0\.1:19199 ok 20ms {3}\+2 more$/);
	assert.doesNotMatch(line, /24\.02\.3/);
	// With room for them, each shown host's (the test terminal shows 100 columns).
	const wide = lineOf(state, 140);
	assert.equal(wide.match(/24\.02\.3/g)?.length, 3);
	assert.equal(wide.match(/ ok 20ms/g)?.length, 3);
});

test('the failing MaxScales are the stale ones, and only when several are watched', () => {
	assert.deepEqual([...staleHosts(watched(['127.0.0.1:19121']))], ['127.0.0.1:19121']);
	assert.equal(staleHosts(watched([])).size, 0);
});

test('a MaxScale down is never the one behind `+N more`: when not every host fits, the failing ones come first', () => {
	const state = watched(['127.0.0.1:19121']);
	const line = (width: number) => {
		const app = render(<HostLine state={state} now={Date.now()} theme={theme} width={width} />);
		const text = plain(app.lastFrame());
		app.unmount();
		return text;
	};

	assert.match(line(100), /^127\.0\.0\.1:19121 STALE 5s retry 20s {3}127\.0\.0\.1:19106 ok 20ms .*\+\d more$/);
	// Wide enough for every host: in the order given (the test terminal shows its first 100 columns).
	assert.match(line(150), /^127\.0\.0\.1:19106 ok 20ms( 24\.02\.3)? {3}127\.0\.0\.1:19199 ok 20ms/);
});

test("a failing MaxScale's sessions are drawn dimmed; the others are not", (t) => {
	const level = chalk.level;
	chalk.level = 1;
	t.after(() => {
		chalk.level = level;
	});
	const state = watched(['127.0.0.1:19121']);
	const app = render(
		<SessionTable rows={state.rows} top={0} height={10} columns={layoutColumns(100, 2, 15, hosts)} width={100} focused theme={theme} sort={state.sort} marked={new Set()} born={new Map()} stale={staleHosts(state)} empty="" />,
	);
	const lines = (app.lastFrame() ?? '').split('\n');
	app.unmount();
	const row = (user: string) => lines.find((line) => line.includes(user)) ?? '';
	assert.match(row('user3'), /\u001B\[2m/, 'the failing host\'s session, dimmed');
	assert.doesNotMatch(row('user0'), /\u001B\[2m/, 'a live host\'s session, not dimmed');

	// Grouped by MaxScale, the failing one's group row is dimmed with its sessions.
	const grouped = run(state, {type: 'key', input: 't'}, {type: 'key', input: 't'}, {type: 'key', input: 't'}, {type: 'key', input: 't'});
	assert.equal(grouped.grouping, 'maxscale');
	const byHost = render(
		<SessionTable rows={grouped.rows} top={0} height={10} columns={layoutColumns(100, 2, 15, hosts, 'maxscale')} width={100} focused theme={theme} sort={grouped.sort} marked={new Set()} born={new Map()} stale={staleHosts(grouped)} empty="" />,
	);
	const groupLines = (byHost.lastFrame() ?? '').split('\n');
	byHost.unmount();
	const groupRow = (host: string) => groupLines.find((line) => line.includes(`▾ ${host}`)) ?? '';
	assert.match(groupRow('127.0.0.1:19121'), /\u001B\[2m/, 'the failing MaxScale\'s group row, dimmed');
	assert.doesNotMatch(groupRow('127.0.0.1:19106'), /\u001B\[2m/, 'a live one\'s, not');
});

test("a failing MaxScale's countdown that has run out says the attempt is under way, as the header does", () => {
	let state = watched([]);
	const host = hosts[3]!;
	state = run(state, {type: 'poll-failed', host, error: {kind: 'refused', message: `${host} refused the connection.`}, at: Date.now() - 3000, retryAt: Date.now() - 1000});
	const app = render(<HostLine state={state} now={Date.now()} theme={theme} width={100} />);
	const text = plain(app.lastFrame());
	app.unmount();
	assert.match(text, /^127\.0\.0\.1:19121 STALE \d+s retrying… /);
	assert.doesNotMatch(text, /retry 0s/);
});

test('QA: the count says how many of its rows are a failing MaxScale\'s last good list', async () => {
	const {Header} = await import('../../source/ui/header.js');
	const first = (state: MonitorState) => {
		const app = render(<Header state={state} host="4 MaxScales" theme={theme} width={160} shown={state.sessions.length} />);
		const line = plain(app.lastFrame()).split('\n')[0]!;
		app.unmount();
		return line;
	};

	assert.doesNotMatch(first(watched([])), /stale/);
	assert.match(first(watched([hosts[1]!, hosts[3]!])), /4 sessions \(2 stale\)/);
});
