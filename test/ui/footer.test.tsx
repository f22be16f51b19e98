import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {keyHint, type HintSituation} from '../../source/model/keymap.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {confirmQuestion} from '../../source/model/confirm-question.js';
import type {Confirm} from '../../source/model/operations.js';
import {summarize} from '../../source/model/outcome.js';
import {startNotice, type Notice} from '../../source/model/status-line.js';
import {Footer} from '../../source/ui/footer.js';
import {failureLines, statusLines} from '../../source/ui/status-text.js';
import {cellWidth} from '../../source/ui/cell-width.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

const refused = '127.0.0.1:7411 refused the connection: is MaxScale running with its REST API (admin_host, admin_port) there?';
const failed = reducer(initialState(), {type: 'poll-failed', error: {kind: 'network', message: refused}, at: 1});
const theme = themeFor({NO_COLOR: '1'});
const footer = (width: number, notice?: string, state = failed) =>
	plain(render(<Footer state={state} notice={notice === undefined ? undefined : {tone: 'info', text: notice}} theme={theme} width={width} />).lastFrame());

test('a failure too long for the line takes the hints\' line too, cut between words', () => {
	const lines = footer(80).split('\n');
	assert.equal(lines.length, 2);
	assert.equal(`${lines[0]!.trimEnd()} ${lines[1]!.trimEnd()}`, refused, 'the whole sentence, what to do included');
	assert.ok(lines.every((line) => line.length <= 80));
	assert.doesNotMatch(footer(80), /quit/, 'no hints meanwhile');
	// Wide enough: one line, and the hints under it.
	const wide = footer(120).split('\n');
	assert.equal(wide[0]!.trimEnd(), refused);
	assert.match(wide[1]!, /quit/);
});

test('a note stays on one line over the hints, and only two lines ever', () => {
	const note = 'Demo: a simulated MaxScale 24.02 on 127.0.0.1:41643 with 300 sessions and churn, and a long tail.';
	const lines = footer(60, note, initialState()).split('\n');
	assert.equal(lines.length, 2);
	assert.match(lines[0]!, /^Demo: .*…$/);
	assert.match(lines[1]!, /help/);
	const [first, second] = statusLines('x'.repeat(300), 40);
	assert.equal(first, 'x'.repeat(40), 'no space: cut at the width');
	assert.equal(second, `${'x'.repeat(39)}…`);
	// Never half an emoji at the break (the hostile screen test found it).
	const [emojiFirst, emojiSecond] = statusLines(`${'x'.repeat(9)}${'😀'.repeat(10)}`, 10);
	assert.equal(emojiFirst, 'x'.repeat(9));
	assert.equal(emojiSecond, `${'😀'.repeat(4)}…`);
	// QA: a kill's outcome broke inside the client's port (`10.0.7.6:609` / `90,`): after the user's @ instead.
	assert.deepEqual(statusLines('Killed session 107 (airflow_etl_batch_user_prod@10.0.7.6:60990, Analytics-Service).', 60), [
		'Killed session 107 (airflow_etl_batch_user_prod@',
		'10.0.7.6:60990, Analytics-Service).',
	]);
	assert.deepEqual(statusLines('Killed session 11 (svc_customer_notification_dispatcher@[fd12:3456:789a:1::22]:39042, RW-Split-Router).', 80), [
		'Killed session 11 (svc_customer_notification_dispatcher@',
		'[fd12:3456:789a:1::22]:39042, RW-Split-Router).',
	]);
});

const render80 = (state: MonitorState, width: number, notice?: Notice) =>
	plain(render(<Footer state={state} notice={notice} theme={theme} width={width} />).lastFrame())
		.split('\n')
		.map((line) => line.trimEnd());
/** The hints a line shows, by their labels, in order. */
const hintsOf = (line: string, situation: HintSituation) => keyHint(situation).filter(({label, text}) => line.includes(` ${label}  ${text}`)).map(({label}) => label);

