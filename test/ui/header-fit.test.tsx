// The header at narrow terminals: items dropped whole by priority, never cut mid-item
// (a count cut to "started 2…" reads as another count).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {sessionCount} from '../../source/model/rows.js';
import type {Session} from '../../source/model/session.js';
import {Header} from '../../source/ui/header.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {run, type} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});
const services = ['RW-Split-Router', 'Read-Connection-Router', 'Analytics-Service'];
const host = '127.0.0.1:37501';

/** The demo's shape: 300 sessions, 298 started and 2 stopping, two polls (so rates), MaxScale up 8 days. */
function demo(): MonitorState {
	const sessions: Session[] = Array.from({length: 300}, (_, i) =>
		session(i + 1, {service: services[i % 3], state: i < 2 ? 'Stopping session' : 'Session started', user: 'app'}),
	);
	const now = Date.now();
	return run(
		initialState(),
		{type: 'server-info', info: {version: '24.02.3', uptimeSeconds: 8 * 86_400 + 11 * 3600, askedAt: now}},
		{type: 'poll-ok', sessions: sessions.slice(1), at: now - 2000, latencyMs: 18, bytes: 100},
		{type: 'poll-ok', sessions, at: now, latencyMs: 18, bytes: 100},
		{type: 'resize', listHeight: 20, paneHeight: 10, paneWidth: 60},
	);
}

const header = (state: MonitorState, width: number, label = host) => {
	const shown = state.filter.test === undefined ? state.sessions.length : 0;
	const app = render(<Header state={state} host={label} theme={theme} width={width} shown={shown} />);
	const lines = plain(app.lastFrame()).split('\n');
	app.unmount();
	return lines.map((line) => line.trimEnd());
};

/** Every "state N" the line shows, checked against the real count: a cut count would differ. */
function assertCountsWhole(line: string) {
	for (const [, name, count] of line.matchAll(/\b(started|stopping) (\d+)\b/g)) {
		assert.equal(count, name === 'started' ? '298' : '2', `${name} ${count} in "${line}"`);
	}
}

test('header line 1 at 80 columns: whole items only, the session count always', () => {
	const [line] = header(demo(), 80);
	assert.equal(line, `sessiontop ${host}  300 sessions  started 298  stopping 2  +0.5/s −0/s`);
	assertCountsWhole(line!);
});

test('header line 1 drops the version, then the uptime, then the rates, then the counts by state (as a run): what moves stays longest', () => {
	const state = demo();
	const full = `sessiontop ${host}  MaxScale 24.02.3  up 8d11h  300 sessions  started 298  stopping 2  +0.5/s −0/s`;
	assert.equal(header(state, 120)[0], full, 'no closing at all: −0, not a negative zero −0.0');
	// One cell short: the version goes whole, then the uptime, then the rates.
	const noVersion = full.replace('  MaxScale 24.02.3', '');
	assert.equal(header(state, full.length - 1)[0], noVersion);
	const noUptime = noVersion.replace('  up 8d11h', '');
	assert.equal(header(state, noVersion.length - 1)[0], noUptime);
	// The rates gone, the uptime, shorter, takes their place while it fits.
	assert.equal(header(state, noUptime.length - 1)[0], noUptime.replace('  300 sessions', '  up 8d11h  300 sessions').replace('  +0.5/s −0/s', ''));
	const noRates = noUptime.replace('  +0.5/s −0/s', '');
	assert.equal(header(state, noRates.length + 5)[0], noRates);
	// Room for "started 298" but not "stopping 2": the first count only.
	const started = `sessiontop ${host}  300 sessions  started 298`;
	assert.equal(header(state, started.length + 5)[0], started);
	for (const width of [40, 50, 60, 70, 79, 80, 81, 90, 100, 110]) {
		const line = header(state, width)[0]!;
		assert.ok(line.length <= width, `${width}: ${line}`);
		assert.doesNotMatch(line, /…/, `${width}: nothing cut`);
		assert.match(line, /^sessiontop 127\.0\.0\.1:37501 .*300 sessions/, `${width}: the name, the host and the count`);
		assertCountsWhole(line);
	}

	assert.equal(header(state, 80)[0], noUptime, 'at 80 columns: the counts by state and the churn');
	assert.equal(header(state, 50)[0], `sessiontop ${host}  up 8d11h  300 sessions`, 'no room for a count by state: the uptime, shorter, still fits');
	assert.equal(header(state, 45)[0], `sessiontop ${host}  300 sessions`);
});

