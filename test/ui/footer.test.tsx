import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {Footer, statusLines} from '../../source/ui/footer.js';
import {themeFor} from '../../source/ui/theme.js';
import {plain} from '../helpers/ink.js';

const refused = 'Connection refused by 127.0.0.1:7411: is MaxScale running with its REST API (admin_host, admin_port) there?';
const failed = reducer(initialState(), {type: 'poll-failed', error: {kind: 'network', message: refused}, at: 1});
const theme = themeFor({NO_COLOR: '1'});
const footer = (width: number, notice?: string, state = failed) => plain(render(<Footer state={state} notice={notice} theme={theme} width={width} />).lastFrame());

test('a failure too long for the line takes the hints\' line too, cut between words', () => {
	const lines = footer(80).split('\n');
	assert.equal(lines.length, 2);
	assert.equal(`${lines[0]!.trimEnd()} ${lines[1]!.trimEnd()}`, refused, 'the whole sentence, what to do included');
	assert.ok(lines.every((line) => line.length <= 80));
	assert.doesNotMatch(footer(80), /move/, 'no hints meanwhile');
	// Wide enough: one line, and the hints under it.
	const wide = footer(120).split('\n');
	assert.equal(wide[0]!.trimEnd(), refused);
	assert.match(wide[1]!, /move/);
});

test('a note stays on one line over the hints, and only two lines ever', () => {
	const note = 'Demo: a simulated MaxScale 24.02 on 127.0.0.1:41643 with 300 sessions and churn, and a long tail.';
	const lines = footer(60, note, initialState()).split('\n');
	assert.equal(lines.length, 2);
	assert.match(lines[0]!, /^Demo: .*…$/);
	assert.match(lines[1]!, /move/);
	const [first, second] = statusLines('x'.repeat(300), 40);
	assert.equal(first, 'x'.repeat(40), 'no space: cut at the width');
	assert.equal(second, `${'x'.repeat(39)}…`);
	// Never half an emoji at the break (the hostile screen test found it).
	const [emojiFirst, emojiSecond] = statusLines(`${'x'.repeat(9)}${'😀'.repeat(10)}`, 10);
	assert.equal(emojiFirst, 'x'.repeat(9));
	assert.equal(emojiSecond, `${'😀'.repeat(4)}…`);
});
