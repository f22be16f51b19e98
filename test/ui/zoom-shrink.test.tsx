// QA: a zoomed pane, the terminal shrunk below the pane's least height (40×8) and grown back:
// the zoom was lost, the pane back beside the list. Hidden, the pane gives the list the keys;
// shown again, zoomed, it takes them back.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {waitFor} from '../helpers/ink.js';
import {closeAll, mountSimulated, type Mounted} from './simulated-app.js';

after(closeAll);

async function resize({app, frame}: Mounted, columns: number, rows: number, shown: (frame: string) => boolean, what: string): Promise<void> {
	Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
	Object.defineProperty(app.stdout, 'columns', {value: columns, configurable: true});
	app.stdout.emit('resize');
	await waitFor(() => shown(frame()), what);
}

test('a zoomed pane is zoomed again, with the keys, after a shrink that hid it', async () => {
	const mounted = await mountSimulated({rows: 30});
	const zoomed = (frame: string) => /Session \d+/.test(frame) && !/\bClient\b/.test(frame);
	await mounted.press('z', () => zoomed(mounted.frame()), 'the pane zoomed');
	await resize(mounted, 40, 8, (frame) => !/Session \d+ /.test(frame), 'the pane hidden at 40×8');
	await resize(mounted, 140, 30, (frame) => /Session \d+/.test(frame), 'the pane back at 140×30');
	assert.ok(zoomed(mounted.frame()), `zoomed again:\n${mounted.frame()}`);
	// The keys are the pane's: z unzooms it, the list beside it again.
	await mounted.press('z', () => /\bClient\b/.test(mounted.frame()) && /Session \d+/.test(mounted.frame()), 'z unzooms');
	await mounted.close();
});

test('the pane\'s search prompt, and the pane\'s keys, come back with the pane after a shrink that hid it (QA: the prompt was lost, the next letter went to the list)', async () => {
	const mounted = await mountSimulated({rows: 30});
	await mounted.press('\r', () => /Session \d+/.test(mounted.frame()), 'the pane open');
	await mounted.press('\t', () => /to list/.test(mounted.frame()), 'the pane focused');
	await mounted.press('/', () => /Enter {2}keep/.test(mounted.frame()), 'the search prompt');
	await mounted.press('s', () => /\/s\b/.test(mounted.frame()), 's typed');
	await resize(mounted, 40, 8, (frame) => !/Session \d+ /.test(frame), 'the pane hidden at 40×8');
	await resize(mounted, 140, 30, (frame) => /Session \d+/.test(frame), 'the pane back at 140×30');
	await waitFor(() => /\/s\b/.test(mounted.frame()) && /Enter {2}keep/.test(mounted.frame()), `the prompt back:\n${mounted.frame()}`);
	// Its keys are the prompt's: typed on, the search goes on from what was typed.
	await mounted.press('e', () => /\/se\b/.test(mounted.frame()), 'e typed into the search');
	await mounted.close();
});
