// The sticky group rows on screen (model/sticky-groups.ts), driven with real key bytes
// through Ink's stdin. QA: at 80×24, grouped by service › state, after PgDn or End the rows
// on screen had no group row above them and the Service column is hidden: nothing said which
// service and state they were of. Now the list's first lines say it, as the group rows do.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {initialState} from '../../source/model/monitor-state.js';
import {asciiFrame} from '../../source/ui/ascii-frame.js';
import {keys, plain, waitFor} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {poll, run} from '../helpers/state.js';
import {closeAll, mountSimulated} from './simulated-app.js';
import {Monitor, type Size} from './monitor-screen.js';

after(closeAll);


// Analytics: 40 sessions, all started (ids 1–40); RW: 25 started (41–65), 5 created (66–70).
const sessions = Array.from({length: 70}, (_, i) =>
	session(i + 1, {service: i < 40 ? 'Analytics-Service' : 'RW-Split-Router', state: i < 65 ? 'Session started' : 'Session created', user: 'app', ageSeconds: 600, idleSeconds: 5}),
);
const analytics = ' ▾ Analytics-Service  40  (started 40)';
const analyticsStarted = '   ▾ Session started  40';
const rw = ' ▾ RW-Split-Router  30  (started 25 · created 5)';

function mount(size: Size) {
	const app = render(<Monitor initial={run(poll(initialState(), sessions), {type: 'resize', listHeight: 10, paneHeight: 5, paneWidth: 40})} size={size} />);
	const lines = () => plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
	/** The list's lines: under the column titles, until the footer's sentence. */
	const list = () => {
		const all = lines();
		const titles = all.findIndex((line) => line.includes('▲Id'));
		return all.slice(titles + 1, all.length - 2);
	};

	const press = async (key: string, until: () => boolean, what: string) => {
		app.stdin.write(key);
		await waitFor(until, what);
	};

	const cursor = () => list().findIndex((line) => line.startsWith('▶'));
	return {app, lines, list, press, cursor};
}

const idOf = (line: string | undefined) => /^▶.\s*(\d+) /.exec(line ?? '')?.[1];

test('at 80×14 (7 list lines): PgDn twice, the first lines say Analytics › started, the window moving with the cursor; ↑ from the first row under them scrolls', async () => {
	const {app, lines, list, press, cursor} = mount({columns: 80, rows: 14});
	try {
		await waitFor(() => cursor() !== -1, 'the first frame');
		assert.equal(list().length, 7, lines().join('\n'));
		await press(keys.home, () => list()[0]!.startsWith('▶▾ Analytics'), 'Home: the cursor on the first row, the service\'s own');
		// A page of five (seven lines, two of them sticky): the window moves with the cursor, as
		// in htop, and starts within the first one (id 4 was its sixth line): none skipped.
		await press(keys.pageDown, () => idOf(list()[cursor()]) === '4', 'PgDn: a page of five (seven lines, two of them sticky)');
		let shown = list();
		assert.deepEqual(shown.slice(0, 2), [analytics, analyticsStarted], shown.join('\n'));
		assert.equal(cursor(), 2, `the cursor on the first row under the sticky ones:\n${shown.join('\n')}`);
		await press(keys.pageDown, () => idOf(list()[cursor()]) === '9', 'PgDn again');
		shown = list();
		assert.deepEqual(shown.slice(0, 2), [analytics, analyticsStarted], shown.join('\n'));
		assert.equal(shown.length, 7, 'never more lines than the list has: the sticky rows take the place of rows');
		assert.equal(cursor(), 2, `the cursor on its line, visible:\n${shown.join('\n')}`);
		assert.match(shown.at(-1)!, /^\s+13 app/, 'a whole page on');
		// Up to the first row under the sticky rows, then one more: the list scrolls, the cursor never under them.
		for (const id of ['8', '7', '6', '5', '4']) {
			// eslint-disable-next-line no-await-in-loop
			await press(keys.up, () => idOf(list()[cursor()]) === id, `↑ to ${id}`);
		}

		shown = list();
		assert.deepEqual(shown.slice(0, 2), [analytics, analyticsStarted], shown.join('\n'));
		assert.equal(cursor(), 2, `the cursor on the first row under the sticky rows:\n${shown.join('\n')}`);
		// In ASCII (LANG=C: full-screen.ts writes each frame through asciiFrame), the arrows as the real rows have them.
		assert.ok(asciiFrame(app.lastFrame() ?? '').includes(' v Analytics-Service  40  (started 40)'));
	} finally {
		app.unmount();
	}
});

