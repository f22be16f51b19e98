// npm run bench [-- --json] [-- --sizes 10000,100000] [-- --runs 5]
// The numbers of issue 6, side by side, medians of repeated runs. The simulator
// runs in a child process so that its work is not counted as the client's.

import {execFile} from 'node:child_process';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {promisify} from 'node:util';
import {useReducer} from 'react';
import {Client} from '../../source/api/client.js';
import {fetchSessionDocument, listPath} from '../../source/api/sessions-api.js';
import {tsvFields} from '../../source/batch/maxctrl-tsv.js';
import {ListThread} from '../../source/api/list-thread.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import type {Session} from '../../source/model/session.js';
import {preparePoll} from '../../source/model/poll.js';
import {finishInSlices} from '../../source/ui/finish-in-slices.js';
import {idWidthOf, layoutFor} from '../../source/ui/layout.js';
import {themeFor} from '../../source/ui/theme.js';
import {appRssMb} from './app-rss.js';
import {firstScreen} from './first-screen.js';
import {forkSimulator} from './fork-simulator.js';

// The process as the app has it (source/cli.tsx): Ink patched as it loads, so imported only after.
const {prepareMonitorProcess} = await import('../../source/monitor-process.js');
await prepareMonitorProcess();
const [{render}, {Screen}, {useKeys}] = await Promise.all([import('ink-testing-library'), import('../../source/ui/screen.js'), import('../../source/ui/use-keys.js')]);

type Result = {
	sessions: number;
	parseFloorMs: number;
	pollMs: number;
	renderMs: number;
	render100Ms: number;
	keyToFrameMs: number;
	maxStallMs: number;
	rssMb: number;
	onceTsvMs: number | null;
};

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const value = sorted.length % 2 === 0 ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2 : (sorted[middle] ?? 0);
	return Math.round(value * 10) / 10;
}

const size = {columns: 160, rows: 48};
const theme = themeFor({});

function frameOf(state: MonitorState) {
	const layout = layoutFor(state, size, idWidthOf(state));
	return <Screen state={state} layout={layout} theme={theme} hostLabel="bench" />;
}

/** Times frames drawn one after another on one Ink instance, as the app draws them. */
class FrameTimer {
	readonly times: number[] = [];
	readonly #app: ReturnType<typeof render>;

	constructor(state: MonitorState) {
		this.#app = render(frameOf(state));
	}

	draw(state: MonitorState, timed: boolean): void {
		const started = performance.now();
		this.#app.rerender(frameOf(state));
		if (timed) {
			this.times.push(performance.now() - started);
		}
	}

	done(): number {
		this.#app.unmount();
		return median(this.times);
	}
}

function KeyBench({initial}: {initial: MonitorState}) {
	const [state, dispatch] = useReducer(reducer, initial);
	useKeys(dispatch);
	return frameOf(state);
}

/** A ↓ from the terminal to the next frame, through the same key hook and reducer as the app. */
async function keyToFrame(state: MonitorState, runs: number): Promise<number> {
	const app = render(<KeyBench initial={state} />);
	await new Promise((resolve) => {
		setTimeout(resolve, 50);
	});
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const before = app.frames.length;
		const started = performance.now();
		app.stdin.write('\u001B[B');
		while (app.frames.length === before) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
		}

		times.push(performance.now() - started);
	}

	app.unmount();
	return median(times);
}

function resized(state: MonitorState): MonitorState {
	const layout = layoutFor(state, size, idWidthOf(state));
	return reducer(state, {type: 'resize', listHeight: layout.listHeight, paneHeight: layout.paneBodyHeight, paneWidth: layout.paneWidth - 2});
}

/** The state with its pane's document fetched and loaded, as the app shows it. */
async function withDocument(client: Client, state: MonitorState): Promise<MonitorState> {
	const id = state.pane.id;
	if (id === undefined) {
		return state;
	}

	const document = await fetchSessionDocument(client, state.byId.get(id)?.id ?? '');
	return document.ok ? reducer(state, {type: 'document-loaded', id, document: document.document}) : state;
}

/** The client's CPU time (all its threads) per poll: what the poll costs this machine, without the simulator's time to answer. */
const pollCpuMs = new Map<number, number>();
/** The built CLI's first frame and first whole list, from its start (medians of three). */
const firstScreens = new Map<number, {frameMs: number; listMs: number}>();
/** onceTsvMs with NODE_EXTRA_CA_CERTS left in the child's environment (one run), when it is set here. */
const onceTsvWithCa = new Map<number, number>();
/** The simulator's answer alone: the list fetched by the client and dropped unread, chunk by chunk. */
const answerMs = new Map<number, number>();
/** The same list through tsv-floor.mjs (node:http, one JSON.parse, the cells joined): a floor for onceTsvMs. */
const tsvFloor = new Map<number, number>();

