// `--watch --json`: one NDJSON line per poll; polls never overlap; the first poll must
// read every MaxScale. Paced as the monitor's poll loop is (model/schedule.ts): a slow poll
// stretches the pause, failures in a row back off. And a line is written whole before the
// next poll (output.ts): a slow reader slows the polls, rather than lines piling up in memory.
//
// Each MaxScale keeps its own failures, as the screen's pollers do: one that fails is left
// out of the lines (its sessions absent, not its last ones repeated as if read) and retried
// on its own backoff, while the others' lines go on each interval. Its retry holds no line
// the others answered for: a MaxScale that hangs until the timeout would stall every line
// each time it is retried. Each session carries the time its MaxScale answered (polledAt),
// so that a capture places every line, and each MaxScale's part of it, in time.
//
// A failure is said on stderr once per MaxScale, not every interval while it lasts (again
// when its reason changes), and the recovery is said too, each line with the time, so
// that a log of the run (`2>>log`) reads as what happened, and when.

import process from 'node:process';
import type {BatchOptions} from './run-batch.js';
import type {Failure, Host} from './collected.js';
import type {SessionRecord} from './json-records.js';
import {clock, complain, exitFailure, say} from './complain.js';
import {print, type Out} from './output.js';
import {serverOf} from './uptime-zone.js';
import {watchZone, type ZoneWatch} from './watch-zone.js';

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

/** One MaxScale of the watch. */
type Watched = {
	host: Host;
	/** Failed polls in a row: 0 while it answers. */
	failures: number;
	/** When it may be asked again (performance.now()): after its backoff, while it fails. */
	dueAt: number;
	/** What was last said of it while it fails. */
	said: string | undefined;
	/** Its retry, when that outlasted the poll it was started in: it is not asked twice at once. */
	pending: Promise<unknown> | undefined;
	/** Its ages proven hours too long, and what proves it (watch-zone.ts). */
	zone: ZoneWatch;
	/** What its last list's reading said (repeated ids, ages moved east): said again only when it changes. */
	notes: string[];
};

/** A poll's answer for one MaxScale: its records, or why it failed; neither while it is under way. */
type Answer = {records?: SessionRecord[]; failures?: Failure[]; /** How long it took to answer (ms). */ tookMs?: number};

/** Says a MaxScale's failure, unless it is what was last said of it. */
function sayFailure(stderr: Out, one: Watched, failures: readonly Failure[], at: string): void {
	for (const {error} of failures) {
		if (one.said !== error.message) {
			complain(stderr, error, at);
			one.said = error.message;
		}
	}
}