test('a host too long for the line is shortened so that the session count still shows', () => {
	const [line] = header(demo(), 40, 'maxscale-primary.eu-west-1.db.example.com:8989');
	assert.ok(line!.length <= 40, line);
	// Cut before its port, not through it: two MaxScales on one host differ only there.
	assert.match(line!, /^sessiontop maxscale-\S*…:8989 {2}300 sessions$/);
	assert.equal(line!.length, 40, 'the host takes the room there is');
	assert.match(header(demo(), 36, '127.0.0.1:42921')[0]!, /^sessiontop 127\.…:42921 {2}300 sessions$/);
});

test('header line 2: group goes first, then sort, then the interval, then when it polled', () => {
	const state = demo();
	const full = header(state, 120)[1]!;
	assert.match(full, /^polled \d\d:\d\d:\d\d in 18ms {2}every 2s {2}sort id▲ {2}group service › state$/);
	assert.equal(header(state, 64)[1], full.replace('  group service › state', ''));
	assert.equal(header(state, 40)[1], full.replace('  sort id▲  group service › state', ''));
	assert.equal(header(state, 30)[1], full.replace('  every 2s  sort id▲  group service › state', ''));
	for (const width of [20, 30, 40, 50, 60, 70, 80]) {
		const line = header(state, width)[1]!;
		assert.ok(line.length <= width && !line.includes('…'), `${width}: ${line}`);
	}
});

test('header line 2 keeps PAUSED, the marks and the filter at any width; only the filter text is shortened', () => {
	const filter = 'user:app_with_a_very_long_name_that_goes_on_and_on';
	const state = type(demo(), 'space', 'p', '/', ...filter, 'return');
	const wide = header(state, 160)[1]!;
	assert.match(wide, /^ PAUSED {2}● 1 marked.* {2}filter user:app_with_a_very_long_name_that_goes_on_and_on$/);
	for (const width of [60, 80, 100]) {
		const line = header(state, width)[1]!;
		assert.ok(line.length <= width, `${width}: ${line}`);
		// At 60 the marks say it in fewer words, leaving the filter its first cells (header-marks.test.tsx).
		assert.match(line, width >= 80 ? /^ PAUSED {2}● 1 marked \(1 hidden by the filter\) {2}filter / : /^ PAUSED {2}● 1 marked \(1 hidden\) {2}filter user:app_/, `${width}: ${line}`);
		assert.match(line, width >= 80 ? /filter user:app_\S*…$/ : /filter \S*…$/, `${width}: the filter, shortened to the room left`);
		assert.doesNotMatch(line, /group|sort|every|polled/, `${width}: those went first`);
	}
});

test('NO DATA and the retry countdown stay at 40 columns; the rest gives way', () => {
	const failed = reducer(initialState(), {type: 'poll-failed', error: {kind: 'network', message: 'Connection refused'}, at: Date.now(), retryAt: Date.now() + 4000});
	const line = header(failed, 40)[1]!;
	assert.match(line, /^NO DATA {2}retry in [34]s {2}no list yet/);
	assert.ok(line.length <= 40 && !line.includes('…'), line);
	assert.match(header(failed, 22)[1]!, /^NO DATA {2}retry in [34]s$/);
});

