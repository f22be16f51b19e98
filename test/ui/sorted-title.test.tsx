// First: turns Ink's colours on (this file's process only) so the title's styles show.
import '../helpers/force-color.js';
// QA: the sorted column was told only by an arrow squeezed between two titles (`I/O▼Running`),
// and without colour by nothing else. Its title is now set apart: in the accent colour, or in
// reverse video under NO_COLOR.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {layoutColumns} from '../../source/model/columns.js';
import type {Sort} from '../../source/model/sort.js';
import {SessionTable} from '../../source/ui/session-table.js';
import {themeFor} from '../../source/ui/theme.js';
import {session} from '../helpers/sessions.js';

const sessions = [session(1, {user: 'metabase', remote: '10.0.0.1', port: 4000, ageSeconds: 60, idleSeconds: 3, memoryBytes: 70_000, ioActivity: 2})];

function titleLine(env: Record<string, string>, sort: Sort): string {
	const columns = layoutColumns(100, 7);
	const frame = render(<SessionTable rows={sessions} top={0} height={3} columns={columns} width={100} focused theme={themeFor(env)} sort={sort} marked={new Set()} born={new Map()} empty="none" />).lastFrame() ?? '';
	return frame.split('\n')[0]!;
}

/** The text between an opening SGR `code` and the next reset of it. */
const styled = (line: string, open: string, close: string) => [...line.matchAll(new RegExp(`\\u001B\\[${open}m([^\\u001B]*)(?:\\u001B\\[${close}m)`, 'g'))].map((match) => match[1]!.trim());

test('the sorted title in the accent colour, the others not', () => {
	for (const [sort, title] of [[{key: 'memory', descending: true}, '▼Memory'], [{key: 'user', descending: false}, 'User▲'], [{key: 'idle', descending: false}, '▲Idle']] as const) {
		const line = titleLine({}, sort);
		assert.deepEqual(styled(line, '36', '39'), [title], JSON.stringify(line));
	}
});

test('QA: a title that fills its column has its arrow beside it, inside the colour too', () => {
	// Running is as wide as its title: the arrow goes in the space before it (`Idle▲Running`).
	const columns = layoutColumns(120, 7, 0, [], 'service-state', {user: 8, client: 15, service: 10, server: 9, memory: 6, io: 5, statement: 20}, ['user', 'idle', 'running', 'statement']);
	const frame = render(<SessionTable rows={sessions} top={0} height={3} columns={columns} width={120} focused theme={themeFor({})} sort={{key: 'running', descending: false}} marked={new Set()} born={new Map()} empty="none" />).lastFrame() ?? '';
	assert.deepEqual(styled(frame.split('\n')[0]!, '36', '39'), ['▲Running']);
});

test('under NO_COLOR, in reverse video instead; no colour at all', () => {
	const line = titleLine({NO_COLOR: '1'}, {key: 'age', descending: true});
	assert.deepEqual(styled(line, '7', '27'), ['▼Age']);
	assert.doesNotMatch(line, /\u001B\[3\dm/);
});