async function measure(sessions: number, runs: number): Promise<Result> {
	const {child, url, port} = await forkSimulator(sessions);
	const client = new Client({target: {origin: url, label: `127.0.0.1:${port}`}, user: 'admin', password: 'mariadb', timeoutMs: 120_000});
	try {
		let state = resized(reducer(initialState(), {type: 'command', command: 'home'}));
		// As the app polls: fetch, parse and normalize in the list worker, the rest here.
		const thread = new ListThread(client, {host: client.target.label, keyed: false});
		await thread.fetch(new AbortController().signal); // Start the worker, warm the simulator.
		const histogram = monitorEventLoopDelay({resolution: 5});
		histogram.enable();
		const polls: number[] = [];
		const pollCpu: number[] = [];
		for (let i = 0; i < 10; i++) {
			const started = performance.now();
			const cpu = process.cpuUsage();
			// eslint-disable-next-line no-await-in-loop
			const result = await thread.fetch(new AbortController().signal);
			if (!result.ok) {
				throw new Error(result.error.message);
			}

			// As the app lands it: the whole-list work a slice per turn, then one dispatch.
			const action = {type: 'poll-ok', sessions: result.list.sessions, index: result.list.index, summary: result.list.summary, services: result.list.services, at: result.polledAt, latencyMs: result.latencyMs, bytes: result.bytes} as const;
			// eslint-disable-next-line no-await-in-loop
			const prepared = await finishInSlices(preparePoll(state, action));
			state = reducer(state, {...action, prepared});
			polls.push(performance.now() - started);
			const used = process.cpuUsage(cpu);
			pollCpu.push((used.user + used.system) / 1000);
		}

		histogram.disable();
		pollCpuMs.set(sessions, median(pollCpu));

		// Only now the bench's own baggage: the whole body, parsed as a floor to compare polls with.
		const body = await client.send('GET', listPath(), 'the list');
		if (!body.ok) {
			throw new Error(body.error.message);
		}

		const parseFloorMs = median(
			Array.from({length: runs}, () => {
				const started = performance.now();
				JSON.parse(body.body);
				return performance.now() - started;
			}),
		);

		// What no client can go under: the simulator's answer, read and dropped.
		const answers: number[] = [];
		for (let i = 0; i < runs; i++) {
			const started = performance.now();
			// eslint-disable-next-line no-await-in-loop
			const answer = await client.stream(listPath(), 'the list', () => ({write: () => undefined, end: () => undefined}));
			if (!answer.ok) {
				throw new Error(answer.error.message);
			}

			answers.push(performance.now() - started);
		}

		answerMs.set(sessions, median(answers));

		// The pane open on a session, with its document, as in the issue.
		state = resized(reducer(reducer(state, {type: 'command', command: 'end'}), {type: 'open-pane'}));
		state = await withDocument(client, state);

		// As the app draws after each poll: a new list (new ages and idle times, so no line
		// comes from the last frame's cache), fetched and read by the list worker as the
		// app's are, drawn right after the poll that brought it.
		// The same at 100 sessions, the list's last 100: not the rows on the big screen.
		// The first frames a process draws run cold code (V8 has not optimized the
		// drawing yet; the app draws every poll and key): the first ten are not timed.
		const warm = 10;
		// A collection lands in about every other frame here (a few ms in a 3 ms frame):
		// three frames per run, so that one median does not hang on two or three frames.
		const frames = runs * 3;
		const hundredOf = (previous: MonitorState, sessions: Session[], at: number) => reducer(previous, {type: 'poll-ok', sessions: sessions.slice(-100), at, latencyMs: 1, bytes: 1});
		// The same screen: the pane open on the list's last session, its document loaded.
		let hundred = await withDocument(client, resized(reducer(reducer(hundredOf(initialState(), state.sessions, 1), {type: 'command', command: 'end'}), {type: 'open-pane'})));

		const big = new FrameTimer(state);
		const small = new FrameTimer(hundred);
		for (let i = 0; i < frames + warm; i++) {
			// eslint-disable-next-line no-await-in-loop
			const next = await thread.fetch(new AbortController().signal);
			if (!next.ok) {
				throw new Error(next.error.message);
			}

			// Landed as the app lands it (in slices, then one dispatch), then drawn.
			const action = {type: 'poll-ok', sessions: next.list.sessions, at: next.polledAt, latencyMs: 1, bytes: next.bytes} as const;
			// eslint-disable-next-line no-await-in-loop
			state = reducer(state, {...action, prepared: await finishInSlices(preparePoll(state, action))});
			hundred = hundredOf(hundred, next.list.sessions, next.polledAt);
			// The frame drawn first after a poll pays for the collection its garbage brings
			// on (a scavenge or a marking step, a few milliseconds at 10k): each size is drawn
			// first every other time, so that both medians meet the same collector.
			const order = i % 2 === 0 ? [big, small] : [small, big];
			for (const timer of order) {
				timer.draw(timer === big ? state : hundred, i >= warm);
			}
		}

		await thread.close();

		const renderMs = big.done();
		const render100Ms = small.done();
		const keyToFrameMs = await keyToFrame(reducer(state, {type: 'close-pane'}), runs * 2);

		let onceTsvMs: number | null = null;
		try {
			// Node reads NODE_EXTRA_CA_CERTS at start-up whatever the program does (100+ ms for
			// a system bundle); the simulator is plain HTTP and needs no CA, so the child runs
			// without it. One run with it shows what such an environment adds.
			const {NODE_EXTRA_CA_CERTS: extraCa, ...withoutCa} = process.env;
			const timed = async (args: string[], env: NodeJS.ProcessEnv) => {
				const started = performance.now();
				await promisify(execFile)(process.execPath, args, {maxBuffer: 1024 ** 3, env});
				return performance.now() - started;
			};

			const onceTsv = async (env: NodeJS.ProcessEnv) => timed(['build/cli.js', '--once', '--tsv', '-h', `127.0.0.1:${port}`], env);
			// Its own failure leaves the floor out, not onceTsvMs.
			const floor = async () => timed([new URL('tsv-floor.mjs', import.meta.url).pathname, String(port), listPath(tsvFields)], withoutCa).catch(() => Number.NaN);
			const times: number[] = [];
			const floors: number[] = [];
			for (let i = 0; i < Math.min(runs, 3); i++) {
				// eslint-disable-next-line no-await-in-loop
				times.push(await onceTsv(withoutCa));
				// eslint-disable-next-line no-await-in-loop
				floors.push(await floor());
			}

			onceTsvMs = median(times);
			tsvFloor.set(sessions, median(floors));
			if (extraCa !== undefined) {
				// Its own failure leaves the figure out, not onceTsvMs.
				await onceTsv(process.env).then(
					(ms) => onceTsvWithCa.set(sessions, median([ms])),
					() => undefined,
				);
			}
		} catch {
			onceTsvMs = null; // No batch output in this build.
		}

		// The app itself, last: nothing else asks the simulator for lists meanwhile.
		const rssMb = await appRssMb(child, port);
		const starts = [];
		for (let i = 0; i < 3; i++) {
			// eslint-disable-next-line no-await-in-loop
			starts.push(await firstScreen(port, sessions));
		}

		firstScreens.set(sessions, {frameMs: median(starts.map((start) => start.frameMs)), listMs: median(starts.map((start) => start.listMs))});
		return {
			sessions,
			parseFloorMs,
			pollMs: median(polls),
			renderMs,
			render100Ms,
			keyToFrameMs,
			maxStallMs: Math.round(histogram.max / 1e5) / 10,
			rssMb,
			onceTsvMs,
		};
	} finally {
		await client.close();
		child.disconnect();
	}
}

