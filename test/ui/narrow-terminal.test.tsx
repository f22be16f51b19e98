// The screen at 40 columns, the narrowest it draws: what QA found cut or missing there. The
// sort said somewhere, the sparkline with a count, the help wrapped, a kill question and its outcome whole.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {helpBindings} from '../../source/model/keymap.js';
import {legend} from '../../source/model/legend.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {confirmQuestion} from '../../source/model/confirm-question.js';
import type {Session} from '../../source/model/session.js';
import {cellWidth} from '../../source/ui/cell-width.js';
import {outcomeLines, questionLines} from '../../source/ui/status-text.js';
import {Header} from '../../source/ui/header.js';
import {Help} from '../../source/ui/help.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {type} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});
const host = '127.0.0.1:37501';
const services = ['RW-Split-Router', 'Read-Connection-Router', 'Analytics-Service'];

/** The demo's shape after a dozen polls (so ten bars a service): 300 sessions, the counts moving. */
function demo(user = 'user'): MonitorState {
	const sessions: Session[] = Array.from({length: 300}, (_, i) =>
		session(1_990_001 + i, {service: services[i % 3], user: `${user}${i % 7}`, idleSeconds: i % 50, remote: `10.0.${i % 9}.${i % 200}`, port: 40_000 + i}),
	);
	const now = Date.now();
	let state = reducer(initialState(), {type: 'server-info', info: {version: '24.02.3', uptimeSeconds: 8 * 86_400, askedAt: now}});
	for (let poll = 12; poll >= 0; poll--) {
		// Each poll but the last leaves out a few sessions: the counts, and so the bars, move.
		state = reducer(state, {type: 'poll-ok', sessions: sessions.slice(poll % 4), at: now - poll * 2000, latencyMs: 51, bytes: 100});
	}

	return state;
}

/** The frame at a size, after the resize the app sends for it (app.tsx). */
function frame(start: MonitorState, columns: number, rows: number) {
	const size = {columns, rows};
	const first = layoutFor(start, size, idWidthOf(start));
	const state = reducer(start, {type: 'resize', listHeight: first.listHeight, paneHeight: first.paneBodyHeight, paneWidth: Math.max(8, first.paneWidth - 2)});
	const layout = layoutFor(state, size, idWidthOf(state));
	const app = render(<Screen state={state} layout={layout} theme={theme} hostLabel={host} notice={{tone: 'info', text: 'Demo: a simulated MaxScale.'}} />);
	const lines = plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
	app.unmount();
	return {lines, layout};
}

/** `>` until the list sorts by `key`. */
function sortedBy(state: MonitorState, key: string): MonitorState {
	let sorted = state;
	for (let presses = 0; sorted.sort.key !== key; presses++) {
		assert.ok(presses < 12, `no ${key} sort`);
		sorted = type(sorted, '>');
	}

	return sorted;
}

const titlesOf = (lines: string[]) => lines.find((line) => /^ +[▲▼]?Id[▲▼]? +User/.test(line));

test('at 40 columns, sorted by a column the list has no room for, the header says the sort', () => {
	// The sorted column outlasts all but Id, User and Client (columns.ts): names long enough to fill 40 columns.
	const state = sortedBy(demo('reporting'), 'age');
	const {lines, layout} = frame(state, 40, 12);
	const titles = titlesOf(lines);
	assert.ok(titles !== undefined && !/[▲▼]/.test(titles), `the Age column is gone, and its arrow with it:\n${lines.join('\n')}`);
	assert.equal(layout.sortShown, false);
	const arrow = state.sort.descending ? '▼' : '▲';
	assert.match(lines[1]!, new RegExp(`^polled \\d\\d:\\d\\d:\\d\\d in 51ms {2}sort age${arrow}$`), `the sort before the interval:\n${lines.join('\n')}`);
	// Wide enough for the Age column: its title carries the arrow, and the sort gives way first again.
	const wide = frame(state, 90, 12);
	assert.equal(wide.layout.sortShown, true);
	assert.ok(titlesOf(wide.lines)?.includes(`Age${arrow}`) || titlesOf(wide.lines)?.includes(`${arrow}Age`), wide.lines.join('\n'));
	const header = (sortShown: boolean, width = 40) => {
		const app = render(<Header state={state} host={host} theme={theme} width={width} shown={300} sortShown={sortShown} />);
		const line = plain(app.lastFrame()).split('\n')[1]!.trimEnd();
		app.unmount();
		return line;
	};

	assert.doesNotMatch(header(true), /sort/, 'the list shows it: the sort goes first');
	assert.match(header(true), /every 2s$/);
	// At 30 columns, no room for the poll time beside it: the sort stays, which nothing else says.
	assert.equal(header(false, 30), `every 2s  sort age${arrow}`);
	assert.match(header(true, 30), /^polled \d\d:\d\d:\d\d in 51ms$/, 'the list shows it: the poll time first');
});

