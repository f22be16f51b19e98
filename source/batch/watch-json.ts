// `--watch --json`: one NDJSON line per poll; polls never overlap; the first poll must
// succeed. Paced as the monitor's poll loop is (model/schedule.ts): a slow poll stretches
// the pause, failures in a row back off. And a line is written whole before the next poll
// (output.ts): a slow reader slows the polls, rather than lines piling up in memory.
//
// A failure is said on stderr once per MaxScale, not every interval while it lasts (again
// when its reason changes), and the recovery is said too, each line with the time, so
// that a log of the run (`2>>log`) reads as what happened, and when.

import process from 'node:process';
import type {BatchOptions} from './run-batch.js';
import type {Host} from './collected.js';
import {clock, complain, exitFailure, say} from './complain.js';
import {print, type Out} from './output.js';

/** Resolves after `ms`, or at once when `stop` aborts. */
async function pause(ms: number, stop: AbortSignal): Promise<void> {
	if (ms <= 0 || stop.aborted) {
		return;
	}

	await new Promise<void>((resolve) => {
		const onStop = () => {
			clearTimeout(timer);
			resolve();
		};

		// Removed when the wait ends: one listener per poll on a signal that lives as
		// long as the watch would pile up (Node warns past ten).
		const timer = setTimeout(() => {
			stop.removeEventListener('abort', onStop);
			resolve();
		}, ms);
		stop.addEventListener('abort', onStop, {once: true});
	});
}

export async function watchJson(hosts: Host[], options: BatchOptions, stdout: Out, stderr: Out): Promise<number> {
	const stop = new AbortController();
	const onSignal = () => {
		stop.abort();
	};

	const [{collectRecords}, {jsonLine}, {limitHeapGrowth}, {backoffMs, waitAfter}] = await Promise.all([
		import('./json-collect.js'),
		import('./json-records.js'),
		import('../heap-growth.js'),
		import('../model/schedule.js'),
	]);
	// It runs for as long as the monitor does: each poll's dead list is collected soon (heap-growth.ts).
	limitHeapGrowth();
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	// Not Node's inspector on port 9229 (see ui/run-monitor.tsx): a clean stop, as SIGTERM.
	process.on('SIGUSR1', onSignal);
	options.signal?.addEventListener('abort', onSignal, {once: true});
	stdout.on?.('error', onSignal);
	try {
		let polls = 0;
		let failures = 0;
		/** Per -h entry, what was last said of it while polls fail. */
		const said = new Map<string, string>();
		while (!stop.signal.aborted) {
			const started = performance.now();
			// eslint-disable-next-line no-await-in-loop
			const records = await collectRecords(hosts, options.sort, stop.signal);
			if (stop.signal.aborted) {
				break;
			}

			const ended = performance.now();
			let pauseMs: number;
			if (records.ok) {
				// No next poll until this line is written: memory stays at one line, whatever the reader's pace.
				// eslint-disable-next-line no-await-in-loop
				await print(stdout, jsonLine(records.value), stop.signal);
				if (failures > 0) {
					say(stderr, `the sessions are read again, after ${failures} failed poll${failures === 1 ? '' : 's'}.`, clock());
				}

				failures = 0;
				said.clear();
				pauseMs = waitAfter(options.intervalMs, ended - started);
			} else {
				const at = clock();
				for (const {entry, error} of records.failures) {
					if (said.get(entry) !== error.message) {
						complain(stderr, error, at);
						said.set(entry, error.message);
					}
				}

				if (polls === 0) {
					return exitFailure;
				}

				failures++;
				pauseMs = backoffMs(options.intervalMs, failures);
			}

			polls++;
			// The pause counts from the poll's end: time spent writing a line is part of it.
			// eslint-disable-next-line no-await-in-loop
			await pause(pauseMs - (performance.now() - ended), stop.signal);
		}

		return 0;
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		process.off('SIGUSR1', onSignal);
		stdout.off?.('error', onSignal);
	}
}