test('the key hints fit the width: whole hints, help and quit always, in their order', () => {
	const list = start([session(1)]);
	const all = keyHint('list').map(({label}) => label);
	assert.deepEqual(hintsOf(render80(list, 120)[1]!, 'list'), all, 'all of them at 120');
	const at80 = render80(list, 80)[1]!;
	assert.equal(at80, ' Enter  details  /  filter  <>  sort  K  kill  p  pause  ?  help  q  quit', 'the arrows go first');
	for (const width of [30, 40, 50, 60, 70, 80, 90]) {
		const line = render80(list, width)[1]!;
		assert.ok(line.length <= width, `${width}: ${line}`);
		assert.match(line, /\? {2}help {2}q {2}quit$/, `${width}: help and quit always`);
		const shown = hintsOf(line, 'list');
		assert.deepEqual(shown, all.filter((label) => shown.includes(label)), `${width}: in order`);
		// Whole hints only: the line is made of shown hints and nothing else.
		assert.equal(line, shown.map((label) => ` ${label}  ${keyHint('list').find((hint) => hint.label === label)!.text}`).join(' '), `${width}: nothing cut`);
	}

	assert.equal(render80(list, 40)[1], ' Enter  details  ?  help  q  quit');
	const pane = {...list, pane: {...list.pane, open: true}, focus: 'pane' as const};
	// In the pane q closes it (as in less): always named, as quit is in the list.
	assert.equal(render80(pane, 36)[1], ' y  copy  ?  help  q  close', 'in the pane: close and copy before focus and scroll');
	assert.equal(render80(pane, 45)[1], ' Tab  to list  y  copy  ?  help  q  close', 'a shorter hint takes the room a longer one left');
});

test('the hints follow the focus and the row: the list moves, the pane scrolls, Enter toggles a group', () => {
	// Grouped: the cursor starts on the first session; Home takes it to its service's row.
	const onSession = start([session(1, {service: 'rw'}), session(2, {service: 'rw'})]);
	const grouped = type(onSession, 'home');
	const withPane = type(onSession, 'return');
	const paneFocused = type(withPane, 'tab');
	const groupWithPane = type(withPane, 'home');
	const cases: Array<[string, MonitorState, HintSituation, string]> = [
		['a group row', grouped, 'group', ' ↑↓  move  Enter  toggle  /  filter  <>  sort  Space  mark all  p  pause  ?  help  q  quit'],
		['a session row', onSession, 'list', ' ↑↓  move  Enter  details  /  filter  <>  sort  K  kill  p  pause  ?  help  q  quit'],
		// The pane open, the list focused: the keys move the list (PgDn too), Tab reaches the pane.
		['the pane open, the list focused', withPane, 'list-pane', ' ↑↓  move  Tab  to pane  z  zoom  y  copy  /  filter  ?  help  q  close'],
		['a group row beside the pane', groupWithPane, 'group-pane', ' ↑↓  move  Enter  toggle  Tab  to pane  /  filter  ?  help  q  close'],
		['the pane focused', paneFocused, 'pane', ' ↑↓ PgDn  scroll  /  search  Tab  to list  z  zoom  y  copy  ?  help  q  close'],
		// Zoomed (z): the list hidden, z brings it back.
		['the pane zoomed', type(withPane, 'z'), 'zoomed', ' ↑↓ PgDn  scroll  /  search  z  unzoom  y  copy  ?  help  q  close'],
		// Searching the pane: n and N are text in the prompt, and the hint says what they do after.
		['the pane searched', type(paneFocused, '/'), 'search', ' Enter  keep (n N: next, before)  Esc  clear  ↑↓  scroll'],
		// No rows: nothing to open, mark or kill.
		['no sessions', start([]), 'empty', ' r  poll now  /  filter  p  pause  ?  help  q  quit'],
		['a filter that hides them all', type(onSession, '/', ...'nobody', 'return'), 'filtered-out', ' Esc  clear filter  /  edit filter  p  pause  ?  help  q  quit'],
		// QA: the pane open over a filter that hides them all: q and Esc close the pane first.
		['the pane open, a filter hiding them all', type(withPane, '/', ...'nobody', 'return'), 'list-pane', ' ↑↓  move  Tab  to pane  z  zoom  y  copy  /  filter  ?  help  q  close'],
		// The help takes every key: q there closes it, it does not quit.
		['the help open', type(onSession, '?'), 'help', ' ↑↓ PgDn  scroll  any other key  close  Ctrl-C  quit'],
	];
	for (const [name, state, situation, hints] of cases) {
		assert.equal(state.pane.open, situation.endsWith('pane') || situation === 'zoomed' || situation === 'search', name);
		assert.equal(render80(state, 120)[1], hints, name);
		assert.deepEqual(hintsOf(hints, situation), keyHint(situation).map(({label}) => label), `${name}: all of ${situation}'s hints`);
	}

	assert.doesNotMatch(render80(withPane, 120)[1]!, /scroll/, 'PgDn moves the list while it has the focus');
});

