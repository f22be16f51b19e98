// A computation over the whole list, written as a generator that yields every
// few thousand items: the reducer runs it to the end at once (`finish`), while
// the app runs a poll's share of it a few milliseconds per turn of the event
// loop (ui/finish-in-slices.ts), so 100k sessions never hold the keyboard.
// Still pure: a generator does no I/O and is tested like any function.

export type Steps<T> = Generator<void, T, void>;

/** Items handled between two yields: ~1 ms of work on a small machine. */
export const stepItems = 4096;

/** Run the steps to their end, now. */
export function finish<T>(steps: Steps<T>): T {
	for (;;) {
		const next = steps.next();
		if (next.done) {
			return next.value;
		}
	}
}