test('at 80×14, End: a state\'s own row first in view gets its service\'s over it; at 80×24 the last rows get both', async () => {
	const small = mount({columns: 80, rows: 14});
	try {
		await waitFor(() => small.cursor() !== -1, 'the first frame');
		await small.press(keys.end, () => idOf(small.list()[small.cursor()]) === '70', 'End');
		const shown = small.list();
		assert.deepEqual(shown.slice(0, 2), [rw, '   ▾ Session created  5'], shown.join('\n'));
		assert.equal(small.cursor(), 6, 'the cursor on the last line');
	} finally {
		small.app.unmount();
	}

	const tall = mount({columns: 80, rows: 24});
	try {
		await waitFor(() => tall.cursor() !== -1, 'the first frame');
		await tall.press(keys.end, () => idOf(tall.list()[tall.cursor()]) === '70', 'End');
		const shown = tall.list();
		assert.equal(shown.length, 17);
		assert.deepEqual(shown.slice(0, 3), [rw, '   ▾ Session started  25', shown[2]!], shown.join('\n'));
		assert.match(shown[2]!, /^\s+57 app/);
		assert.equal(tall.cursor(), 16);
		assert.ok(tall.lines().length <= 23, 'never taller than the terminal');
	} finally {
		tall.app.unmount();
	}
});

test('not grouped (t to `group none`): PgDn shows no sticky row, the first line is a session', async () => {
	const {app, lines, list, press, cursor} = mount({columns: 80, rows: 14});
	try {
		await waitFor(() => cursor() !== -1, 'the first frame');
		for (const grouping of ['group service ', 'group user ', 'group client ', 'group none ']) {
			// eslint-disable-next-line no-await-in-loop
			await press('t', () => lines()[1]!.includes(grouping.trim()), grouping);
		}

		await press(keys.pageDown, () => idOf(list()[cursor()]) === '8', 'PgDn: a whole page of seven, nothing sticky');
		// The window moved with the cursor: it keeps the first line.
		assert.equal(cursor(), 0, list().join('\n'));
		assert.ok(list().every((line) => !line.includes('▾')));
	} finally {
		app.unmount();
	}
});

test('the App against the simulator at 80×24, End then PgUp: the first list line is a group row, the cursor row on screen', async () => {
	const {app, frame, press, close} = await mountSimulated({rows: 24, simulator: {sessions: 120}});
	Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
	app.stdout.emit('resize');
	const list = () => {
		const all = frame().split('\n');
		return all.slice(all.findIndex((line) => line.includes('▲Id')) + 1, all.length - 2);
	};

	await press(keys.end, () => list().at(-1)?.startsWith('▶') === true, 'End: the cursor on the last line');
	// Grouped by service › state: the service's row, then (under a session) its state's.
	assert.match(list()[0]!, /^ ▾ \S+ {2}\d+ {2}\(/, list().join('\n'));
	const last = list().at(-1);
	// The window goes up with the cursor, which keeps its line (as in htop).
	await press(keys.pageUp, () => list().at(-1)?.startsWith('▶') === true && list().at(-1) !== last, 'PgUp');
	assert.match(list()[0]!, /^[ ▶]▾ \S+ {2}\d+/, list().join('\n'));
	assert.equal(list().length, 17);
	await close();
});