/** Resolves once one of `polls` has answered with sessions, or all of them have failed. */
async function firstAnswer(polls: ReadonlyArray<Promise<boolean>>): Promise<void> {
	if (polls.length === 0) {
		return;
	}

	await new Promise<void>((resolve) => {
		let left = polls.length;
		for (const poll of polls) {
			const settled = (ok: boolean) => {
				left--;
				if (ok || left === 0) {
					resolve();
				}
			};

			void poll.then(settled, () => {
				settled(false);
			});
		}
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
	const watched: Watched[] = hosts.map((host) => ({host, failures: 0, dueAt: 0, said: undefined, pending: undefined, zone: {}, notes: []}));

	/**
	 * Polls one MaxScale into `answer` (its sessions, each with the time they were read),
	 * and keeps its failures and backoff; true when it answered. A list alone is sorted as
	 * collectRecords sorts each host's part of several, and its records are the same.
	 */
	async function poll(one: Watched, answer: Answer, first: boolean): Promise<boolean> {
		const began = performance.now();
		const notes: string[] = [];
		// Its version and uptime, asked once beside its first list (watch-zone.ts).
		const asking = one.zone.asked === true ? undefined : serverOf(one.host, stop.signal);
		let listed = began;
		const list = collectRecords([one.host], options.sort, stop.signal, undefined, (note) => notes.push(note)).finally(() => {
			listed = performance.now();
		});
		const [result, server] = await Promise.all([list, asking]);
		if (stop.signal.aborted) {
			return false;
		}

		if (result.ok && asking !== undefined) {
			one.zone.asked = true;
			one.zone.server = server;
		}

		if (result.ok) {
			for (const note of notes) {
				if (!one.notes.includes(note)) {
					say(stderr, note, clock());
				}
			}

			one.notes = notes;
			const polledAt = Date.now();
			const records = result.value;
			const zoneSaid = watchZone(one.zone, records, polledAt, one.host.client.target.label);
			if (zoneSaid !== undefined) {
				say(stderr, zoneSaid, clock());
			}

			for (const record of records) {
				record.polledAt = polledAt;
			}

			answer.records = records;
			// The list's own time: the version, asked beside it once, stretches nothing.
			answer.tookMs = listed - began;
			if (one.failures > 0) {
				say(stderr, `the sessions of ${one.host.client.target.label} are read again, after ${one.failures} failed poll${one.failures === 1 ? '' : 's'}.`, clock());
			}

			one.failures = 0;
			one.said = undefined;
			return true;
		}

		// The first poll's failures end the watch: said in -h order once all are in, as a single print says them.
		answer.failures = result.failures;
		if (!first) {
			sayFailure(stderr, one, result.failures, clock());
			one.failures++;
			one.dueAt = performance.now() + backoffMs(options.intervalMs, one.failures);
		}

		return false;
	}

	// It runs for as long as the monitor does: each poll's dead list is collected soon (heap-growth.ts).
	limitHeapGrowth();
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	// An SSH link dropping under `--watch --json >> capture.ndjson`: the line under way is
	// finished, not cut (by default SIGHUP ends Node at once, mid-write: QA).
	process.on('SIGHUP', onSignal);
	// Not Node's inspector on port 9229 (see ui/run-monitor.tsx): a clean stop, as SIGTERM.
	process.on('SIGUSR1', onSignal);
	options.signal?.addEventListener('abort', onSignal, {once: true});
	stdout.on?.('error', onSignal);
	try {
		let polls = 0;
		while (!stop.signal.aborted) {
			const started = performance.now();
			const first = polls === 0;
			// Who is asked now, each answer in -h order: every MaxScale that answers, and
			// those whose backoff is over and whose last retry has ended.
			const asked = watched.filter((one) => one.pending === undefined && one.dueAt <= started);
			const answers = asked.map((): Answer => ({}));
			const answering: Array<Promise<boolean>> = [];
			const retrying: Array<Promise<boolean>> = [];
			for (const [index, one] of asked.entries()) {
				const failing = one.failures > 0;
				const polled = poll(one, answers[index]!, first);
				if (failing) {
					retrying.push(polled);
					one.pending = polled;
					const over = () => {
						one.pending = undefined;
					};

					void polled.then(over, over);
				} else {
					answering.push(polled);
				}
			}

			// The MaxScales that answer are waited for; a retry only while the line has
			// nothing else in it. One still under way then ends on its own: its sessions,
			// late, are not in this line, and it is asked again with the next poll.
			// eslint-disable-next-line no-await-in-loop
			const read = await Promise.all(answering);
			if (!read.includes(true)) {
				// eslint-disable-next-line no-await-in-loop
				await firstAnswer(retrying);
			}

			if (stop.signal.aborted) {
				break;
			}

			const ended = performance.now();
			if (first && answers.some((answer) => answer.records === undefined)) {
				const at = clock();
				for (const [index, answer] of answers.entries()) {
					sayFailure(stderr, asked[index]!, answer.failures ?? [], at);
				}

				return exitFailure;
			}

			// Taken now: a retry that answers after this belongs to no line.
			const parts = answers.flatMap((answer) => (answer.records === undefined ? [] : [answer.records]));
			// Stretched by the slowest poll that answered, to be gentle on a MaxScale that takes
			// its time; not by one that timed out, which backs off on its own: twice its timeout
			// held every other MaxScale's lines (QA: 30 s without a line, for -t 10s).
			let pauseMs = waitAfter(options.intervalMs, Math.max(0, ...answers.map((answer) => answer.tookMs ?? 0)));
			if (parts.length > 0) {
				// No next poll until this line is written: memory stays at one line, whatever the reader's pace.
				// eslint-disable-next-line no-await-in-loop
				await print(stdout, jsonLine(parts.flat()), stop.signal);
			}

			const waiting = watched.filter((one) => one.pending === undefined);
			if (waiting.length > 0 && watched.every((one) => one.failures > 0)) {
				// Nothing answers: the next poll is the first retry due, as with a single MaxScale.
				pauseMs = Math.max(0, Math.min(...waiting.map((one) => one.dueAt)) - ended);
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
		process.off('SIGHUP', onSignal);
		process.off('SIGUSR1', onSignal);
		stdout.off?.('error', onSignal);
		// A retry still under way ends on the stop signal: the clients close after it.
		await Promise.allSettled(watched.map(async (one) => one.pending));
	}
}
