// A stable sort that yields between pieces of work. Array.prototype.sort cannot
// be paused, and one sort of 100k rows by idle time takes ~100 ms here; this
// sorts runs of a few thousand with it, then merges them a slice at a time.
// Stable like the native sort, so the order is exactly the same.

import {stepItems, type Steps} from './steps.js';

const run = stepItems;

/** Sort `items` in place with `compare`, yielding every few thousand items. */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<void> {
	const n = items.length;
	if (n <= run * 2) {
		items.sort(compare);
		return;
	}

	// Already in order (the usual case for the default sort: MaxScale lists sessions by id)?
	let sorted = true;
	for (let i = 1; i < n && sorted; i++) {
		sorted = compare(items[i - 1]!, items[i]!) <= 0;
		if (i % run === 0) {
			yield;
		}
	}

	if (sorted) {
		return;
	}

	for (let start = 0; start < n; start += run) {
		const sorted = items.slice(start, start + run).sort(compare);
		for (let i = 0; i < sorted.length; i++) {
			items[start + i] = sorted[i]!;
		}

		yield;
	}

	let from = items;
	// Every place is written before it is read. (Array.from({length}) would cost ~10 ms at 100k.)
	// eslint-disable-next-line unicorn/no-new-array
	let to = new Array<T>(n);
	for (let width = run; width < n; width *= 2) {
		let done = 0;
		for (let left = 0; left < n; left += width * 2) {
			const middle = Math.min(left + width, n);
			const end = Math.min(left + (width * 2), n);
			// Runs already in order (the usual case: sessions come sorted by id) are copied.
			if (middle === end || compare(from[middle - 1]!, from[middle]!) <= 0) {
				for (let i = left; i < end; i++) {
					to[i] = from[i]!;
				}
			} else {
				let i = left;
				let j = middle;
				let k = left;
				while (i < middle && j < end) {
					// Ties take the left run: stable.
					to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
				}

				while (i < middle) {
					to[k++] = from[i++]!;
				}

				while (j < end) {
					to[k++] = from[j++]!;
				}
			}

			done += end - left;
			if (done >= run * 4) {
				done = 0;
				yield;
			}
		}

		[from, to] = [to, from];
	}

	if (from !== items) {
		for (let i = 0; i < n; i++) {
			items[i] = from[i]!;
		}
	}
}
