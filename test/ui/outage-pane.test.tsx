import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {closedPane} from '../../source/model/pane.js';
import {startSimulator} from '../../source/simulator/index.js';
import {DetailPane} from '../../source/ui/detail-pane.js';
import {themeFor} from '../../source/ui/theme.js';
import {keys, plain, waitFor} from '../helpers/ink.js';
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
	await waitFor(() => /│Connection refused by/.test(frame()), 'the failed fetch, said in the pane');
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