test('on a terminal too short for the column titles, the header says the sort, whatever the column', () => {
	const {lines, layout} = frame(demo(), 40, 7);
	assert.equal(layout.titles, false);
	assert.equal(titlesOf(lines), undefined);
	assert.match(lines[1]!, /^polled .* {2}sort id▲$/, lines.join('\n'));
	// With the titles back, the Id column's arrow says it, and the interval has the room.
	const tall = frame(demo(), 40, 12).lines;
	assert.match(titlesOf(tall)!, /▲Id/);
	assert.match(tall[1]!, /^polled .* {2}every 2s$/, tall.join('\n'));
});

test('the sparkline at 40 columns shows a service with bars and its count, never a bare name', () => {
	const state = demo();
	const counts = new Map(services.map((service) => [service, state.sessions.filter((s) => s.service === service).length]));
	assert.equal(state.changes.history.get('Analytics-Service')!.length, 13);
	const strip = (width: number) => {
		const app = render(<Header state={state} host={host} theme={theme} width={width} shown={300} />);
		const line = plain(app.lastFrame()).split('\n').at(-1)!.trimEnd();
		app.unmount();
		return line;
	};

	// A whole service with ten bars and "+2 more" takes 42 cells: the bars give two up.
	assert.equal(cellWidth(`Analytics-Service ${'▁'.repeat(10)} 100   +2 more`), 42);
	assert.match(strip(40), /^Analytics-Service [▁-█]{8} 100 {3}\+2 more$/);
	assert.match(strip(42), /^Analytics-Service [▁-█]{10} 100 {3}\+2 more$/);
	// Narrower (a strip is drawn as wide as the screen, so these only check the degrading): the
	// bars go down to three, then the name is cut; the count always shows, whole.
	assert.match(strip(35), /^Analytics-Service [▁-█]{3} 100 {3}\+2 more$/);
	assert.match(strip(30), /^Analytics-S… [▁-█]{3} 100 {3}\+2 more$/);
	for (let width = 20; width <= 160; width++) {
		const line = strip(width);
		assert.ok(cellWidth(line) <= width, `${width}: ${line}`);
		const shown = [...line.matchAll(/(\S+) [▁-█]+ (\d+)/g)];
		assert.ok(shown.length > 0, `${width}: a service with its bars and count: "${line}"`);
		for (const [, name, count] of shown) {
			const service = name!.endsWith('…') ? services.find((candidate) => candidate.startsWith(name!.slice(0, -1))) : name;
			assert.equal(Number(count), counts.get(service!), `${width}: ${name} ${count} in "${line}"`);
		}

		const more = Number(/\+(\d+) more$/.exec(line)?.[1] ?? 0);
		assert.equal(shown.length + more, services.length, `${width}: every service shown or counted: "${line}"`);
	}
});

/** The help as drawn, `height` rows: its lines inside the border. */
function help(width: number, height: number, scroll = 0, readonly = false) {
	const app = render(<Help readonly={readonly} replay={false} width={width} height={height} scroll={scroll} theme={theme} />);
	const lines = plain(app.lastFrame()).split('\n');
	app.unmount();
	assert.equal(lines.length, height);
	for (const line of lines) {
		assert.ok(cellWidth(line) <= width, `${width}: ${line}`);
	}

	return lines.slice(1, -1).map((line) => line.slice(1, -1).trimEnd());
}

