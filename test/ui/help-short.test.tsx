// The help on a short terminal (40×6 to 40×9 leave it one to three rows): never its title
// drawn over its border. Boxed while the box holds a section's title and a key; shorter, the
// title and the keys without the box; one row, a line saying it needs more.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {reducer} from '../../source/model/monitor-state.js';
import {Help} from '../../source/ui/help.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';
import {twoPolls, type} from '../helpers/state.js';

const theme = themeFor({NO_COLOR: '1'});
const host = '127.0.0.1:37501';

function help(width: number, height: number, scroll = 0): string[] {
	const app = render(<Help readonly={false} replay={false} width={width} height={height} scroll={scroll} theme={theme} />);
	const lines = plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
	app.unmount();
	return lines;
}

/** A border line is all border; a line inside one starts and ends with it; no border glyph elsewhere. */
function assertBordersClean(lines: readonly string[], what: string) {
	for (const line of lines) {
		if (/[╭╮╰╯]/.test(line)) {
			assert.match(line, /^(╭─+╮|╰─+╯)$/, `${what}: text over a border\n${lines.join('\n')}`);
		} else if (line.includes('│')) {
			assert.match(line, /^│.*│$/, `${what}: a broken side\n${lines.join('\n')}`);
		}
	}
}

test('one row: a line that says the help needs more rows and how to close it', () => {
	assert.deepEqual(help(40, 1), ['Help needs more rows: any key closes']);
	assert.deepEqual(help(80, 1), ['Help needs a taller terminal: any key closes']);
});

test('two to four rows: the title and the keys, without a box, scrolling', () => {
	assert.deepEqual(help(40, 2), ['Keys · ↑↓ scroll · other keys close', ' ↓ j        next row; in the pane,'], 'a key, not a section title alone');
	assert.deepEqual(help(40, 3), ['Keys · ↑↓ scroll · other keys close', 'Move', ' ↓ j        next row; in the pane,']);
	assert.deepEqual(help(40, 4), ['Keys · ↑↓ scroll · other keys close', 'Move', ' ↓ j        next row; in the pane,', '            scroll down']);
	// Wide enough, the title names every key that scrolls (QA: G, End, PgDn scrolled a help that said any other key closed it).
	assert.equal(help(100, 3)[0], 'Keys · ↑↓ PgUp PgDn Home End scroll · any other key closes this help');
	assert.equal(help(60, 3)[0], 'Keys · ↑↓ PgUp PgDn Home End scroll · other keys close');
	// A description's next line first in view names its key (QA: `scroll up` alone at 40×7).
	assert.deepEqual(help(40, 2, 1), ['Keys · ↑↓ scroll · other keys close', ' ↓ j        scroll down']);
	// To the legend's last line, after the keys.
	assert.equal(help(40, 3, 1000).at(-1), '            last good ones', 'scrolls to the end');
	for (const height of [2, 3, 4]) {
		assertBordersClean(help(40, height), `40×${height}`);
		assert.ok(help(40, height).every((line) => !/[│╭╰]/.test(line)), 'no box');
	}
});

test('five rows and more: the box, its title inside, a section and at least one key', () => {
	for (const height of [5, 6, 10]) {
		const lines = help(40, height);
		assert.equal(lines.length, height);
		assertBordersClean(lines, `40×${height}`);
		assert.match(lines[0]!, /^╭─+╮$/);
		assert.match(lines[1]!, /^│Keys · /);
		assert.match(lines[2]!, /^│Move +│$/);
		assert.match(lines[3]!, /^│ ↓ j +next row/);
		assert.match(lines.at(-1)!, /^╰─+╯$/);
	}
});

const demo = () => twoPolls();

test('the screen with the help open at 40×6 to 40×12: no text over a border, and keys or a note shown', () => {
	const start = type(demo(), '?');
	for (let rows = 6; rows <= 12; rows++) {
		const size = {columns: 40, rows};
		const first = layoutFor(start, size, idWidthOf(start));
		const state = reducer(start, {type: 'resize', listHeight: first.listHeight, paneHeight: first.paneBodyHeight, paneWidth: Math.max(8, first.paneWidth - 2)});
		const layout = layoutFor(state, size, idWidthOf(state));
		const app = render(<Screen state={state} layout={layout} theme={theme} hostLabel={host} />);
		const lines = plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
		app.unmount();
		const what = `40×${rows}`;
		assert.ok(lines.length <= rows - 1, `${what}\n${lines.join('\n')}`);
		assertBordersClean(lines, what);
		const text = lines.join('\n');
		if (layout.bodyHeight === 1) {
			assert.match(text, /\nHelp needs more rows: any key closes\n/, what);
		} else {
			assert.match(text, /(^|\n)│?Keys · ↑↓ scroll · other keys close/, `${what}\n${text}`);
			assert.match(text, /(^|\n)│? ↓ j +next row/, `${what}: a key under it\n${text}`);
		}
	}
});

test('the help lists the keys that work: r + - live, [ ] in a replay, which is read-only', () => {
	const keys = (readonly: boolean, replay: boolean) => {
		const app = render(<Help readonly={readonly} replay={replay} width={100} height={100} scroll={0} theme={theme} />);
		const text = plain(app.lastFrame());
		app.unmount();
		return text;
	};

	const live = keys(false, false);
	assert.match(live, /│Keys · any other key closes this help/);
	assert.match(live, /│ r +poll now/);
	assert.match(live, /│ \+ +poll less often/);
	assert.match(live, /│ - +poll more often/);
	assert.doesNotMatch(live, /replay: one poll/);
	const replay = keys(true, true);
	assert.match(replay, /│Keys \(replay\) · /);
	assert.match(replay, /│ \[ +replay: one poll back in time/);
	assert.match(replay, /│ \] +replay: one poll forward in time/);
	assert.doesNotMatch(replay, /poll now|poll less often|poll more often|kill the session/);
	assert.match(keys(true, false), /│Keys \(read-only mode\) · /);
});

test('two columns on a wide terminal split between sections: each column starts with a section\'s title, none with a key cut from its own', () => {
	for (const [width, height] of [[120, 40], [140, 30], [200, 60]] as const) {
		const lines = help(width, height);
		// The first line inside the box after the title line: both columns' first lines.
		const first = lines[2]!;
		const half = Math.floor((width - 2) / 2);
		const left = first.slice(1, 1 + half).trim();
		const right = first.slice(1 + half).replace(/│$/, '').trim();
		assert.equal(left, 'Move', `${width}×${height}\n${lines.join('\n')}`);
		if (right !== '') {
			assert.match(right, /^(Pane|View|Polling|Act|General|Columns|Signs)$/, `${width}×${height}: the second column starts with a title\n${lines.join('\n')}`);
		}
	}
});
