import assert from 'node:assert/strict';
import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {after, test} from 'node:test';
import {helpBindings} from '../../source/model/keymap.js';
import {copiedMessage} from '../../source/ui/effects.js';
import {keys, waitFor} from '../helpers/ink.js';
import {closeAll, mountSimulated} from './simulated-app.js';

// Issue 4's behaviours through the real App, real key bytes, against the simulator over loopback.
after(closeAll);

async function mount(rows = 40) {
	return mountSimulated({rows});
}

test('sort with > < and I, shown in the header and the column title, the cursor on the same id', async () => {
	const {app, frame, press, client} = await mount();
	const selected = () => /▶.\s*(\d+) /.exec(frame())?.[1];
	const id = selected();
	assert.ok(id);
	await press('>', () => frame().includes('sort user▲'), 'sort by user');
	assert.match(frame(), /User▲/);
	await waitFor(() => selected() === id, 'the cursor on the same id');
	await press('I', () => frame().includes('sort user▼'), 'reversed');
	assert.equal(selected(), id);
	await press('<', () => frame().includes('sort id'), 'back to id');
	app.unmount();
	await client.close();
});

test('/ filters as you type, N of M in the header, an invalid regex shown inline, Esc clears', async () => {
	const {app, frame, press, client} = await mount();
	await press('/', () => frame().includes('Enter  keep'), 'the filter prompt');
	for (const char of 'user:report') {
		app.stdin.write(char);
	}

	await waitFor(() => /\d+ of 60 sessions/.test(frame()), 'N of M');
	const rows = frame().split('\n').filter((line) => /^[▶ ][ +●]\s*\d+ /.test(line));
	assert.ok(rows.length > 0 && rows.every((line) => line.includes('report')), rows.join('\n'));
	await press(' ', () => true, 'space');
	for (const char of '/[x/') {
		app.stdin.write(char);
	}

	await waitFor(() => frame().includes('invalid regex'), 'the regex error');
	await press(keys.escape, () => frame().includes('60 sessions') && !frame().includes(' of 60'), 'cleared');
	app.unmount();
	await client.close();
});

test('t groups differently, c collapses, p pauses, + slows the polls', async () => {
	const {app, frame, press, client, simulator} = await mount();
	await press('t', () => /group service(\n| {2})/.test(frame()), 'service grouping');
	assert.doesNotMatch(frame(), /▾ Session started/);
	await press('t', () => frame().includes('group user'), 'grouped by user');
	// The simulator's users hold sessions in several services: each user's row counts them by state.
	assert.match(frame(), /▾ \S+\s+\d+\s+\(started \d+/);
	await press('t', () => frame().includes('group client'), 'grouped by client host');
	await press('t', () => frame().includes('group none'), 'flat');
	await press('t', () => frame().includes('group service › state'), 'back');
	await press('c', () => frame().includes('▸ Session started'), 'collapsed');
	await press('c', () => !frame().includes('▸ Session started'), 'expanded');
	await press('p', () => frame().includes('PAUSED'), 'paused');
	const polled = /polled (\S+)/.exec(frame())?.[1];
	simulator.openSession();
	await new Promise((resolve) => {
		setTimeout(resolve, 700);
	});
	assert.equal(/polled (\S+)/.exec(frame())?.[1], polled, 'no poll while paused');
	await press(keys.down, () => true, 'navigation still works');
	await press('p', () => !frame().includes('PAUSED'), 'resumed');
	await press('+', () => frame().includes('every 500ms') || frame().includes('every 1s'), 'slower');
	app.unmount();
	await client.close();
});

test('K asks, y kills with the typed grace period, the outcome in one sentence', async () => {
	const {app, frame, press, client, simulator} = await mount();
	const [, id, user, from] = /^▶.\s*(\d+) +(\S+) +(\S+) /m.exec(frame()) ?? [];
	assert.ok(id && user && from);
	await press('K', () => new RegExp(`Kill session ${id} \\(`).test(frame()), 'the confirmation');
	app.stdin.write('2');
	await waitFor(() => frame().includes('grace 2s'), 'the grace period');
	await press('y', () => new RegExp(`Session ${id} \\(.*\\) has 2\\u00A0s to close, then is killed\\.`).test(frame()), 'the outcome');
	assert.ok(simulator.sessionIds().includes(id), 'still there during its grace period');
	// Its row says so while it has its time, as k9s shows a pod Terminating.
	const closing = new RegExp(`^▶.\\s*${id} .* closing .*$`, 'm').exec(frame())?.[0] ?? '';
	assert.ok(closing, frame());
	// Everything else of the row as it was: who and from where is what the operator watches go.
	assert.match(closing, new RegExp(`${id} +${user} +${from} `), 'its user and client as they were');
	await waitFor(() => !simulator.sessionIds().includes(id), 'the session gone from the server');
	await press(keys.down, () => true, 'move');
	await press('R', () => /Restart session/.test(frame()), 'restart asks too');
	await press('n', () => frame().includes('Nothing was restarted'), 'no');
	app.unmount();
	await client.close();
});

test('y copies with OSC 52, s saves a 0600 snapshot, ? lists every key of the key map', async () => {
	const {app, frame, press, client, written, directory} = await mount(60);
	const id = /▶.\s*(\d+) /.exec(frame())?.[1] ?? '';
	await press('y', () => frame().includes(`Sent session id ${id} `), 'copied');
	assert.equal(written.at(-1), `\u001B]52;c;${Buffer.from(id).toString('base64')}\u0007`);
	await press(keys.enter, () => frame().includes('"data": {'), 'the pane');
	await press('y', () => frame().includes('Sent the document of session'), 'the document copied');
	assert.ok(Buffer.from(/52;c;([^\u0007]*)/.exec(written.at(-1) ?? '')?.[1] ?? '', 'base64').toString().includes('"type": "sessions"'));
	await press('s', () => frame().includes(`Saved the list and the document of session ${id} to`), 'saved');
	const [file = ''] = await readdir(directory);
	assert.ok(file.startsWith('sessiontop-'));
	const saved = path.join(directory, file);
	assert.equal((await stat(saved)).mode & 0o777, 0o600);
	assert.equal(JSON.parse(await readFile(saved, 'utf8')).sessions.length, 60);
	await press('?', () => frame().includes('any other key closes this help'), 'the help');
	for (const binding of helpBindings(false)) {
		assert.ok(frame().includes(binding.label), `the help shows ${binding.label}`);
	}

	await press('x', () => !frame().includes('closes this help'), 'closed');
	app.unmount();
	await client.close();
});

test('y says it sent, not that it copied, and inside tmux names the setting that lets OSC 52 through (QA: tmux dropped it, the app said Copied)', () => {
	assert.equal(copiedMessage('session id 7', {}), 'Sent session id 7 to the clipboard with OSC 52 (if your terminal allows it).');
	assert.equal(copiedMessage('session id 7', {TMUX: '/tmp/tmux-0/default,1,0'}), 'Sent session id 7 with OSC 52; tmux passes it on only with set-clipboard on.');
});
