// Counting by name over 100k sessions each poll (sessions per state, per service).
// `map.set(name, (map.get(name) ?? 0) + 1)` is two Map look-ups a session; here it is
// none while the name repeats its neighbour's (most sessions share a state) and one
// otherwise, the count kept in a box that the look-up finds.

type Box = {count: number};

export class Tally {
	readonly #boxes = new Map<string, Box>();
	#lastName: string | undefined;
	#lastBox: Box = {count: 0};

	add(name: string): void {
		if (name !== this.#lastName) {
			let box = this.#boxes.get(name);
			if (box === undefined) {
				box = {count: 0};
				this.#boxes.set(name, box);
			}

			this.#lastName = name;
			this.#lastBox = box;
		}

		this.#lastBox.count++;
	}

	get(name: string): number | undefined {
		return this.#boxes.get(name)?.count;
	}

	names(): IterableIterator<string> {
		return this.#boxes.keys();
	}

	/** [name, count] in the order the names first came. */
	entries(): Array<[string, number]> {
		return [...this.#boxes].map(([name, box]) => [name, box.count]);
	}
}
