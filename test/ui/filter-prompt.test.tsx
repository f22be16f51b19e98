// First: turns Ink's colours on (this file's process only) so the cursor's inverse cell shows.
import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {useReducer} from 'react';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {Footer} from '../../source/ui/footer.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {Screen} from '../../source/ui/screen.js';
import {themeFor} from '../../source/ui/theme.js';
import {useKeys} from '../../source/ui/use-keys.js';
import {keys, plain, waitFor} from '../helpers/ink.js';
import type {Session} from '../../source/model/session.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

// The filter prompt's cursor on the screen: real key bytes through Ink's stdin, the app's key
// names (use-keys, key-names) and the reducer, to the list the edited filter leaves.

const theme = themeFor({NO_COLOR: '1'});
const size = {columns: 80, rows: 16};

/** The monitor's screen as the App draws it, from a state, with its keys; no MaxScale behind it. */
function Monitor({initial}: {initial: MonitorState}) {
	const [state, dispatch] = useReducer(reducer, initial);
	useKeys(dispatch);
	return <Screen state={state} layout={layoutFor(state, size, idWidthOf(state))} theme={theme} hostLabel="127.0.0.1:8989" />;
}

/** A frame with the inverse cell as `[x]` and every other style taken off. */
function withCursor(frame: string | undefined): string {
	// eslint-disable-next-line no-control-regex
	return plain((frame ?? '').replaceAll(/\u001B\[7m(.*?)\u001B\[27m/g, '[$1]'));
}

const promptLine = (frame: string) => frame.split('\n').find((line) => line.startsWith('/'))?.trimEnd();
/** The users of the session rows shown (the cursor's row is drawn inverse: `[▶ …]`). */
const rowUsers = (frame: string) => frame.split('\n').flatMap((line) => /^\[?[▶ ][ +●]\s*\d+ (\w+)/.exec(line)?.[1] ?? []);

/** The Monitor on these sessions, laid out for `size`; `press` types a key and waits for what it should do. */
function mounted(sessions: Session[]) {
	const first = start(sessions);
	const layout = layoutFor(first, size, idWidthOf(first));
	const initial = reducer(first, {type: 'resize', listHeight: layout.listHeight, paneHeight: layout.paneBodyHeight, paneWidth: layout.paneWidth});
	const app = render(<Monitor initial={initial} />);
	const frame = () => withCursor(app.lastFrame());
	const press = async (key: string, until: () => boolean, what: string) => {
		app.stdin.write(key);
		await waitFor(until, what).catch((error: unknown) => {
			throw new Error(`${String(error)}; the screen:\n${frame()}`);
		});
	};

	return {app, frame, press};
}

test('the filter edited with ←, Home, →, typing in the middle, then Enter: the list is what the edited filter keeps', async () => {
	const {app, frame, press} = mounted([session(1, {user: 'alice'}), session(2, {user: 'bob'}), session(3, {user: 'carol'}), session(4, {user: 'carolyn'})]);
	try {

		assert.deepEqual(rowUsers(frame()), ['alice', 'bob', 'carol', 'carolyn']);
		await press('/', () => promptLine(frame()) === '/[ ]', 'the prompt, its cursor after the (empty) end');
		// Pasted: one read, every character at the cursor. A typo: `usr` is no field.
		await press('usr:caro', () => promptLine(frame())?.startsWith('/usr:caro[ ]  usr is not a field') === true, 'the paste, and what is wrong with it');
		await press(keys.left, () => promptLine(frame())?.startsWith('/usr:car[o]') === true, '← onto the o');
		await press('\u001B[1~', () => promptLine(frame())?.startsWith('/[u]sr:caro') === true, 'Home');
		await press(keys.right, () => promptLine(frame())?.startsWith('/u[s]r:caro') === true, '→');
		await press(keys.right, () => promptLine(frame())?.startsWith('/us[r]:caro') === true, '→ again');
		await press('e', () => promptLine(frame()) === '/use[r]:caro', 'e typed before the r, the error gone');
		assert.deepEqual(rowUsers(frame()), ['carol', 'carolyn'], 'filtered as it is typed');
		await press('\u001B[4~', () => promptLine(frame()) === '/user:caro[ ]', 'End');
		await press('l\u007F\u007F', () => promptLine(frame()) === '/user:car[ ]', 'l, then two Backspaces');
		await press(keys.left, () => promptLine(frame()) === '/user:ca[r]', '←');
		await press('\u001B[3~', () => promptLine(frame()) === '/user:ca[ ]', 'Delete, under the cursor');
		await press('rol\u0017', () => promptLine(frame()) === '/[ ]', 'Ctrl-W: the whole term');
		await press('user:bob', () => promptLine(frame()) === '/user:bob[ ]', 'typed again');
		await press('\u001B[1;3D', () => promptLine(frame()) === '/[u]ser:bob', 'Alt-←: the term\'s start');
		await press('!', () => rowUsers(frame()).join() === 'alice,carol,carolyn', 'a ! in front');
		await press(keys.enter, () => promptLine(frame()) === undefined, 'Enter keeps it');
		assert.match(frame(), /3 of 4 sessions/);
		assert.match(frame(), /filter !user:bob/);
		assert.deepEqual(rowUsers(frame()), ['alice', 'carol', 'carolyn']);
		// Opened again: the cursor after the end, where typing goes on.
		await press('/', () => promptLine(frame()) === '/!user:bob[ ]', 'the prompt again, the cursor at the end');
		await press('by\r', () => promptLine(frame()) === undefined && rowUsers(frame()).join() === 'alice,bob,carol,carolyn', '!user:bobby, kept: bob is back');
		assert.match(frame(), /filter !user:bobby/);
	} finally {
		app.unmount();
	}
});

/** The prompt's line in a footer `width` wide, its cursor's cell as `[x]`. */
function footerPrompt(state: MonitorState, width: number): string {
	const app = render(<Footer state={state} theme={theme} width={width} />);
	const line = promptLine(withCursor(app.lastFrame()));
	app.unmount();
	assert.ok(line !== undefined);
	return line;
}

test('a filter wider than the line scrolls to keep the cursor in view, with … where it goes on', () => {
	const text = 'user:application_server_01 idle>600 state:started !host:10.0.0.7';
	let state = type(start([session(1)]), '/', ...text);
	const width = 40;
	assert.equal(footerPrompt(state, width), '/…idle>600 state:started !host:10.0.0.7[ ]');
	for (let moves = 0; moves <= text.length; moves++) {
		const line = footerPrompt(state, width);
		const cursor = state.filterCursor;
		const what = `${cursor}: ${line}`;
		assert.ok(line.replaceAll(/[[\]]/g, '').length <= width, `${what}: never wider than the line`);
		assert.ok(line.includes(`[${text[cursor] ?? ' '}]`), `${what}: the cursor's character is drawn`);
		// What shows is a piece of the text, whole, marked … where the text goes on.
		const shown = line.slice(1).replace(/^…/, '').replace(/…$/, '').replace(/\[ ]$/, '').replaceAll(/[[\]]/g, '');
		assert.ok(text.includes(shown), what);
		assert.equal(line.startsWith('/…'), !text.startsWith(shown), `${what}: … for the start cut off`);
		assert.equal(line.endsWith('…'), !text.endsWith(shown), `${what}: … for the end cut off`);
		state = type(state, 'left');
	}

	assert.equal(footerPrompt(state, width), `/[u]${text.slice(1, 38)}…`, 'the whole line, 40 cells');
	// Beside an error, the text keeps at least half the line; the error starts in the rest and
	// goes on under it, in the hints' place, whole.
	const unfinished = type(state, 'end', 'space', ...'idle>');
	assert.equal(footerPrompt(unfinished, width), '/…ost:10.0.0.7 idle>[ ]  idle> needs a');
	const app = render(<Footer state={unfinished} theme={theme} width={width} height={3} />);
	assert.deepEqual(plain(app.lastFrame()).split('\n').slice(1).map((line) => line.trimEnd()), ['value (e.g. idle>60, idle>10m,', 'idle>1h30m)']);
	app.unmount();
});

test('Ctrl-P at the prompt puts back an earlier filter, the list filtered by it; its hint shows only when there is one', async () => {
	const {app, frame, press} = mounted([session(1, {user: 'alice'}), session(2, {user: 'bob'}), session(3, {user: 'carol'})]);
	try {
		const hints = () => frame().split('\n').at(-1) ?? '';

		await press('/', () => promptLine(frame()) === '/[ ]', 'the prompt');
		assert.doesNotMatch(hints(), /Ctrl-P/, 'nothing kept yet: no hint for it');
		await press('user:bob', () => rowUsers(frame()).join() === 'bob', 'bob alone');
		await press('\r', () => promptLine(frame()) === undefined, 'kept');
		await press('/', () => promptLine(frame())?.startsWith('/user:bob[ ]') === true, 'the prompt again, on the kept filter');
		assert.doesNotMatch(hints(), /Ctrl-P/, 'the only filter kept is the one on the line');
		await press('\u0015user:carol', () => rowUsers(frame()).join() === 'carol', 'Ctrl-U, then carol');
		await press('\r', () => promptLine(frame()) === undefined, 'kept');
		// Opened again on user:carol, the newest kept: Ctrl-P goes past it, to user:bob.
		await press('/', () => /Ctrl-P Ctrl-N\W+earlier filters/.test(hints()), 'the hint, with a filter to go back to');
		await press('\u0010', () => promptLine(frame())?.startsWith('/user:bob[ ]') === true && rowUsers(frame()).join() === 'bob', 'Ctrl-P: the one before');
		await press('\u0010', () => promptLine(frame())?.startsWith('/user:bob[ ]') === true, 'Ctrl-P at the oldest: it stays');
		await press('\u000E', () => promptLine(frame())?.startsWith('/user:carol[ ]') === true && rowUsers(frame()).join() === 'carol', 'Ctrl-N: the line as it was');
		await press('\u0015\u0010', () => promptLine(frame())?.startsWith('/user:carol[ ]') === true, 'edited (Ctrl-U), then Ctrl-P: the newest again');
		await press('\u000E', () => promptLine(frame()) === '/[ ]' && rowUsers(frame()).length === 3, 'Ctrl-N: the emptied line');
	} finally {
		app.unmount();
	}
});