test('a warning from the start (TLS verification off) is shown whole, on two lines; a note stays on one', () => {
	const warning = 'Warning: TLS certificate verification is off (-n false): sessiontop cannot tell MaxScale from an impostor, who would get the password.';
	const lines = render80(initialState(), 80, {tone: 'warn', text: warning});
	assert.equal(lines.length, 2);
	assert.equal(`${lines[0]} ${lines[1]}`, warning);
	const note = render80(initialState(), 80, {tone: 'info', text: warning});
	assert.match(note[0]!, /^Warning: .*…$/);
	assert.match(note[1]!, /quit/);
});

/** MaxScales db1 to dbN: db1 answers, the others refuse, the last of them latest. */
function failing(count: number): MonitorState {
	const hosts = Array.from({length: count}, (_, i) => `db${i + 1}.example.com:8989`);
	let state = initialState({hosts});
	state = reducer(state, {type: 'poll-ok', host: hosts[0], sessions: [], at: 1, latencyMs: 3, bytes: 10});
	for (const [index, host] of hosts.slice(1).entries()) {
		const message = `${host} refused the connection: is MaxScale running with its REST API (admin_host, admin_port) there?`;
		state = reducer(state, {type: 'poll-failed', host, error: {kind: 'network', message}, at: 10 + index});
	}

	return state;
}

test('several MaxScales failing: the latest failure, then which others are failing', () => {
	const latest = 'db3.example.com:8989 refused the connection: is MaxScale running with its REST API (admin_host, admin_port) there?';
	const wide = render80(failing(3), 160);
	assert.equal(wide[0], `${latest} (also failing: db2.example.com:8989)`);
	// At 80: two lines, the sentence whole and the other host named.
	const at80 = render80(failing(3), 80);
	assert.equal(at80.length, 2);
	assert.equal(`${at80[0]} ${at80[1]}`, `${latest} (also failing: db2.example.com:8989)`);
	// At 120 the sentence fills the first line: the other hosts take the second, whole.
	assert.deepEqual(render80(failing(4), 120), [latest.replace('db3', 'db4'), '(also failing: db2.example.com:8989, db3.example.com:8989)']);
	// Only one failing: the sentence alone.
	assert.doesNotMatch(render80(failing(2), 160).join('\n'), /also failing|other/);
	// Many: as many named as fit, then how many more.
	const many = render80(failing(8), 80);
	assert.equal(many.length, 2);
	assert.match(many[1]!, /\(also failing: db2\.example\.com:8989(, db\d\.example\.com:8989)* \+\d more\)$/);
	const named = many[1]!.match(/db\d/g)!.length;
	assert.match(many[1]!, new RegExp(`\\+${6 - named} more\\)$`), 'the named and the more make the six others');
});

test('failureLines: the sentence whole first; when not even it fits the lines there are, the count goes first, then its end', () => {
	const sentence = 'The certificate of db1:8989 does not match its name: connect by a name it holds or give MaxScale a certificate for db1; turning verification off with -n false is the last resort.';
	const [first, second] = failureLines(sentence, ['db2:8989', 'db3:8989'], 80);
	assert.ok(first!.length <= 80 && second !== undefined && second.length <= 80);
	// Two lines only (a short terminal): as much of what to do as fits, not the count (QA: the count kept, the advice cut).
	assert.match(second!, /…$/);
	assert.doesNotMatch(second!, /other MaxScales failing/);
	// With the lines it needs (layout.ts gives them), whole, the count after it.
	assert.equal(failureLines(sentence, ['db2:8989', 'db3:8989'], 80, 3).join(' '), `${sentence} (2 other MaxScales failing)`);
	assert.deepEqual(failureLines('Refused by db1.', ['db2'], 80), ['Refused by db1. (also failing: db2)']);
	assert.deepEqual(failureLines('Refused by db1.', [], 80), ['Refused by db1.']);
	// Whole alone but not with the count after it: the count goes (the host line names them), not the advice.
	const advice = `db1:8989 answered 500 to the request for the session list (${'x'.repeat(20)} ${'y'.repeat(20)}): MaxScale failed on it; see its log (it may be restarting).`;
	const lines = failureLines(advice, ['db2:8989'], 100);
	assert.equal(lines.length, 2);
	assert.match(lines[1]!, /see its log \(it may be restarting\)\.$/);
});

