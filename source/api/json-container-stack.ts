// The containers the JSON scanner is inside: per level, the sink's context for it and,
// for an array, the index of its next element (-1 for an object). Typed arrays that
// grow by doubling: a list is only a few levels deep, but JSON.parse takes any depth.
// The innermost level is also kept in plain fields: the scanner asks about it at every
// comma, name and value, and a field is a load where a getter is a call.

import {skip} from './json-sink.js';

export class ContainerStack {
	depth = 0;
	/** The innermost container's context, skip outside any. */
	context = skip;
	/** Whether the innermost container is an array. */
	inArray = false;
	#contexts = new Int32Array(16);
	/** Float64: an array may have more elements than an int32 counts, as it streams. */
	#indices = new Float64Array(16);

	/** The index of the innermost array's next element, counted as taken. */
	nextIndex(): number {
		return this.#indices[this.depth - 1]!++;
	}

	push(context: number, array: boolean): void {
		if (this.depth === this.#contexts.length) {
			this.#grow();
		}

		this.#contexts[this.depth] = context;
		this.#indices[this.depth] = array ? 0 : -1;
		this.depth++;
		this.context = context;
		this.inArray = array;
	}

	/** Leaves the innermost container: its context. */
	pop(): number {
		const context = this.#contexts[--this.depth]!;
		const depth = this.depth;
		this.context = depth === 0 ? skip : this.#contexts[depth - 1]!;
		this.inArray = depth > 0 && this.#indices[depth - 1]! >= 0;
		return context;
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
