import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {jsonLines, scalarsByPath} from '../../source/model/json-lines.js';
import {wrapLines} from '../../source/model/json-wrap.js';
import {reducer} from '../../source/model/monitor-state.js';
import {closedPane, paneAfterPollFailed, type Pane} from '../../source/model/pane.js';
import {startSimulator} from '../../source/simulator/index.js';
import {DetailPane} from '../../source/ui/detail-pane.js';
import {themeFor} from '../../source/ui/theme.js';
import {keys, plain, waitFor} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {run, start, type} from '../helpers/state.js';
import {closeAll, cursorId, mountSimulated} from './simulated-app.js';

after(closeAll);

test('an outage, the pane opened again, the session gone after the restart: its last document, marked ended', async () => {
	const {simulator, frame, press, close} = await mountSimulated({intervalMs: 300, simulator: {sessions: 20}});
	const id = cursorId(frame());
	await press(keys.enter, () => frame().includes('"connection_attributes": {'), 'the document');
	await simulator.close();
	await waitFor(() => frame().includes('STALE'), 'the outage', 10_000);
	// Closed and opened again while MaxScale is down: the fetch fails, the last document stays.
	await press(keys.escape, () => !frame().includes(`Session ${id}`), 'the pane closed');
	await press(keys.enter, () => frame().includes(`Session ${id}`) && frame().includes('"connection_attributes": {'), 'the last document, at once');
	await waitFor(() => /refused the connection/.test(frame()), 'the failed fetch, said in the pane');
	assert.ok(frame().includes('"connection_attributes": {'), 'under the error');
	assert.ok(frame().includes(`│Session ${id}`), 'the title above them, not pushed out by the error line');
	// MaxScale back with other sessions (another seed): this one ended.
	const again = await startSimulator({port: simulator.port, sessions: 20, seed: 99, churn: 0});
	try {
		await waitFor(() => frame().includes(`Session ${id} · session ended`), 'ended', 20_000);
		assert.ok(frame().includes('"connection_attributes": {'), 'with its last document');
	} finally {
		await close();
		await again.close();
	}
});

test('a session that ended before its document was ever fetched: said, not an empty box', () => {
	const pane = {...closedPane, open: true, id: '7', title: 'Session 7', ended: true};
	const text = plain(render(<DetailPane pane={pane} width={60} height={8} focused={false} theme={themeFor({NO_COLOR: '1'})} />).lastFrame());
	assert.match(text, /Session 7 · session ended/);
	assert.match(text, /It ended before its document could be fetched\./);
});

const noColor = themeFor({NO_COLOR: '1'});
const paneText = (pane: Pane, width: number, height: number) =>
	plain(render(<DetailPane pane={pane} width={width} height={height} focused={false} theme={noColor} />).lastFrame());

/** A pane on a long document whose last refresh changed two values. */
function changedPane(width: number): Pane {
	const previous = {data: {id: '3189867', attributes: {idle: 60.4, last_queries: 130, log: Array.from({length: 40}, (_, i) => `line ${i}`)}}};
	const document = {data: {id: '3189867', attributes: {idle: 62.4, last_queries: 1304, log: previous.data.attributes.log}}};
	const source = jsonLines(document, scalarsByPath(previous));
	return {...closedPane, open: true, id: '3189867', title: 'Session 3189867', document, source, lines: wrapLines(source, width - 2), changed: 2, scroll: 30};
}

test('the pane title drops the changed count, then shortens the label, never cutting its line counter', () => {
	const wide = paneText(changedPane(60), 60, 12);
	assert.match(wide, /Session 3189867 · 2 changed 31-39\/\d+ *│/);
	const narrow = paneText(changedPane(30), 30, 12);
	assert.match(narrow, /│Session 3189867 31-39\/\d+ *│/);
	const narrower = paneText(changedPane(22), 22, 12);
	assert.match(narrower, /│#3189867 31-39\/\d+ *│/);
});

test('MaxScale down: the pane says so over the last good document, wrapped whole, with no changes claimed', () => {
	const message = '127.0.0.1:9971 refused the connection: is MaxScale running with its REST API (admin_host, admin_port) there?';
	let state = run(start([session(1)]), {type: 'resize', listHeight: 20, paneHeight: 9, paneWidth: 42});
	state = type(state, 'return');
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {id: '1', attributes: {idle: 1}}}, at: new Date(2026, 0, 1, 2, 59, 14).getTime()});
	state = reducer(state, {type: 'document-loaded', id: '1', document: {data: {id: '1', attributes: {idle: 2}}}, at: new Date(2026, 0, 1, 2, 59, 16).getTime()});
	assert.match(paneText(state.pane, 44, 12), /1 changed/);
	state = paneAfterPollFailed(state, undefined, message);
	const text = paneText(state.pane, 44, 12);
	assert.match(text, /Session 1 · last good at 02:59:16/);
	assert.doesNotMatch(text, /changed|was 1/);
	const said = text
		.split('\n')
		.map((line) => line.replace(/^│|│$/g, '').trimEnd())
		.filter((line) => !line.startsWith('Session') && !/^[╭╰]/.test(line));
	assert.equal(said.slice(0, 3).join(' ').replace(/ +/g, ' '), message, text);
	assert.match(text, /"idle": 2/, 'the last good document under it');
});

test('the note of a document never fetched wraps rather than being cut', () => {
	const pane = {...closedPane, open: true, id: '7', title: 'Session 7', ended: true};
	const text = paneText(pane, 24, 8);
	assert.doesNotMatch(text, /…/);
	assert.match(text.replace(/\s*│\s*/g, ' ').replace(/ +/g, ' '), /It ended before its document could be fetched\./);
});

test('QA: paused, a document fetched after the list\'s poll says so in the pane\'s title', () => {
	const document = {data: {id: '7', attributes: {idle: 115.2}}};
	const lines = wrapLines(jsonLines(document), 58);
	const pane: Pane = {...closedPane, open: true, id: '7', title: 'Session 7', document, source: jsonLines(document), lines, loadedAt: Date.parse('2026-11-29T20:24:11Z')};
	const at = (pausedAt: number | undefined) => plain(render(<DetailPane pane={pane} width={70} height={8} focused={false} theme={noColor} pausedAt={pausedAt} />).lastFrame());
	assert.match(at(Date.parse('2026-11-29T20:23:48Z')), /Session 7 · fetched \d\d:\d\d:\d\d/);
	// The pane beside an 80-column list: the label shortens, the time stays.
	const narrow = plain(render(<DetailPane pane={{...pane, lines: wrapLines(jsonLines(document), 36)}} width={38} height={8} focused={false} theme={noColor} pausedAt={Date.parse('2026-11-29T20:23:48Z')} />).lastFrame());
	assert.match(narrow, /(?:Session |#)7 · fetched \d\d:\d\d:\d\d/, narrow);
	assert.doesNotMatch(at(undefined), /fetched/, 'polling: the document is the list\'s moment');
	assert.doesNotMatch(at(Date.parse('2026-11-29T20:25:00Z')), /fetched/, 'fetched before the pause');
});
