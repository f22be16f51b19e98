// Batch output: the sessions printed for a script or a file instead of the screen.
// This module and everything it imports stay clear of Ink and React (a test checks
// the modules a batch run loads), so `sessiontop --once` starts fast and works
// without a terminal.
//
//   --once          a plain table, then exit (also what a non-terminal stdout gets)
//   --tsv           maxctrl's `list sessions --tsv`, byte for byte
//   --json          the normalized sessions as one JSON array
//   --watch --json  one such array per line (NDJSON), every interval, until SIGINT/SIGTERM
//
// Exit 0 on success; 1 with one line on stderr when a MaxScale cannot be read.
// Each mode loads its own modules only: --tsv never compiles the session reader.

import process from 'node:process';
import type {Client} from '../api/client.js';
import type {ApiError} from '../api/errors.js';
import {sanitize} from '../model/sanitize.js';
import type {Sort} from '../model/sort.js';
import type {Host} from './collected.js';

export type BatchMode = 'table' | 'tsv' | 'json' | 'watch-json';

type Out = {write(text: string): unknown; on?(event: 'error', listener: (error: Error) => void): unknown};

export type BatchOptions = {
	mode: BatchMode;
	hosts: ReadonlyArray<{entry: string; client: Client}>;
	intervalMs: number;
	sort?: Sort;
	stdout?: Out;
	stderr?: Out;
	/** Stops --watch (tests); SIGINT and SIGTERM do too. */
	signal?: AbortSignal;
};

export const exitFailure = 1;

function complain(stderr: Out, error: ApiError): void {
	stderr.write(`sessiontop: ${sanitize(error.message).replace(/\s*\n\s*/g, ' ')}\n`);
}

async function once(mode: Exclude<BatchMode, 'watch-json'>, hosts: Host[], options: BatchOptions, stdout: Out, stderr: Out): Promise<number> {
	if (mode === 'tsv') {
		const [{collectTables}, {joinHostTables}] = await Promise.all([import('./tsv-collect.js'), import('./maxctrl-tsv.js')]);
		const tables = await collectTables(hosts);
		if (!tables.ok) {
			complain(stderr, tables.error);
			return exitFailure;
		}

		stdout.write(joinHostTables(tables.value));
		return 0;
	}

	const [{collectSessions, toRecord}, {formatTable}] = await Promise.all([import('./collect.js'), import('./table.js')]);
	const sessions = await collectSessions(hosts, options.sort);
	if (!sessions.ok) {
		complain(stderr, sessions.error);
		return exitFailure;
	}

	stdout.write(
		mode === 'json' ? `${JSON.stringify(sessions.value.map(toRecord))}\n` : formatTable(sessions.value, hosts.length > 1),
	);
	return 0;
}

/**
 * One NDJSON line per poll; polls never overlap; the first poll must succeed. Paced as the
 * monitor's poll loop is (model/schedule.ts): a slow poll stretches the pause, failures in a
 * row back off. A failure is said on stderr once, not every interval while it lasts, and the
 * recovery is said too, so a log of the run reads as what happened.
 */
async function watch(hosts: Host[], options: BatchOptions, stdout: Out, stderr: Out): Promise<number> {
	const stop = new AbortController();
	const onSignal = () => {
		stop.abort();
	};

	const [{collectSessions, toRecord}, {limitHeapGrowth}, {backoffMs, waitAfter}] = await Promise.all([import('./collect.js'), import('../heap-growth.js'), import('../model/schedule.js')]);
	// It runs for as long as the monitor does: each poll's dead list is collected soon (heap-growth.ts).
	limitHeapGrowth();
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	options.signal?.addEventListener('abort', onSignal, {once: true});
	stdout.on?.('error', onSignal);
	try {
		let polls = 0;
		let failures = 0;
		let lastComplaint: string | undefined;
		while (!stop.signal.aborted) {
			const started = performance.now();
			// eslint-disable-next-line no-await-in-loop
			const sessions = await collectSessions(hosts, options.sort, stop.signal);
			if (stop.signal.aborted) {
				break;
			}

			let pauseMs: number;
			if (sessions.ok) {
				stdout.write(`${JSON.stringify(sessions.value.map(toRecord))}\n`);
				if (failures > 0) {
					stderr.write(`sessiontop: the sessions are read again, after ${failures} failed poll${failures === 1 ? '' : 's'}.\n`);
				}

				failures = 0;
				lastComplaint = undefined;
				pauseMs = waitAfter(options.intervalMs, performance.now() - started);
			} else {
				if (sessions.error.message !== lastComplaint) {
					complain(stderr, sessions.error);
					lastComplaint = sessions.error.message;
				}

				if (polls === 0) {
					return exitFailure;
				}

				failures++;
				pauseMs = backoffMs(options.intervalMs, failures);
			}

			polls++;
			// eslint-disable-next-line no-await-in-loop
			await new Promise<void>((resolve) => {
				const onStop = () => {
					clearTimeout(timer);
					resolve();
				};

				// Removed when the wait ends: one listener per poll on a signal that lives as
				// long as the watch would pile up (Node warns past ten).
				const timer = setTimeout(() => {
					stop.signal.removeEventListener('abort', onStop);
					resolve();
				}, pauseMs);
				stop.signal.addEventListener('abort', onStop, {once: true});
			});
		}

		return 0;
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}

export async function runBatch(options: BatchOptions): Promise<number> {
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	const hosts: Host[] = options.hosts.map(({entry, client}) => ({entry, client}));
	// `sessiontop --once | head`: a closed pipe is the reader's choice, not an error.
	const onPipeError = (error: Error & {code?: string}) => {
		if (error.code !== 'EPIPE') {
			stderr.write(`sessiontop: cannot write the output (${sanitize(error.code ?? error.message)}).\n`);
			process.exitCode = exitFailure;
		}
	};

	stdout.on?.('error', onPipeError);
	try {
		return options.mode === 'watch-json'
			? await watch(hosts, options, stdout, stderr)
			: await once(options.mode, hosts, options, stdout, stderr);
	} finally {
		await Promise.all(hosts.map(async (host) => host.client.close()));
	}
}