test('a kill question too long for the line is shown whole on two lines, the grace key with it', () => {
	const confirm: Confirm = {operation: 'kill', targets: [{key: '70', id: '70', host: '', user: 'etl_loader', client: '172.16.30.4:36406', service: 'Analytics-Service'}], hidden: 1, ttl: ''};
	const state: MonitorState = {...initialState(), mode: 'confirm', confirm};
	const lines = render80(state, 80);
	assert.equal(lines.length, 2);
	assert.match(lines[0]!, /^\[y\/N\] Kill session 70 /);
	assert.match(lines[1]!, /filter\? {2}grace none \(0-9\)$/, 'the end of the question, then the grace and its key');
	assert.equal(`${lines[0]} ${lines[1]}`, `[y/N] ${confirmQuestion(confirm)}  grace none (0-9)`);
	assert.ok(lines.every((line) => line.length <= 80));
	assert.doesNotMatch(lines.join('\n'), /…/, 'nothing cut');
	// Wide enough: one line, and the hints under it.
	const wide = render80(state, 140);
	assert.match(wide[0]!, /hidden by the filter\? {2}grace none$/);
	assert.match(wide[1]!, /grace seconds/);
	// Past a minute, the seconds typed are said as a time too (QA: `grace 999999s`).
	assert.match(render80({...state, confirm: {...confirm, ttl: '45'}}, 140)[0]!, /grace 45s$/);
	assert.match(render80({...state, confirm: {...confirm, ttl: '999999'}}, 140)[0]!, /grace 999999s \(11d13h\)$/);
});

test('a sentence with wide characters is laid out in cells: no line wider than the terminal', () => {
	// A MaxScale named in CJK (two cells a character): by UTF-16 length each line would hold twice what fits.
	const sentence = 'Cannot reach 東京データベース主サーバー:8989 (connection refused): check that MaxScale runs and its REST API listens there.';
	for (const width of [30, 40, 50, 60, 80]) {
		const lines = statusLines(sentence, width, '  (also failing: 大阪:8989)');
		for (const line of lines) {
			assert.ok(cellWidth(line) <= width, `${width}: ${line} is ${cellWidth(line)} cells`);
		}

		assert.ok(lines[0].startsWith('Cannot reach'), `${width}: ${lines[0]}`);
	}

	// Broken at a space that leaves the first line more than half full, measured in cells.
	assert.deepEqual(statusLines('サーバーです 東京データ', 16), ['サーバーです', '東京データ']);
	// An info note (one line) is cut in cells too.
	const note = render80(initialState(), 30, {text: '東京データベース主サーバーに接続しています', tone: 'info'})[0]!;
	assert.ok(cellWidth(note) <= 30 && note.endsWith('…'), note);
});

test('QA: once read (three polls, five seconds), a warning from the start keeps one line and the hints come back', () => {
	const warning = 'Warning: TLS certificate verification is off (-n false): sessiontop cannot tell MaxScale from an impostor, who would get the password.';
	const poll = (state: MonitorState, at: number) => reducer(state, {type: 'poll-ok', sessions: [], at, latencyMs: 1, bytes: 1});
	let state = poll(reducer(initialState(), {type: 'polling-started', at: 1000}), 1500);
	assert.equal(render80(state, 80, {tone: 'warn', text: warning}).join(' '), warning, 'whole at first');
	state = poll(poll(poll(state, 3500), 5500), 7500);
	const read = render80(state, 80, {tone: 'warn', text: warning});
	assert.match(read[0]!, /^Warning: TLS certificate verification is off .*…$/);
	assert.match(read[1]!, /\? {2}help .*q {2}quit$/);
});

test('a warning with a note after it: both when they fit two lines whole, else the warning whole alone', () => {
	const notice: Notice = {
		tone: 'warn',
		text: 'Warning: --demo watches its own simulated MaxScale, so --hosts and --user are ignored: leave out --demo to watch yours.',
		more: 'Demo: a simulated MaxScale 24.02 on 127.0.0.1:41643 with 300 sessions and churn.',
	};
	const narrow = render80(initialState(), 80, notice);
	assert.equal(narrow.slice(0, 2).join(' '), notice.text, 'the warning, whole, over two lines; no cut note');
	const wide = render80(initialState(), 160, notice);
	assert.equal(wide.slice(0, 2).join(' '), `${notice.text} ${notice.more}`);
	assert.ok(!wide.join('\n').includes('…'));
});

test('on a MaxScale known to be older than 22.08 the hints leave K out; on one of unknown or newer version they keep it', () => {
	const hints = (version: string | undefined) => {
		const sessions = start([session(1)]);
		const state = version === undefined ? sessions : reducer(sessions, {type: 'server-info', info: {version, askedAt: 0}});
		return render80(state, 120)[1]!;
	};

	assert.doesNotMatch(hints('6.4.15'), / K {2}kill/);
	assert.match(hints('24.02.3'), / K {2}kill/);
	assert.match(hints(undefined), / K {2}kill/, 'not known yet: kept');
});

