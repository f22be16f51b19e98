// node --import tsx test/ui/frames-of-screens.tsx [patched]: prints, as JSON, every
// frame of a fixed run of the real screens (polls that change sessions, keys
// through the reducer, the pane, help, filter, two sizes, colour and NO_COLOR) and
// of random styled Ink trees (wide characters, borders, clipping). Run with and
// without Ink's patches (source/ui/ink-caches.ts) by test/ui/ink-frames.test.ts,
// which wants the same bytes. Not a test itself: it only draws.

import process from 'node:process';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {ReactElement} from 'react';

if (process.argv[2] === 'patched') {
	const {boundInkCaches} = await import('../../source/ui/ink-caches.js');
	boundInkCaches();
}

// The header's clock: the same instant in both runs.
Date.now = () => 1_800_000_000_000;

const [{render}, {Box, Text}, {initialState, reducer}, {idWidthOf, layoutFor}, {Screen}, {themeFor}] = await Promise.all([
	import('ink-testing-library'),
	import('ink'),
	import('../../source/model/monitor-state.js'),
	import('../../source/ui/layout.js'),
	import('../../source/ui/screen.js'),
	import('../../source/ui/theme.js'),
]);
type MonitorState = ReturnType<typeof initialState>;
type Action = Parameters<typeof reducer>[1];
type Session = MonitorState['sessions'][number];

// Whether Ink's Output really is the patched one: patched, all frames share one cache.
const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));
const {default: Output} = (await import(pathToFileURL(path.join(inkBuild, 'output.js')).href)) as {default: new (options: {width: number; height: number}) => {caches: unknown}};
const patched = new Output({width: 1, height: 1}).caches === new Output({width: 1, height: 1}).caches;

