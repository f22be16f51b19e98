// The containers the JSON scanner is inside: per level, the sink's context for it and,
// for an array, the index of its next element (-1 for an object). Typed arrays that
// grow by doubling: a list is only a few levels deep, but JSON.parse takes any depth.

import {skip} from './json-scanner.js';

export class ContainerStack {
	depth = 0;
	#contexts = new Int32Array(16);
	/** Float64: an array may have more elements than an int32 counts, as it streams. */
	#indices = new Float64Array(16);

	/** The innermost container's context, skip outside any. */
	get context(): number {
		return this.depth === 0 ? skip : this.#contexts[this.depth - 1]!;
	}

	/** Whether the innermost container is an array. */
	get inArray(): boolean {
		return this.depth > 0 && this.#indices[this.depth - 1]! >= 0;
	}

	/** The index of the innermost array's next element. */
	get index(): number {
		return this.#indices[this.depth - 1]!;
	}

	set index(index: number) {
		this.#indices[this.depth - 1] = index;
	}

	push(context: number, array: boolean): void {
		if (this.depth === this.#contexts.length) {
			this.#grow();
		}

		this.#contexts[this.depth] = context;
		this.#indices[this.depth] = array ? 0 : -1;
		this.depth++;
	}

	/** Leaves the innermost container: its context. */
	pop(): number {
		return this.#contexts[--this.depth]!;
	}

	#grow(): void {
		const contexts = new Int32Array(this.#contexts.length * 2);
		contexts.set(this.#contexts);
		this.#contexts = contexts;
		const indices = new Float64Array(this.#indices.length * 2);
		indices.set(this.#indices);
		this.#indices = indices;
	}
}