async function main(): Promise<void> {
	const arg = (name: string) => {
		const index = process.argv.indexOf(name);
		return index === -1 ? undefined : process.argv[index + 1];
	};

	const sizes = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
	const runs = Number(arg('--runs') ?? 5);
	const results: Result[] = [];
	for (const sessions of sizes) {
		// eslint-disable-next-line no-await-in-loop
		results.push(await measure(sessions, runs));
	}

	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify(results)}\n`);
	} else {
		console.table(results);
		console.log('rssMb is sessiontop\'s own resident memory (the built CLI in a pseudo-terminal, default interval) as its 11th list request arrives.');
		console.log(`pollMs is wall time, the simulator's time to answer included. The client's own CPU time per poll (all threads): ${[...pollCpuMs].map(([n, ms]) => `${n}: ${ms} ms`).join(', ')}.`);
		console.log(`The simulator's answer alone (the list fetched and dropped unread): ${[...answerMs].map(([n, ms]) => `${n}: ${ms} ms`).join(', ')}.`);
		console.log(`The built CLI in a pseudo-terminal, from its start: ${[...firstScreens].map(([n, start]) => `${n}: first frame ${start.frameMs} ms, the whole list ${start.listMs} ms`).join('; ')} (medians of three).`);
		const withCa = [...onceTsvWithCa].map(([n, ms]) => `${n}: ${ms} ms`).join(', ');
		console.log(`onceTsvMs runs the CLI without NODE_EXTRA_CA_CERTS (not needed for the plain-HTTP simulator)${withCa === '' ? '.' : `; with it, as set here (${process.env['NODE_EXTRA_CA_CERTS']}), one run: ${withCa}.`}`);
		console.log(`The same list through test/bench/tsv-floor.mjs (node:http, one JSON.parse, the eight cells joined, nothing else): ${[...tsvFloor].map(([n, ms]) => `${n}: ${ms} ms`).join(', ')}.`);
	}

	process.exit(0);
}

await main();