/** A small seeded generator (mulberry32): both runs draw the same things. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d_2b_79_f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const next = random(6);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const users = ['app', 'report', '用户', 'ユーザー名', 'naïve', 'cafe\u0301', 'emoji🙂', 'flag🇫🇷', 'a-very-long-user-name-that-will-not-fit'];
const states = ['Session started', 'Session stopped', 'Session ready for routing', 'Failed', 'Connecting to backends'];
const services = ['RW-Split-Router', 'Read-Only', 'Analytics', 'サービス'];

function makeSession(id: number, t: number): Session {
	return {
		key: String(id),
		id: String(id),
		host: '',
		service: pick(services),
		state: pick(states),
		user: pick(users),
		remote: `10.0.${id % 255}.${Math.floor(next() * 255)}`,
		port: 3000 + id,
		connectedAt: 1e12,
		ageSeconds: t + id,
		idleSeconds: Math.floor(next() * 1000) / 10,
		memoryBytes: Math.floor(next() * 1e7),
		ioActivity: Math.floor(next() * 300),
		thread: id % 4,
	};
}

const document = {
	data: {
		id: '7',
		type: 'sessions',
		attributes: {state: 'Session started', user: '用户🙂', remote: '10.0.0.1', connected: 'Wed Nov 25', idle: 1.5, memory: {total: 66_000}, queries: ['SELECT 1', 'SELECT ✓'], ok: true, none: null},
		relationships: {services: {data: [{id: 'RW-Split-Router', type: 'services'}]}},
	},
};

const keys = ['down', 'down', 'down', 'up', 'pagedown', 'pageup', 'home', 'end', 'return', 'right', 'left', 'escape', 'tab', 'space', 'u', '>', '<', 'I', 't', 'c', 'C', 'p', '?', 'G', 'g', '/', 'K', 'n'];
const named = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'escape', 'tab', 'space']);

const frames: string[] = [];
for (const [env, size] of [
	[{}, {columns: 160, rows: 48}],
	[{NO_COLOR: '1'}, {columns: 80, rows: 24}],
	[{}, {columns: 100, rows: 30}],
] as const) {
	const theme = themeFor(env);
	const frameOf = (state: MonitorState) => <Screen state={state} layout={layoutFor(state, size, idWidthOf(state))} theme={theme} hostLabel="frames" />;
	const resized = (state: MonitorState) => {
		const layout = layoutFor(state, size, idWidthOf(state));
		return reducer(state, {type: 'resize', listHeight: layout.listHeight, paneHeight: layout.paneBodyHeight, paneWidth: layout.paneWidth - 2});
	};

	let live = Array.from({length: 120}, (_, i) => makeSession(i, 0));
	let nextId = live.length;
	let state = resized(reducer(initialState(), {type: 'poll-ok', sessions: live, at: Date.now(), latencyMs: 3, bytes: 100}));
	const app = render(frameOf(state));
	for (let step = 1; step <= 150; step++) {
		const roll = next();
		let action: Action;
		if (roll < 0.3) {
			// A poll: some go, some come, every age moves on.
			live = live.filter(() => next() > 0.05).map((session) => (next() < 0.3 ? {...session, ...makeSession(Number(session.id), step), service: session.service} : {...session, ageSeconds: (session.ageSeconds ?? 0) + 1}));
			for (let i = Math.floor(next() * 6); i > 0; i--) {
				live.push(makeSession(nextId++, step));
			}

			action = {type: 'poll-ok', sessions: live, at: Date.now() - 1000 + step, latencyMs: Math.floor(next() * 50), bytes: 100};
		} else if (roll < 0.35 && state.pane.id !== undefined) {
			action = {type: 'document-loaded', id: state.pane.id, document: {...document, step}};
		} else if (roll < 0.4) {
			action = {type: 'pane-scroll', delta: Math.floor(next() * 7) - 3};
		} else {
			const key = pick(keys);
			action = named.has(key) ? {type: 'key', input: key === 'space' ? ' ' : '', name: key} : {type: 'key', input: key};
		}

		state = resized(reducer(state, action));
		// The document comes as soon as the pane opens (as a fast MaxScale sends it).
		if (state.pane.id !== undefined && state.pane.document === undefined && state.pane.error === undefined) {
			state = reducer(state, {type: 'document-loaded', id: state.pane.id, document: {...document, step}});
		}

		app.rerender(frameOf(state));
	}

	frames.push(...app.frames);
	app.unmount();
}

// Random trees: styles, nesting, wide and combining characters, borders, clipping.
const colours = ['red', 'green', 'blue', 'cyan', 'gray', 'yellow', 'magenta', '#ff8800', undefined] as const;
const pieces = ['abc', ' ', '用户', '🙂', '✓', 'e\u0301', '🇫🇷', '▶', '│', '  spaced  ', 'x'.repeat(30), '\t'];
function text(depth: number, key: number): ReactElement {
	const children = Array.from({length: 1 + Math.floor(next() * 3)}, (_, i) => (depth < 2 && next() < 0.4 ? text(depth + 1, i) : pick(pieces).repeat(1 + Math.floor(next() * 3))));
	return (
		<Text key={key} color={pick(colours)} backgroundColor={next() < 0.15 ? pick(colours) : undefined} bold={next() < 0.3} dimColor={next() < 0.2} inverse={next() < 0.2} underline={next() < 0.2} strikethrough={next() < 0.1} wrap={pick(['wrap', 'truncate', 'truncate-middle'] as const)}>
			{children}
		</Text>
	);
}

function tree(): ReactElement {
	return (
		<Box flexDirection="column" width={60} height={16}>
			{Array.from({length: 6}, (_, row) => (
				<Box key={row} flexDirection="row" overflow={next() < 0.3 ? 'hidden' : 'visible'} height={1 + Math.floor(next() * 2)} marginLeft={Math.floor(next() * 3)} borderStyle={next() < 0.15 ? 'round' : undefined}>
					{Array.from({length: 1 + Math.floor(next() * 3)}, (_, i) => text(0, i))}
				</Box>
			))}
		</Box>
	);
}

const trees = render(tree());
for (let i = 0; i < 300; i++) {
	trees.rerender(tree());
}

frames.push(...trees.frames);
trees.unmount();
// Exit once it is all written: a pipe takes it in pieces.
process.stdout.write(JSON.stringify({patched, frames}), () => {
	process.exit(0);
});
