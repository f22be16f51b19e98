import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {layoutColumns} from '../../source/model/columns.js';
import {ghostKey} from '../../source/model/rows.js';
import type {Sort} from '../../source/model/sort.js';
import {cellWidth} from '../../source/ui/cell-width.js';
import {serviceRowText, SessionTable} from '../../source/ui/session-table.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';

const theme = themeFor({NO_COLOR: '1'});
const sessions = [
	session(1_995_156, {user: 'metabase', remote: '::ffff:172.16.30.4', port: 34_567, ageSeconds: 1213, idleSeconds: 744, memoryBytes: 72_704, ioActivity: 0}),
	session(70, {user: 'etl_loader', remote: '2001:db8:85a3::8a2e:370:7334', port: 36_406, ageSeconds: 733_000, idleSeconds: 63, memoryBytes: 68_608, ioActivity: 123_456}),
];

function table(width: number, sort: Sort): string[] {
	const columns = layoutColumns(width, 7);
	const frame = render(
		<SessionTable rows={sessions} top={0} height={5} columns={columns} width={width} focused theme={theme} sort={sort} marked={new Set()} born={new Map()} empty="none" />,
	).lastFrame();
	return plain(frame).split('\n');
}

test('at 80 columns, sorted by memory: the whole title, the arrow beside it, over its cells', () => {
	const [heading, mapped, ipv6] = table(80, {key: 'memory', descending: true});
	assert.equal(heading!.trimEnd(), '        Id User         Client               State       Age   Idle▼Memory   I/O');
	assert.equal(mapped!.trimEnd(), '   1995156 metabase     172.16.30.4:34567    started  20m13s 12m24s    71K     0');
	assert.equal(ipv6!.trimEnd(), '        70 etl_loader   …370:7334]:36406     started   8d11h  1m03s    67K  123k');
	// Right-aligned: the title ends where its cells end.
	for (const title of ['Memory', 'I/O', 'Idle', 'Age', 'Id']) {
		const end = heading!.indexOf(title) + title.length;
		assert.match(mapped!.slice(0, end), /\S$/, `${title} over its cells`);
		assert.equal(mapped!.charAt(end), end === mapped!.length ? '' : ' ', `${title} over its cells`);
	}
});

test('every sorted heading at 80 and 120 columns is whole', () => {
	for (const width of [80, 120]) {
		for (const key of ['id', 'user', 'client', 'state', 'age', 'idle', 'memory', 'io'] as const) {
			const [heading] = table(width, {key, descending: false});
			assert.ok(!heading!.includes('…') && heading!.includes('▲'), `${width}, ${key}: ${heading}`);
			assert.equal(heading!.replace('▲', ' ').trimEnd(), table(width, {key: 'none' as Sort['key'], descending: false})[0]!.trimEnd());
		}
	}
});

test('a user name in wide characters (CJK, emoji) keeps the next columns in line, cut between characters', () => {
	const wide = [
		session(1, {user: 'metabase', remote: '10.0.0.1', port: 4000, ageSeconds: 60, idleSeconds: 1, memoryBytes: 1024, ioActivity: 0}),
		session(2, {user: '数据分析', remote: '10.0.0.2', port: 4000, ageSeconds: 60, idleSeconds: 1, memoryBytes: 1024, ioActivity: 0}),
		session(3, {user: '报表服务用户名称很长', remote: '10.0.0.3', port: 4000, ageSeconds: 60, idleSeconds: 1, memoryBytes: 1024, ioActivity: 0}),
		session(4, {user: '🐬🐬🐬🐬🐬🐬🐬', remote: '10.0.0.4', port: 4000, ageSeconds: 60, idleSeconds: 1, memoryBytes: 1024, ioActivity: 0}),
	];
	const columns = layoutColumns(80, 7);
	const lines = plain(
		render(<SessionTable rows={wide} top={0} height={5} columns={columns} width={80} focused theme={theme} sort={{key: 'id', descending: false}} marked={new Set()} born={new Map()} empty="none" />).lastFrame(),
	).split('\n');
	// Where the Client column starts, in terminal cells: the same on every row.
	const clientAt = (line: string) => {
		const before = line.slice(0, line.indexOf('10.0.0.'));
		return [...before].reduce((cells, character) => cells + (/[\u3000-\u9FFF]|\p{Extended_Pictographic}/u.test(character) ? 2 : 1), 0);
	};

	const starts = lines.slice(1, 5).map((line) => clientAt(line));
	assert.deepEqual(starts, [starts[0], starts[0], starts[0], starts[0]], lines.join('\n'));
	assert.match(lines[3]!, /报表服务用… /, 'cut between characters, with …');
	assert.ok(lines.slice(1, 5).every((line) => line.trimEnd().endsWith('0')), 'no row loses its last column');
});