test('the help at 40 columns wraps its descriptions under the description column, cuts none', () => {
	for (const readonly of [false, true]) {
		// Tall enough for all of it, the keys and the legend after them: no scrolling.
		const [title, ...lines] = help(40, 200, 0, readonly);
		assert.ok(!title!.includes('…'), title);
		assert.equal(title, readonly ? 'Keys (read-only) · other keys close' : 'Keys · any other key closes this help');
		// Each key, then its description: whole, its words in order over its lines.
		const bindings = helpBindings(readonly);
		// One column for the keys and the legend's labels after them (`Statement` the longest).
		const labelWidth = Math.max(...[...bindings, ...legend].map((entry) => entry.label.length)) + 2;
		let at = 0;
		for (const binding of bindings) {
			while (!lines[at]!.startsWith(` ${binding.label} `)) {
				at++;
			}

			let text = lines[at]!.slice(1 + labelWidth);
			while (lines[at + 1]?.startsWith(' '.repeat(1 + labelWidth))) {
				at++;
				assert.match(lines[at]!, new RegExp(`^ {${1 + labelWidth}}\\S`), `indented under the description column: "${lines[at]}"`);
				text += ` ${lines[at]!.trimStart()}`;
			}

			assert.equal(text, binding.description, binding.label);
		}

		assert.ok(lines.every((line) => !line.includes('…')), lines.join('\n'));
		assert.ok(lines.some((line) => line.startsWith(' '.repeat(1 + labelWidth))), 'some description wrapped at 40');
	}
});

test('the help at 40×12 scrolls through the wrapped lines to the last key; its title stays one line', () => {
	// 40×12: the header's three lines and the footer's two leave the help six rows (layout.ts).
	const first = help(40, 6, 0);
	assert.equal(first.length, 4);
	assert.equal(first[0], 'Keys · ↑↓ scroll · other keys close');
	assert.deepEqual(first.slice(1), ['Move', ' ↓ j        next row; in the pane,', '            scroll down']);
	const last = help(40, 6, 1000);
	// The end is the legend's last sign, after the keys (QA: the help said what keys do, not what the screen means).
	assert.match(last.slice(1).join(' ').replaceAll(/\s+/g, ' '), /STALE in the header: the last poll failed; the rows are the last good ones$/);
	// One line at a time: the second screen starts one line down.
	assert.deepEqual(help(40, 6, 1).slice(1, 3), first.slice(2));
	// Scrolled into a wrapped description, its first line in view names its key (QA: `scroll down` alone).
	assert.equal(help(40, 6, 2)[1], ' ↓ j        scroll down');
	// Wide enough, nothing wraps and the title says it all.
	assert.ok(help(80, 80)[0]!.endsWith('any other key closes this help'));
});

/** The demo with the cursor on a session and `K` pressed: a kill question for it. */
function asking(state = demo(), ...keys: string[]): MonitorState {
	const asked = type(state, 'down', ...keys, 'K');
	assert.equal(asked.mode, 'confirm', asked.message?.text);
	return asked;
}

test('a kill question at 40×12 is read whole: the list gives up rows for it', () => {
	const state = asking();
	const whole = `[y/N] ${confirmQuestion(state.confirm!)}  grace none (0-9)`;
	assert.ok(cellWidth(whole) > 80, 'more than two lines at 40');
	const {lines, layout} = frame(state, 40, 12);
	assert.ok(lines.length <= 11, lines.join('\n'));
	assert.equal(layout.footerHeight, 3);
	const question = lines.slice(-3);
	assert.match(question[0]!, /^\[y\/N\] Kill session \d+/);
	assert.equal(question.join(' '), whole, lines.join('\n'));
	assert.ok(!lines.join('\n').includes('(0-9)…') && !question.some((line) => line.endsWith('…')), 'nothing cut');
	assert.ok(lines.some((line) => line.startsWith('▶')), `the cursor row stays:\n${lines.join('\n')}`);
	// The question answered, the list has its rows back.
	const answered = frame(type(state, 'n'), 40, 12);
	assert.equal(answered.layout.footerHeight, 2);
	assert.equal(answered.layout.listHeight, layout.listHeight + 1);
});

