// What the screen shows about the whole list besides its rows: the sessions in
// each state (the header) and the widest id (the id column). Worked out with the
// poll, in its steps, so that no frame walks 100k sessions. Under a filter the header
// counts the rows' sessions instead (rowStateCounts), when the rows are rebuilt.

import {compareStates, isGroupRow, isSessionRow, noState, type Row} from './rows.js';
import type {Session} from './session.js';
import {finish, stepItems, type Steps} from './steps.js';
import {Tally} from './tally.js';

export type Summary = {
	/** Sessions per state over the whole list, in lifecycle order. */
	stateCounts: Array<{state: string; count: number}>;
	/** The longest id, in characters (at least 2, the column's title). */
	idWidth: number;
};

export const emptySummary: Summary = {stateCounts: [], idWidth: 2};

/** [state, count] pairs in lifecycle order, as the header shows them. */
const inOrder = (entries: Array<[string, number]>): Summary['stateCounts'] =>
	entries.sort(([a], [b]) => compareStates(a, b)).map(([state, count]) => ({state, count}));

export function* summarizeSteps(sessions: readonly Session[]): Steps<Summary> {
	const counts = new Tally();
	let idWidth = emptySummary.idWidth;
	for (let i = 0; i < sessions.length; i++) {
		if (i % stepItems === stepItems - 1) {
			yield;
		}

		const session = sessions[i]!;
		counts.add(session.state || noState);
		idWidth = Math.max(idWidth, session.id.length);
	}

	return {stateCounts: inOrder(counts.entries()), idWidth};
}

/** Sessions per state over the whole list, for the header, in lifecycle order. */
export function countStates(sessions: readonly Session[]): Summary['stateCounts'] {
	return finish(summarizeSteps(sessions)).stateCounts;
}

/**
 * Sessions per state among the rows, for the header under a filter: its counts then break
 * down the `N of M` it shows, not the whole list. Grouped, the service rows hold them (a
 * collapsed service too); flat, each session is a row. Ghosts never count. Walks the rows,
 * so it is worked out when they are rebuilt (a poll, a filter edit), never by a frame.
 */
export function rowStateCounts(rows: readonly Row[]): Summary['stateCounts'] {
	// Grouped rows start with a service row; flat ones are sessions (and ghosts) only.
	if (!isGroupRow(rows[0])) {
		const counts = new Tally();
		for (const row of rows) {
			if (isSessionRow(row)) {
				counts.add(row.state || noState);
			}
		}

		return inOrder(counts.entries());
	}

	const counts = new Map<string, number>();
	for (const row of rows) {
		if (isGroupRow(row) && row.kind === 'service') {
			for (const {state, count} of row.states) {
				counts.set(state, (counts.get(state) ?? 0) + count);
			}
		}
	}

	return inOrder([...counts]);
}