test("a service's row shows its states' counts whole, as many as fit, never a number cut", () => {
	const states = [
		{state: 'Session started', count: 42},
		{state: 'Stopping session', count: 1},
	];
	const start = ' ▾ Analytics-Service  43';
	assert.equal(serviceRowText(start, states, 80), ' ▾ Analytics-Service  43  (started 42 · stopping 1)');
	for (let width = 20; width < 60; width++) {
		const text = serviceRowText(start, states, width);
		assert.ok(text.length <= Math.max(width, start.length), `${width}: ${text}`);
		assert.match(text, /^ ▾ Analytics-Service {2}43(?: {2}\((?:started 42(?: · stopping 1| · …))\))?$/, `${width}: ${text}`);
	}

	assert.equal(serviceRowText(start, states, 42), ' ▾ Analytics-Service  43  (started 42 · …)');
	assert.equal(serviceRowText(start, states, 30), start);
});

test('a seven-digit id keeps a space after the row\'s marker (✕ ● +)', () => {
	const rows = [session(3_186_291), session(3_187_822), session(42)];
	const columns = layoutColumns(80, 7);
	const frame = plain(
		render(<SessionTable rows={rows} top={0} height={5} columns={columns} width={80} focused theme={theme} sort={{key: 'id', descending: false}} marked={new Set(['3186291'])} born={new Map([['3187822', 1]])} empty="none" />).lastFrame(),
	);
	assert.match(frame, /^.● 3186291 /m);
	assert.match(frame, /^.\+ 3187822 /m);
});

test('an ended row reads ended in its State column, with its ✕ (QA: it read started)', () => {
	const ended = session(42, {user: 'app', state: 'Session started'});
	const rows = [session(41), {kind: 'ghost' as const, key: ghostKey('42'), session: ended}];
	const frame = plain(
		render(<SessionTable rows={rows} top={0} height={4} columns={layoutColumns(80, 7)} width={80} focused theme={theme} sort={{key: 'id', descending: false}} marked={new Set()} born={new Map()} empty="none" />).lastFrame(),
	);
	assert.match(frame, /^.✕ +42 app +\S* +ended /m, frame);
	assert.match(frame, /^. +41 .* started /m, frame);
});

test('a row of wide characters or combining marks keeps its last column, the cursor row too, measured in cells', () => {
	const odd = ['田中太郎田中太郎', 'e\u0301\u0301\u0301combining', 'cafe\u0301\u0301', 'plain'];
	const rows = odd.map((user, index) => session(index + 1, {user, remote: index === 3 ? '田中.example' : `10.0.0.${index}`, port: 40_019, ageSeconds: 60, idleSeconds: 6, memoryBytes: 68_000, ioActivity: 16}));
	for (const width of [80, 100, 140]) {
		const columns = layoutColumns(width, 7);
		for (const selected of rows) {
			const lines = plain(
				render(<SessionTable rows={rows} top={0} height={5} columns={columns} width={width} selectedId={selected.key} focused theme={theme} sort={{key: 'id', descending: false}} marked={new Set()} born={new Map()} empty="none" />).lastFrame(),
			).split('\n');
			for (const line of lines.slice(1, 5)) {
				assert.match(line, / 66K +16 *$/, `${width}, cursor on ${selected.user}: the last columns whole\n${lines.join('\n')}`);
				assert.ok(cellWidth(line) <= width, `${width}: no wider than the list\n${line}`);
			}
		}
	}
});