test('marked sessions: the question takes the lines it needs, down to one row of the list; on 40×6 its end is cut', () => {
	const state = asking(demo(), 'space', 'space', 'space', 'space', 'space', 'space');
	assert.equal(state.confirm!.targets.length, 6);
	const whole = `[y/N] ${confirmQuestion(state.confirm!)}  grace none (0-9)`;
	const needed = questionLines(state.confirm!, 40, Number.POSITIVE_INFINITY).length;
	// Whose they are (six users, three services) takes a line of its own at 40 columns.
	assert.equal(needed, 4);
	for (const rows of [6, 7, 8, 10, 12, 24]) {
		const {lines, layout} = frame(state, 40, rows);
		const what = `40×${rows}`;
		assert.ok(lines.length <= rows - 1, `${what}:\n${lines.join('\n')}`);
		assert.equal(layout.footerHeight, rows === 6 ? 2 : Math.min(needed, rows - 4), what);
		assert.equal(layout.listHeight, Math.max(1, rows - 1 - 2 - layout.footerHeight - (layout.sparkline ? 1 : 0) - (layout.titles ? 1 : 0)));
		assert.ok(lines.some((line) => line.startsWith('▶')), `${what}: the cursor row\n${lines.join('\n')}`);
		const question = lines.slice(-layout.footerHeight);
		assert.ok(question.every((line) => cellWidth(line) <= 40), what);
		assert.match(question.at(-1)!, /grace none \(0-9\)$/, `${what}: the grace key stays\n${lines.join('\n')}`);
		if (layout.footerHeight >= needed) {
			assert.equal(question.join(' ').replaceAll(/ +/g, ' '), whole.replaceAll(/ +/g, ' '), `${what}:\n${lines.join('\n')}`);
		}
	}

	// 40×6, the smallest: two header lines, one row of the list, two lines of question, its end cut.
	assert.match(frame(state, 40, 6).lines.at(-1)!, /… {2}grace none \(0-9\)$/);
});

test('a question that fits two lines keeps the footer at two, as before', () => {
	const state = asking();
	assert.equal(frame(state, 80, 24).layout.footerHeight, 2);
	assert.equal(questionLines(state.confirm!, 160, 2).length, 1);
});

/** The marks killed: the first two sessions killed, the rest failed with `error` (two MaxScales' sentences). */
function killedWith(asked: MonitorState, error: string): MonitorState {
	const sent = type(asked, 'y');
	const effect = sent.effects.find((each) => each.kind === 'operation');
	assert.ok(effect?.kind === 'operation');
	const outcomes = effect.targets.map((target, index) => (index < 2 ? {target, ok: true} : {target, ok: false, status: 0, error}));
	return reducer(sent, {type: 'operation-done', seq: effect.seq, operation: 'kill', outcomes, gone: [], unable: {count: 3, hosts: ['maxscale-old-a.example.com:8989', 'maxscale-old-b.example.com:8989']}});
}

