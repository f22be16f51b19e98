// Which items of a one-line strip (the header's lines, the key hints) fit its width.
// An item is shown whole or not at all: cut in the middle, "started 298" reads
// "started 2…", another number, and "q quit" reads "q …". What is left out is
// chosen by priority, as htop and k9s drop their least useful fields first.

/** One item of a line: its width in terminal cells (the gap before it included) and how much it matters. */
export type FitItem = {
	width: number;
	/**
	 * Lower matters more. 0: always shown; the caller makes such items fit (by shortening
	 * their own text: a host name, the filter) rather than leaving them out.
	 */
	priority: number;
};

/**
 * The items that fit `width`, in their own order: the always-shown ones, then the others
 * from the most important, each kept if it still fits. Items of one priority are a run
 * kept from its start: once one does not fit, the rest of that run is left out too, so a
 * list (the counts by state, the hosts) never shows its third item without its second.
 */
export function fitItems<T extends FitItem>(items: readonly T[], width: number): T[] {
	const kept = new Set<number>();
	let used = 0;
	for (const [index, item] of items.entries()) {
		if (item.priority <= 0) {
			kept.add(index);
			used += item.width;
		}
	}

	const rest = [...items.keys()].filter((index) => !kept.has(index));
	// Stable: within a priority, the items' own order.
	rest.sort((a, b) => items[a]!.priority - items[b]!.priority || a - b);
	const ended = new Set<number>();
	for (const index of rest) {
		const {priority, width: itemWidth} = items[index]!;
		if (ended.has(priority)) {
			continue;
		}

		if (used + itemWidth <= width) {
			kept.add(index);
			used += itemWidth;
		} else {
			ended.add(priority);
		}
	}

	return items.filter((_, index) => kept.has(index));
}

/**
 * How many of `widths`, from the first, fit `width`; when not all do, the room of an item
 * that counts the ones left out ("+3 more", `moreWidth(left)` wide) is kept at the end.
 */
export function fitPrefix(widths: readonly number[], width: number, moreWidth: (left: number) => number): number {
	let total = 0;
	for (const itemWidth of widths) {
		total += itemWidth;
	}

	if (total <= width) {
		return widths.length;
	}

	for (let count = widths.length - 1; count > 0; count--) {
		total -= widths[count]!;
		if (total + moreWidth(widths.length - count) <= width) {
			return count;
		}
	}

	return 0;
}
