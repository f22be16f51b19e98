// Search in the pane (/ with the pane focused), driven with real key bytes through Ink's
// stdin against the simulator over loopback: the prompt counts the matching lines, the
// pane scrolls to the first and marks every match, n and N step, Esc drops it.

// First: turns Ink's colours on (this file's process only) so the matches' inverse shows.
import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {reducer} from '../../source/model/monitor-state.js';
import {DetailPane} from '../../source/ui/detail-pane.js';
import {themeFor} from '../../source/ui/theme.js';
import {keys} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';
import {closeAll, mountSimulated} from './simulated-app.js';

after(closeAll);

/** The pane's first line of document: under its title line. */
const firstPaneLine = (frame: string) => {
	const lines = frame.split('\n');
	const title = lines.findIndex((line) => line.includes('╭'));
	return lines[title + 2]?.split('│').at(-2) ?? '';
};

/** The texts drawn bold and inverse inside the pane (a changed value is inverse alone), their other styles taken off. */
function marked(frame: string): string[] {
	const styles = /\u001B\[[\d;]*m/g;
	return frame.split('\n').flatMap((line) => {
		if (line.indexOf('│') === line.lastIndexOf('│')) {
			return []; // Not a line of the pane's.
		}

		const inPane = line.slice(line.indexOf('│') + 1, line.lastIndexOf('│'));
		return Array.from(inPane.matchAll(/\u001B\[(?:1m\u001B\[7|7m\u001B\[1)m(.*?)\u001B\[(?:22|27)m/g), (match) => match[1]!.replaceAll(styles, ''));
	});
}

test('/ in the focused pane: the count, the first match at the top and marked; n, N; Esc back where it began', async () => {
	const {app, frame, press, typeText, close} = await mountSimulated({rows: 30});
	await press(keys.enter, () => frame().includes('"attributes"'), 'the document');
	await press(keys.tab, () => frame().includes('Tab  to list'), 'the pane focused');
	await press('/', () => /^\/ *$/m.test(frame()), 'the prompt');
	await typeText('connection_id');
	await new Promise((resolve) => {
		setTimeout(resolve, 100);
	});
	const count = /^\/connection_id +(\d+) matching lines?$/m.exec(frame());
	assert.ok(count, `the prompt counts:\n${frame()}`);
	assert.ok(Number(count[1]) >= 1);
	assert.match(firstPaneLine(frame()), /"connection_id": \d+/, frame());
	// Marked: inverse around the match itself, nothing else of the line.
	assert.deepEqual(marked(app.lastFrame()!), ['connection_id']);
	await press(keys.enter, () => frame().includes('n N  next match'), 'kept: the pane hints name n and N');
	const first = firstPaneLine(frame());
	await press('n', () => /Matching line \d+ of \d+/.test(frame()), 'n says which');
	if (Number(count[1]) > 1) {
		assert.notEqual(firstPaneLine(frame()), first, 'the next match');
	}

	await press('N', () => firstPaneLine(frame()) === first || Number(count[1]) === 1, 'N: back');
	// Opened again, the prompt is empty (as in less), the search kept marked behind it.
	const topLine = firstPaneLine(frame());
	assert.deepEqual(marked(app.lastFrame()!), ['connection_id']);
	await press('/', () => /^\/ *$/m.test(frame()), 'an empty prompt');
	assert.deepEqual(marked(app.lastFrame()!), ['connection_id']);
	// Esc in the prompt: the search dropped, the pane where this one began.
	await typeText('lo');
	await press(keys.escape, () => frame().includes('/  search') && firstPaneLine(frame()) === topLine, 'Esc: back where it began');
	assert.deepEqual(marked(app.lastFrame()!), [], 'no longer marked');
	await close();
});

test('QA: a match that the pane wraps in two is marked on both lines, and nothing else is', () => {
	const statement = 'INSERT INTO fact_sales SELECT * FROM staging_sales WHERE batch_id = 20240105 AND region = 7';
	let state = type(start([session(1)]), 'return');
	state = reducer(state, {type: 'document-loaded', id: state.pane.id!, document: {data: {id: '1', attributes: {statement}}}});
	for (const width of [26, 30, 34, 60]) {
		const sized = reducer(state, {type: 'resize', listHeight: 10, paneHeight: 20, paneWidth: width - 2});
		const app = render(<DetailPane pane={sized.pane} width={width} height={24} focused theme={themeFor({})} search="batch_id = 2024" />);
		const frame = app.lastFrame()!;
		app.unmount();
		assert.equal(marked(frame).join(''), 'batch_id = 2024', `${width}:\n${frame}`);
		if (width === 26) {
			assert.equal(marked(frame).length, 2, `cut by the wrap at ${width}:\n${frame}`);
		}
	}
});