test('QA: a kill outcome longer than two lines is read whole, the list giving up rows for it until it fades', () => {
	const error = 'maxscale-b.example.com:8989 did not answer within 10s: MaxScale may be overloaded; raise --timeout if it is just slow.';
	const done = killedWith(asking(demo(), 'space', 'space', 'space', 'space'), error);
	const text = done.message!.text;
	assert.ok(text.endsWith('left out: older than 22.08.'), text);
	assert.ok(cellWidth(text) > 160, 'more than two lines at 80');
	const before = frame(type(done, 'escape'), 80, 24).layout;
	for (const [columns, rows] of [
		[80, 24],
		[120, 40],
		[40, 16],
	] as const) {
		const {lines, layout} = frame(done, columns, rows);
		const what = `${columns}×${rows}`;
		assert.ok(lines.length <= rows - 1, `${what}:\n${lines.join('\n')}`);
		const outcome = lines.slice(-layout.footerHeight);
		assert.equal(outcome.join(' '), text, `${what}:\n${lines.join('\n')}`);
		assert.ok(outcome.every((line) => cellWidth(line) <= columns), what);
		assert.ok(lines.some((line) => line.startsWith('▶')), `${what}: the cursor row stays\n${lines.join('\n')}`);
	}

	const {layout} = frame(done, 80, 24);
	const needed = outcomeLines(text, 80, Number.POSITIVE_INFINITY).length;
	assert.ok(needed > 2);
	assert.equal(layout.footerHeight, needed);
	assert.equal(layout.listHeight, before.listHeight - (needed - 2));
	// Faded, the list has its row back.
	assert.equal(frame({...done, message: undefined}, 80, 24).layout.footerHeight, 2);
	// On a terminal too short for it, the list keeps a row and the sentence's end is cut.
	const short = frame(done, 40, 8);
	assert.ok(short.lines.length <= 7, short.lines.join('\n'));
	assert.match(short.lines.at(-1)!, /…$/);
	// A short outcome keeps the key hints under it.
	const one = killedWith(asking(demo(), 'space', 'space', 'space', 'space'), 'x.');
	assert.equal(frame({...one, message: {...one.message!, text: 'Killed 2 of 4 sessions.'}}, 80, 24).layout.footerHeight, 2);
});

test('a failure longer than two lines at 80 and 60 columns is read whole, what to do included; the list keeps its rows', () => {
	// A 401 without -p, as MaxScale answers it (api/status-errors.ts, config/credentials.ts).
	const sentence = '127.0.0.1:18773 refused the credentials (401 Access denied): check the user "admin" (the default: give -u) and the default password (none was given: give -p).';
	const failed = () => reducer(demo(), {type: 'poll-failed', error: {kind: 'auth', message: sentence}, at: Date.now()});

	for (const columns of [80, 60]) {
		const {lines} = frame(failed(), columns, 24);
		assert.ok(lines.length <= 24);
		const start = lines.findIndex((line) => line.startsWith('127.0.0.1:18773 refused'));
		assert.ok(start > 0, lines.join('\n'));
		const said = lines.slice(start).join(' ');
		assert.ok(said.endsWith('(none was given: give -p).'), `at ${columns}: ${said}`);
		assert.equal(said, sentence, 'the sentence whole, nothing cut');
		assert.ok(lines.filter((line) => /^ +1990\d{3} /.test(line)).length >= 10, 'rows of the list still shown');
	}
});

test('two warnings from the start (a config file others can read, TLS verification off) are read whole at 80 and 60 columns', () => {
	const warnings = [
		'c7.cnf holds a TLS key passphrase and other users can read it (mode 0644): run chmod 600 c7.cnf.',
		'TLS certificate verification is off (-n false): sessiontop cannot tell MaxScale from an impostor, who would get the password.',
	];
	const notice = {tone: 'warn' as const, text: `Warning: ${warnings.join(' ')}`};
	for (const columns of [80, 60]) {
		const size = {columns, rows: 24};
		const first = layoutFor(demo(), size, idWidthOf(demo()), notice);
		const state = reducer(demo(), {type: 'resize', listHeight: first.listHeight, paneHeight: first.paneBodyHeight, paneWidth: Math.max(8, first.paneWidth - 2)});
		const app = render(<Screen state={state} layout={layoutFor(state, size, idWidthOf(state), notice)} theme={theme} hostLabel={host} notice={notice} />);
		const lines = plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
		app.unmount();
		assert.ok(lines.length <= 24);
		const start = lines.findIndex((line) => line.startsWith('Warning: '));
		assert.ok(start > 0, lines.join('\n'));
		assert.equal(lines.slice(start).filter(Boolean).join(' '), notice.text, `at ${columns}: the two whole, nothing cut`);
	}
});
