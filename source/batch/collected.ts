// What both batch collections share: the host, the result types, and every host's
// failure in -h order. The list's URL is the same for every version (api/list-path.ts): the
// version is asked only beside it, for what the uptime proves of the ages (uptime-zone.ts).

import {notAListBecause} from '../api/answered-error.js';
import type {Client} from '../api/client.js';
import type {ApiError} from '../api/errors.js';
import {skippedText} from '../model/repeated-ids.js';
import {aheadHint, type ZoneMemory} from '../model/zone-hint.js';

export type Host = {
	/** The -h entry as typed. */
	entry: string;
	client: Client;
};

/** One host's answer. */
export type Collected<T> = {ok: true; value: T} | {ok: false; error: ApiError};

/** A host that could not be read, and why. */
export type Failure = {entry: string; error: ApiError};

/** Every host's answer, in -h order; or, when any failed, each failure (all or nothing). */
export type CollectedAll<T> = {ok: true; value: T[]} | {ok: false; failures: Failure[]};

/**
 * The values, or every failure: two MaxScales down are two sentences, not the first of
 * them in -h order (the others waited for, so a refusal is not hidden behind a timeout).
 */
export function everyHost<T>(hosts: readonly Host[], results: ReadonlyArray<Collected<T>>): CollectedAll<T> {
	const values: T[] = [];
	const failures: Failure[] = [];
	for (const [index, result] of results.entries()) {
		if (result.ok) {
			values.push(result.value);
		} else {
			failures.push({entry: hosts[index]?.entry ?? '', error: result.error});
		}
	}

	return failures.length === 0 ? {ok: true, value: values} : {ok: false, failures};
}

/** A note on a host's list that is not a failure (said on stderr, the exit status 0). */
export type OnNote = (sentence: string) => void;

/**
 * The note for sessions whose id repeats an earlier one in the same list: only the first of
 * each is kept, as the screen keeps it (a session is known by its id), and --tsv prints every
 * one as maxctrl does. Undefined when there are none.
 */
export function repeatedIds(label: string, count: number): string | undefined {
	return count === 0 ? undefined : `${label} sent ${count} ${count === 1 ? 'session whose id repeats' : 'sessions whose ids repeat'} an earlier one: only the first of each is shown (--tsv prints them all).`;
}

/**
 * What batch output says on stderr when a MaxScale's idle times proved its ages too short (a
 * zone east of this machine's: api/server-clock.ts), once for each move, as the screen says it:
 * `--watch --json` would otherwise carry ages and connection times hours apart from one
 * capture to the next with nothing said. Undefined when there is nothing new to say.
 */
export function aheadNote(label: string, zone: ZoneMemory | undefined, at: number): string | undefined {
	if (zone === undefined || zone.aheadMs <= (zone.said ?? 0)) {
		return undefined;
	}

	zone.said = zone.aheadMs;
	return aheadHint(label, zone.aheadMs, -new Date(at).getTimezoneOffset());
}

/** What a list read says on stderr, in order: ids repeated, entries left out, ages moved for a zone east. */
export function listNotes(label: string, read: {duplicates: number; skipped: number}, zone: ZoneMemory | undefined, at: number): string[] {
	const notes = [repeatedIds(label, read.duplicates), read.skipped === 0 ? undefined : skippedText(label, read.skipped), aheadNote(label, zone, at)];
	return notes.filter((note) => note !== undefined);
}

/** A parsed list's `data`, or the sentence the monitor's reader gives when there is none (MaxScale's error, when it sent one). */
export function listData(label: string, json: unknown): Collected<unknown[]> {
	const data = (json as {data?: unknown} | null)?.data;
	return Array.isArray(data) ? {ok: true, value: data} : {ok: false, error: {kind: 'shape', message: `${label}: ${notAListBecause(json)}.`}};
}