test('paused, the hints say p resumes; on a group row, Space marks it all (K acts on sessions)', () => {
	const state = start([session(1), session(2)]);
	assert.match(render80(state, 100).join('\n'), / p {2}pause /);
	assert.match(render80(type(state, 'p'), 100).join('\n'), / p {2}resume /);
	const onGroup = type(state, 'home');
	assert.equal(onGroup.rows[0]?.key, onGroup.selectedId);
	const hints = render80(onGroup, 100).join('\n');
	assert.match(hints, / Space {2}mark all /);
	assert.doesNotMatch(hints, / K {2}kill /);
});

test('a grace period never wraps between its number and its unit', () => {
	const text = summarize('kill', [{target: {key: '3', id: '3', host: '', user: 'app', client: '10.0.0.1:5000', service: 'RW'}, ok: true}], [], 30);
	for (let width = 20; width <= 80; width++) {
		const lines = statusLines(text, width);
		assert.ok(lines.every((line, i) => !(/\d$/.test(line) && /^s\b/.test(lines[i + 1] ?? ''))), `${width}: ${lines.join(' | ')}`);
	}
});

test('a time zone\'s note is read whole, its flag included, on the hints\' line if need be (QA: cut at 120 columns)', () => {
	const tokyo = 9 * 3_600_000;
	const polled = (state: MonitorState) =>
		reducer(state, {type: 'poll-ok', host: 'a', sessions: [session(1, {ageSeconds: 60, idleSeconds: 30})], at: 2000, latencyMs: 5, bytes: 100, aheadMs: tokyo});
	const state = polled(reducer(initialState(), {type: 'resize', listHeight: 20, paneHeight: 20, paneWidth: 40}));
	assert.equal(state.message?.advice, true, state.message?.text);
	for (const width of [80, 120]) {
		const lines = plain(render(<Footer state={state} theme={theme} width={width} />).lastFrame()).split('\n');
		assert.equal(lines.length, 2);
		assert.equal(`${lines[0]!.trimEnd()} ${lines[1]!.trimEnd()}`, state.message!.text, `the whole note at ${width}`);
		assert.match(lines[1]!, /--server-tz=.*\)\.$/);
	}
});

test('the notice from the start is sanitized on the way to the terminal: warnings and notes quote what the user typed', () => {
	const shown = (notice: Notice) => plain(render(<Footer state={initialState()} notice={notice} theme={theme} width={200} />).lastFrame()).split('\n')[0]!;
	const notice = startNotice(['/tmp/a\u001B[2J.cnf holds a password.'], ['Recording every poll to r\u001B]0;T\u0007.json.'])!;
	assert.equal(shown(notice).trimEnd(), 'Warning: /tmp/a\uFFFD[2J.cnf holds a password. Recording every poll to r\uFFFD]0;T\uFFFD.json.');
	assert.equal(shown(startNotice([], ['Demo \u009B2J'])!).trimEnd(), 'Demo \uFFFD2J');
});

test('QA: a search kept in the pane names n N before the arrows at 80 columns, zoomed or not', () => {
	const searched = type(start([session(1, {service: 'rw'}), session(2, {service: 'rw'})]), 'return', 'tab', '/', 'r', 'w', 'return');
	assert.equal(searched.search.text, 'rw');
	for (const state of [searched, type(searched, 'z')]) {
		const hints = render80(state, 80)[1]!;
		assert.match(hints, / n N {2}next match /, hints);
	}
});

test('the filter prompt offers Enter only while the filter can be kept: an error makes Enter wait (QA)', () => {
	const typing = (text: string) => type(start([session(1)]), '/', ...text);
	assert.match(footer(160, undefined, typing('user:app')), /Enter {2}keep/);
	const wrong = footer(160, undefined, typing('idle>abc'));
	assert.match(wrong, /is not a|needs/, wrong);
	assert.doesNotMatch(wrong, /Enter {2}keep/);
	assert.match(wrong, /Esc {2}clear/);
});

test('statements turned off for a MaxScale too old for them are said whole, the sort by them included (QA: `Statements off, and the s…` at 100 columns)', () => {
	const on = start([session(1)], {sort: {key: 'running', descending: true}});
	const told = reducer(on, {type: 'server-info', info: {version: '2.2.21', uptimeSeconds: 10, askedAt: 1000}});
	const lines = plain(render(<Footer state={told} theme={theme} width={100} />).lastFrame()).split('\n');
	assert.equal(lines.slice(0, 2).map((line) => line.trim()).join(' '), 'MaxScale 2.2.21 reports no statements (MaxScale 2.3.1 or later has them): Statements off, and the sort by them: sorted by id.');
});
