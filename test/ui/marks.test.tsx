import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {keys} from '../helpers/ink.js';
import {closeAll, cursorId, mountSimulated} from './simulated-app.js';

after(closeAll);

test('marks the filter hides: the header counts them, K names them and says they are hidden', async () => {
	const {frame, press, typeText, close} = await mountSimulated();
	const first = cursorId(frame());
	await press(' ', () => frame().includes('● 1 marked'), 'one mark, in the header');
	const second = cursorId(frame());
	await press(' ', () => frame().includes('● 2 marked'), 'two marks');
	assert.ok(first !== undefined && second !== undefined && first !== second);
	// A filter that shows neither marked session.
	await press('/', () => frame().includes('Enter  keep'), 'the filter prompt');
	await typeText(`!id:${first} !id:${second}`);
	await press(keys.enter, () => frame().includes('● 2 marked (2 hidden by the filter)'), 'the header says the marks are hidden');
	const rows = frame().split('\n').filter((line) => /^[▶ ][ +●]\s*\d+ /.test(line));
	assert.ok(rows.length > 0 && rows.every((line) => !line.includes(`${first} `) && !line.includes(`${second} `) && !line.includes('●')), 'neither marked row on screen');
	// The question read as one text, however the footer wraps it.
	const said = () => frame().replaceAll(/ *\n */g, ' ');
	await press('K', () => /\[y\/N\] Kill 2 marked sessions of \S+ (and \S+ )?on \S+ (and \S+ )?\(2 hidden by the filter\): /.test(said()), 'the prompt');
	assert.match(said(), new RegExp(`\\(2 hidden by the filter\\): ${first}, ${second}\\?`));
	await press('n', () => frame().includes('Nothing was killed'), 'no');
	await close();
});

test('R offers no grace period (MaxScale\'s restart takes none), and digits do nothing there', async () => {
	const {frame, press, close} = await mountSimulated();
	const id = cursorId(frame());
	await press('K', () => frame().includes(`Kill session ${id} (`), 'the kill prompt');
	assert.match(frame(), /0-9\s+grace seconds/);
	assert.match(frame(), /grace none/);
	await press(keys.escape, () => frame().includes('Nothing was killed'), 'no');
	await press('R', () => frame().includes(`Restart session ${id} (`), 'the restart prompt');
	assert.doesNotMatch(frame(), /grace/);
	await press('5', () => true, 'a digit');
	await new Promise((resolve) => {
		setTimeout(resolve, 100);
	});
	assert.doesNotMatch(frame(), /grace/);
	assert.match(frame(), /\[y\/N] Restart session/, 'still asking');
	await press('n', () => frame().includes('Nothing was restarted'), 'no');
	await close();
});

test('the filter count holds the sessions of a collapsed group', async () => {
	const {frame, press, typeText, close} = await mountSimulated();
	await press('/', () => frame().includes('Enter  keep'), 'the filter prompt');
	await typeText('user:report');
	await press(keys.enter, () => /\d+ of 60 sessions/.test(frame()), 'N of M');
	const count = () => Number(/(\d+) of 60 sessions/.exec(frame())?.[1]);
	const matching = count();
	assert.ok(matching > 0);
	await press('g', () => /▶▾ /.test(frame()), 'the cursor on the first group');
	const group = /▶▾ (\S+)\s+(\d+)/.exec(frame());
	await press('c', () => frame().includes(`▶▸ ${group?.[1]}`), 'collapsed');
	assert.equal(count(), matching, `still ${matching}, with ${group?.[2]} of them collapsed`);
	await press('C', () => !frame().includes('▸'), 'C: expanded again');
	await press('C', () => !frame().includes('▾'), 'C again: every service collapsed');
	assert.equal(count(), matching);
	await close();
});

test('s says what it saved: the list alone with the pane closed', async () => {
	const {frame, press, close, directory} = await mountSimulated();
	await press('s', () => frame().includes('Saved the list to '), 'saved');
	assert.ok(frame().includes(directory.slice(0, 20)));
	assert.doesNotMatch(frame(), /document/);
	await close();
});

test('a group row says how many of its sessions are marked, folded too (QA: marks under a folded group were out of sight)', async () => {
	const {frame, press, close} = await mountSimulated();
	await press(keys.home, () => /^▶[▾▸] /m.test(frame()), 'the cursor on the first service');
	const [, service, count] = /^▶[▾▸] (\S+) {2}(\d+)/m.exec(frame()) ?? [];
	assert.ok(service && count, frame());
	await press(' ', () => frame().includes(`Marked ${count} session`), 'the group marked');
	assert.match(frame(), new RegExp(`^.▾ ${service} {2}${count} ● ${count} `, 'm'), 'its row counts its marks');
	// Its state row counts them too; another service's row, none of them.
	assert.match(frame(), new RegExp(`^. {2}▾ Session started {2}\\d+ ● \\d+`, 'm'));
	await press(keys.home, () => new RegExp(`^▶▾ ${service} `, 'm').test(frame()), 'back on it');
	await press('c', () => new RegExp(`^▶▸ ${service} {2}${count} ● ${count} `, 'm').test(frame()), 'folded, the count still there');
	assert.equal(frame().split('\n').filter((line) => /^[▶ ] *[▾▸] .* ● \d+/.test(line)).length, 1, 'no other group row counts marks');
	await close();
});
