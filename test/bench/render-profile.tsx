// TSX_TSCONFIG_PATH=test/tsconfig.json node --cpu-prof --import tsx test/bench/render-profile.tsx [sessions]:
// frames only, for a CPU profile (PANE=1 with the pane open; COLS and ROWS set the terminal).
// UNPATCHED=1 draws them with Ink as published, without source/ui/ink-caches.ts.
import process from 'node:process';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import type {Session} from '../../source/model/session.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {themeFor} from '../../source/ui/theme.js';

// As the app (monitor-process.ts) and `npm run bench` do, before React loads: React's development
// build marks every component's render with a diff of its props (the whole state), which made
// each frame at 10,000 sessions take ~400 ms and keep ~40 MB until the heap ran out.
process.env['NODE_ENV'] ??= 'production';

// As the app and the bench do, before Ink loads.
if (!process.env['UNPATCHED']) {
	const {boundInkCaches} = await import('../../source/ui/ink-caches.js');
	boundInkCaches();
}

const [{render}, {Screen}] = await Promise.all([import('ink-testing-library'), import('../../source/ui/screen.js')]);

const n = Number(process.argv[2] ?? 100);
const size = {columns: Number(process.env['COLS'] ?? 160), rows: Number(process.env['ROWS'] ?? 48)};
const theme = themeFor({});
const make = (i: number, t: number): Session => ({key: String(i), id: String(i), host: '', service: ['RW-Split-Router', 'Read-Only', 'Analytics'][i % 3]!, state: 'Session started', user: `user${i % 50}`, remote: `10.0.${i % 255}.1`, port: 3000 + i, connectedAt: 1e12, ageSeconds: 1000 + i + t, idleSeconds: ((i * 7) + t) % 100 / 10, memoryBytes: 60_000 + i, ioActivity: i % 300, thread: i % 4});
const frame = (state: MonitorState) => <Screen state={state} layout={layoutFor(state, size, idWidthOf(state))} theme={theme} hostLabel="bench" />;
let state = reducer(initialState(), {type: 'resize', listHeight: 44, paneHeight: 40, paneWidth: 60});
const states: MonitorState[] = [];
for (let t = 0; t < 40; t++) {
	state = reducer(state, {type: 'poll-ok', sessions: Array.from({length: n}, (_, i) => make(i, t)), at: t * 1000, latencyMs: 1, bytes: 1});
	states.push(process.env['PANE'] ? reducer(state, {type: 'open-pane'}) : state);
}

const app = render(frame(states[0]!));
const times: number[] = [];
for (let round = 0; round < 5; round++) {
	for (const s of states) {
		const started = performance.now();
		app.rerender(frame(s));
		times.push(performance.now() - started);
	}
}

times.sort((a, b) => a - b);
console.log(`median frame ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms over ${times.length}`);
app.unmount();
