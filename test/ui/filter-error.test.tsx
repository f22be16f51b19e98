// A filter's error read whole: the sentence beside the prompt goes on under it, in the key
// hints' place and, when it needs more, in rows the list gives up (layout.ts), at every
// size; the rest of the screen keeps its place. Real key bytes through Ink's stdin.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {parseFilter} from '../../source/model/filter.js';
import {initialState} from '../../source/model/monitor-state.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {keys, plain, waitFor} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {poll, run, start, type} from '../helpers/state.js';
import {Monitor, screenTheme, type Size} from './monitor-screen.js';


const sessions = Array.from({length: 60}, (_, i) => session(i + 1, {user: i % 2 === 0 ? 'app' : 'report', idleSeconds: i * 200, ageSeconds: 9000, memoryBytes: 68_000 + i * 100}));
// A word one letter from no field: the long sentence, the fields listed (`usr` gets `user:app` instead).
const typo = parseFilter('uzr:app').error!;

async function typed(size: Size, text: string) {
	const app = render(<Monitor initial={run(poll(initialState(), sessions), {type: 'resize', listHeight: 10, paneHeight: 5, paneWidth: 40})} size={size} />);
	const frame = () => plain(app.lastFrame()).split('\n').map((line) => line.trimEnd());
	app.stdin.write('/');
	await waitFor(() => frame().some((line) => line.startsWith('/')), 'the prompt');
	// As typed: one key at a time.
	for (const char of text) {
		app.stdin.write(char);
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 2);
		});
	}

	await waitFor(() => frame().some((line) => line.startsWith(`/${text}`)), `/${text} on the prompt`);
	return {app, frame};
}

for (const size of [{columns: 80, rows: 24}, {columns: 120, rows: 40}, {columns: 40, rows: 10}]) {
	test(`at ${size.columns}×${size.rows}, /uzr:app's error is read whole, under the prompt; mended, the hints come back`, async () => {
		const {app, frame} = await typed(size, 'uzr:app');
		try {
			await waitFor(() => frame().join(' ').includes('in quotes is'), 'the error\'s end');
			// Let the resize the taller footer asks for settle.
			await new Promise((resolve) => {
				setTimeout(resolve, 50);
			});
			const lines = frame();
			const at = lines.findIndex((line) => line.startsWith('/uzr:app'));
			const sentence = [lines[at]!.slice('/uzr:app '.length), ...lines.slice(at + 1)].join(' ').trim().replaceAll(/\s+/g, ' ');
			assert.equal(sentence, typo, lines.join('\n'));
			assert.ok(lines.length <= size.rows - 1, `never taller than the terminal: ${lines.length}`);
			assert.ok(lines.every((line) => line.length <= size.columns), 'never wider');
			assert.match(lines[0]!, /60 sessions/, 'the header\'s first line stays');
			assert.ok(lines.some((line) => /^\S?\s*▶/.test(line) || line.includes('▶')), `the cursor's row stays: ${lines.join('\n')}`);
			assert.doesNotMatch(lines.join('\n'), /Enter {2}keep/, 'the error in the hints\' place');
			// Mended: the error goes, and the hints are back under the prompt.
			// Home, Delete three times, then `user`: each key on its own, as typed.
			for (const key of ['\u001B[1~', '\u001B[3~', '\u001B[3~', '\u001B[3~', ...'user']) {
				app.stdin.write(key);
				// eslint-disable-next-line no-await-in-loop
				await new Promise((resolve) => {
					setTimeout(resolve, 2);
				});
			}

			await waitFor(() => frame().some((line) => line.startsWith('/user:app')), 'user:app');
			await waitFor(() => frame().at(-1)!.includes('Esc  clear'), `the hints: ${frame().join('\n')}`);
			assert.doesNotMatch(frame().join('\n'), /not a field/);
			assert.ok(frame().length <= size.rows - 1);
		} finally {
			app.unmount();
		}
	});
}

test('a time as the screen writes it filters, and Enter keeps it', async () => {
	const {app, frame} = await typed({columns: 80, rows: 24}, 'idle>=1h30m');
	try {
		assert.doesNotMatch(frame().join('\n'), /is not/);
		app.stdin.write(keys.enter);
		await waitFor(() => !frame().some((line) => line.startsWith('/')), 'Enter keeps the filter');
		// Idle i×200 s: from 1h30m (5400 s, i = 27) on, 33 of the 60.
		assert.match(frame().join('\n'), /33 of 60 sessions/);
		assert.match(frame().join('\n'), /filter idle>=1h30m/);
	} finally {
		app.unmount();
	}
});

test('QA: host: that matches nothing says host: is the client, maxscale: the MaxScale', () => {
	const sessions = [session(1, {user: 'app'}), session(2, {user: 'web'})];
	const frameOf = (...keys: string[]) => {
		const state = type(start(sessions), '/', ...keys, 'return');
		const app = render(<Screen state={state} layout={layoutFor(state, {columns: 120, rows: 20}, idWidthOf(state))} theme={screenTheme} hostLabel="mx" />);
		const frame = plain(app.lastFrame());
		app.unmount();
		return frame;
	};

	assert.match(frameOf(...'host:127.0.0.1:19201'), /No session matches the filter: host: is the client's address, maxscale: the MaxScale \(Esc clears it\)\./);
	assert.match(frameOf(...'user:nobody'), /No session matches the filter \(Esc clears it\)\./);
});

test('a filter on a field this MaxScale does not report says so when it leaves nothing', () => {
	const sessions = [session(1, {user: 'app'}), session(2, {user: 'web'})];
	const state = type(start(sessions), '/', 'i', 'o', '=', '0', 'return');
	assert.equal(state.rows.length, 0);
	const app = render(<Screen state={state} layout={layoutFor(state, {columns: 100, rows: 20}, idWidthOf(state))} theme={screenTheme} hostLabel="mx" />);
	const frame = plain(app.lastFrame());
	app.unmount();
	assert.match(frame, /No session matches: this MaxScale reports no io \(Esc clears the filter\)\./);
});

test('several MaxScales, one too old for the figure: the empty list names that one, not "this MaxScale"', () => {
	const hosts = ['mx24:8989', 'mx25:8989'];
	let state = run(initialState({hosts}));
	state = run(
		state,
		{type: 'poll-ok', host: hosts[0], sessions: [session(1, {host: hosts[0], key: `${hosts[0]}#1`, memoryBytes: 70_000})], at: Date.now(), latencyMs: 1, bytes: 1},
		{type: 'poll-ok', host: hosts[1], sessions: [session(2, {host: hosts[1], key: `${hosts[1]}#2`})], at: Date.now(), latencyMs: 1, bytes: 1},
	);
	state = type(state, '/', ...'maxscale:mx25 memory>1K', 'return');
	assert.equal(state.rows.length, 0);
	const app = render(<Screen state={state} layout={layoutFor(state, {columns: 100, rows: 20}, idWidthOf(state))} theme={screenTheme} hostLabel="mx" />);
	const frame = plain(app.lastFrame());
	app.unmount();
	assert.match(frame, /No session matches: mx25:8989 reports no memory \(Esc clears the filter\)\./);
});
