// What the screen shows about the whole list besides its rows: the sessions in
// each state (the header) and the widest id (the id column). Worked out with the
// poll, in its steps, so that no frame walks 100k sessions.

import {compareStates, noState} from './rows.js';
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

	const stateCounts = counts.entries().sort(([a], [b]) => compareStates(a, b)).map(([state, count]) => ({state, count}));
	return {stateCounts, idWidth};
}

/** Sessions per state over the whole list, for the header, in lifecycle order. */
export function countStates(sessions: readonly Session[]): Summary['stateCounts'] {
	return finish(summarizeSteps(sessions)).stateCounts;
}