/** Four MaxScales, the first answering, the others refusing. */
function fourHosts(): MonitorState {
	const hosts = ['127.0.0.1:9921', '127.0.0.1:9', '127.0.0.1:8', '127.0.0.1:7'];
	const now = Date.now();
	let state = initialState({hosts});
	state = reducer(state, {type: 'server-info', host: hosts[0], info: {version: '24.02.3', askedAt: now}});
	state = reducer(state, {type: 'poll-ok', host: hosts[0], sessions: [session(1, {host: hosts[0]})], at: now, latencyMs: 9, bytes: 10});
	for (const [index, failing] of hosts.slice(1).entries()) {
		state = reducer(state, {type: 'poll-failed', host: failing, error: {kind: 'network', message: `${failing} refused the connection.`}, at: now + index});
	}

	return state;
}

test('the host line drops whole hosts, counted at the end, the failing ones kept first, and versions before any host', () => {
	const state = fourHosts();
	const wide = header(state, 160, '4 MaxScales')[1]!;
	assert.equal(wide, '127.0.0.1:9921 ok 9ms 24.02.3   127.0.0.1:9 NO DATA   127.0.0.1:8 NO DATA   127.0.0.1:7 NO DATA');
	assert.equal(header(state, 90, '4 MaxScales')[1], '127.0.0.1:9921 ok 9ms   127.0.0.1:9 NO DATA   127.0.0.1:8 NO DATA   127.0.0.1:7 NO DATA', 'the version gives way first');
	// Not all fit: the MaxScales down first, so that none hides in the count.
	assert.equal(header(state, 86, '4 MaxScales')[1], '127.0.0.1:9 NO DATA   127.0.0.1:8 NO DATA   127.0.0.1:7 NO DATA   +1 more');
	assert.equal(header(state, 60, '4 MaxScales')[1], '127.0.0.1:9 NO DATA   127.0.0.1:8 NO DATA   +2 more');
	assert.equal(header(state, 30, '4 MaxScales')[1], '127.0.0.1:9 NO DATA   +3 more', 'the first host always, and the count when it fits');
	for (const width of [21, 30, 40, 60, 70, 90]) {
		const line = header(state, width, '4 MaxScales')[1]!;
		assert.ok(line.length <= width && !line.includes('…'), `${width}: ${line}`);
		assert.doesNotMatch(line, /127\.0\.0\.1:\d*$|NO$|NO D$/, `${width}: no host cut`);
	}
});

test('the screen at 80×24: the header and the footer fit, whole', () => {
	const state = demo();
	const size = {columns: 80, rows: 24};
	const app = render(<Screen state={state} layout={layoutFor(state, size, idWidthOf(state))} theme={theme} hostLabel={host} notice={{tone: 'info', text: 'Demo: a simulated MaxScale 24.02 on 127.0.0.1:37501 with 300 sessions and churn.'}} />);
	const lines = plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
	app.unmount();
	assert.equal(lines[0], `sessiontop ${host}  300 sessions  started 298  stopping 2  +0.5/s −0/s`);
	assert.match(lines[1]!, /^polled \d\d:\d\d:\d\d in 18ms {2}every 2s {2}sort id▲ {2}group service › state$/);
	const hints = lines.at(-1)!;
	assert.match(hints, /^ Enter {2}details {2}\/ {2}filter {2}<> {2}sort {2}K {2}kill {2}p {2}pause {2}\? {2}help {2}q {2}quit$/);
	assert.ok(lines.every((line) => line.length <= 80));
});

test("the sparkline strip shows whole services, each with its real count, and counts the rest", () => {
	const state = demo();
	const counts = new Map(services.map((service) => [service, String(state.sessions.filter((s) => s.service === service).length)]));
	for (let width = 20; width <= 160; width += 3) {
		const strip = header(state, width).at(-1)!;
		assert.ok(strip.length <= width, `${width}: ${strip}`);
		for (const [, service, count] of strip.matchAll(/([\w-]+) [▁-█]+ (\d+)/g)) {
			assert.equal(count, counts.get(service!), `${width}: ${service} ${count} in "${strip}"`);
		}

		const shown = [...strip.matchAll(/([\w-]+) [▁-█]+ \d+/g)].length;
		const more = /\+(\d+) more$/.exec(strip)?.[1];
		assert.equal(shown + Number(more ?? 0) + (shown === 0 ? 1 : 0), services.length, `${width}: every service shown or counted: "${strip}"`);
	}

	assert.equal(header(state, 80).at(-1), 'Analytics-Service ▁▁ 100   RW-Split-Router ▁▂ 100   +1 more');
});

