// The monitor started from the command line (cli.tsx): the recording opened first (a file it
// cannot write is said before the screen takes the terminal), each MaxScale's list worker started
// so that its start-up runs beside the screen's loading, then the screen; or a recording played
// back (--replay) with no MaxScale at all. A sentence for cli.tsx to fail with, else the exit status.

import type {Connected} from './connect.js';
import {monitorOptions, type Config} from './config/options.js';

export type MonitorStart = {connected: Connected; config: Config; warnings: readonly string[]; record?: string};

export async function startMonitor({connected, config, warnings, record}: MonitorStart): Promise<number | {error: string}> {
	const {clients, demo} = connected;
	let recorder;
	if (record !== undefined) {
		const {Recorder, cannotRecord} = await import('./api/recording.js');
		recorder = new Recorder(record);
		try {
			await recorder.start(clients.map((client) => client.target.label));
		} catch (error: unknown) {
			return {error: cannotRecord(record, error)};
		}
	}

	const {listThreadsFor} = await import('./api/list-thread.js');
	const listThreads = listThreadsFor(clients).map((thread) => thread.warm());
	const runMonitor = await loadMonitor();
	const recording = record === undefined ? undefined : `Recording every poll to ${record}.`;
	const {startNotice} = await import('./model/status-line.js');
	const notice = startNotice(warnings, [demo?.notice, recording]);
	return runMonitor({clients, options: monitorOptions(config), notice, onExit: demo?.close, recorder, listThreads, mouse: config.mouse});
}

/** --replay FILE: the full UI on a recording, with no MaxScale at all. */
export async function startReplay(file: string, config: Config, warnings: readonly string[]): Promise<number | {error: string}> {
	const {readRecording} = await import('./api/recording.js');
	const recording = await readRecording(file);
	if (typeof recording === 'string') {
		return {error: recording};
	}

	const runMonitor = await loadMonitor();
	// The screen names the recording's span itself (model/replay.ts replayNotice), after any warning.
	const {startNotice} = await import('./model/status-line.js');
	return runMonitor({clients: [], options: {...monitorOptions(config), readonly: true}, recording, notice: startNotice(warnings, []), mouse: config.mouse});
}

/**
 * The screen from build/ui/monitor-bundle.js (`npm run build` makes it: one file,
 * Ink patched, ~1 s sooner on screen; monitor-bundle.ts), or module by module.
 */
async function loadMonitor() {
	const [{prepareMonitorProcess}, {monitorBundle}] = await Promise.all([import('./monitor-process.js'), import('./monitor-bundle-file.js')]);
	const bundle = monitorBundle(new URL('.', import.meta.url));
	const bundled = bundle !== undefined;
	await prepareMonitorProcess({inkPatched: bundled});
	const {runMonitor} = bundled ? ((await import(bundle.href)) as typeof import('./ui/run-monitor.js')) : await import('./ui/run-monitor.js');
	return runMonitor;
}
