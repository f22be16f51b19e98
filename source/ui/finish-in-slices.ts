// Runs model steps (model/steps.ts) a few milliseconds per turn of the event
// loop, so that keys, frames and timers get their turn in between: at 100k
// sessions a poll's grouping and sorting would otherwise hold them ~200 ms.

import {setImmediate as nextTurn} from 'node:timers/promises';
import type {Steps} from '../model/steps.js';

/** Work per turn: long enough to make progress, short enough that a key press waits at most this. */
export const sliceMs = 8;

export async function finishInSlices<T>(steps: Steps<T>, budgetMs = sliceMs): Promise<T> {
	let started = performance.now();
	for (;;) {
		const next = steps.next();
		if (next.done) {
			return next.value;
		}

		if (performance.now() - started >= budgetMs) {
			// eslint-disable-next-line no-await-in-loop
			await nextTurn();
			started = performance.now();
		}
	}
}