test('QA: a long history shortens every service\'s bars alike before a service goes to +N more', () => {
	const base = demo();
	const four = ['Analytics-Service', 'RW-Split-Router', 'Read-Connection-Router', 'Sharded-Service'];
	const history = new Map(four.map((service, index) => [service, Array.from({length: 30}, (_, poll) => 40 + index * 20 + (poll % 5))]));
	const state: MonitorState = {...base, changes: {...base.changes, history}};
	const barsOf = (strip: string) => [...strip.matchAll(/[\w-]+ ([▁-█]+) \d+/g)].map((match) => match[1]!.length);
	// At 120 columns the four with ten bars each need 133 cells: fewer bars, all four.
	const wide = header(state, 120).at(-1)!;
	assert.doesNotMatch(wide, /more/, wide);
	const bars = barsOf(wide);
	assert.equal(bars.length, 4, wide);
	assert.ok(bars.every((count) => count === bars[0] && count >= 3 && count < 10), wide);
	assert.ok(wide.length <= 120);
	// The longest bars that fit: one more each would not.
	assert.ok(wide.length + 4 > 120, wide);
	// With room for all at full length, full length.
	assert.deepEqual(barsOf(header(state, 159).at(-1)!), [10, 10, 10, 10]);
	// Too narrow for four even at three bars: as many as fit, counted.
	const narrow = header(state, 80).at(-1)!;
	assert.match(narrow, /\+\d more$/, narrow);
	assert.ok(barsOf(narrow).every((count) => count >= 3), narrow);
});

test('under a filter, the counts by state are those of the sessions it shows', () => {
	// The demo's 300: 298 started, 2 stopping; the filter keeps the 298 started.
	let state = type(demo(), '/', ...'!state:stop', 'return');
	assert.equal(state.filter.error, undefined);
	// Grouped (a service collapsed: its sessions still count), by service, user, client, and flat.
	for (const [grouping, keys] of [['service-state', ['c']], ['service', ['t']], ['user', ['t']], ['client', ['t']], ['flat', ['t']]] as const) {
		state = type(state, ...keys);
		assert.equal(state.grouping, grouping);
		const shown = sessionCount(state.rows);
		const app = render(<Header state={state} host={host} theme={theme} width={120} shown={shown} />);
		const line = plain(app.lastFrame()).split('\n')[0]!;
		app.unmount();
		assert.match(line, /298 of 300 sessions {2}started 298 {2}\+/, `${grouping}: ${line}`);
		assert.doesNotMatch(line, /stopping/, grouping);
	}

	assert.ok(state.rows.length > 0);
});

test('a countdown that has run out says the attempt is under way, not "retry in 0s"', () => {
	const failed = reducer(initialState(), {type: 'poll-failed', error: {kind: 'network', message: 'Connection refused'}, at: Date.now() - 5000, retryAt: Date.now() - 1000});
	assert.match(header(failed, 80)[1]!, /^NO DATA {2}retrying… {2}no list yet/);
});

test('QA: the sparkline row, blank while a MaxScale watched has never answered, says why; once all have, the services', () => {
	const waiting = header(fourHosts(), 120, '4 MaxScales');
	assert.equal(waiting.at(-1), "the services' sparklines start once every MaxScale has answered");
	assert.equal(header(fourHosts(), 50, '4 MaxScales').at(-1), 'sparklines: once every MaxScale answers');
	// One MaxScale, before its first answer: nothing to wait for but it, and the line stays blank.
	assert.equal(header(initialState(), 120).at(-1), '');
	assert.match(header(demo(), 120).at(-1)!, /^Analytics-Service /);
});
