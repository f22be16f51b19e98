// Collects a large response as Buffers instead of strings. A 100k-session list is ~180 MB; built
// as JS strings it costs a join, a UTF-8 conversion in res.write and a lot of garbage collection
// of the V8 heap. Copying per-session byte templates and a few short values into fixed-size
// off-heap chunks avoids all three.

const chunkBytes = 256 * 1024;

// Chunks are reused: a reply's chunks are copied into its arena as they come (body-arena.ts)
// and handed straight back, so a few of them serve a 100k-session list.
const spare: Buffer[] = [];
const maxSpare = 16;

function newChunk(): Buffer {
	return spare.pop() ?? Buffer.allocUnsafe(chunkBytes);
}

/** Give back the chunk behind this view (another Buffer is left alone) once nothing reads it. */
export function recycle(part: Uint8Array): void {
	if (part.byteOffset === 0 && part.buffer.byteLength === chunkBytes && spare.length < maxSpare) {
		spare.push(Buffer.from(part.buffer, 0, chunkBytes));
	}
}

export class ByteSink {
	private buffer = newChunk();
	private offset = 0;
	private full: Buffer[] = [];

	get pending(): number {
		return this.full.length;
	}

	/** Append bytes. TypedArray#set on a prepared view is much cheaper than Buffer#copy. */
	bytes(src: Uint8Array): void {
		this.reserve(src.length);
		this.buffer.set(src, this.offset);
		this.offset += src.length;
	}

	/** Append a string as UTF-8. Short ASCII strings (the common case) are copied in JS. */
	text(s: string): void {
		const n = s.length;
		this.reserve(n * 3);
		if (n < 64) {
			const b = this.buffer;
			let o = this.offset;
			let i = 0;
			for (; i < n; i++) {
				const c = s.charCodeAt(i);
				if (c > 127) {
					break;
				}

				b[o++] = c;
			}

			if (i === n) {
				this.offset = o;
				return;
			}
		}

		this.offset += this.buffer.write(s, this.offset, 'utf8');
	}

	/** Hand over the finished chunks (and, with all=true, the partial one too). */
	take(all = false): Buffer[] {
		if (all && this.offset > 0) {
			this.full.push(this.buffer.subarray(0, this.offset));
			this.buffer = newChunk();
			this.offset = 0;
		}

		const out = this.full;
		this.full = [];
		return out;
	}

	private reserve(n: number): void {
		if (this.offset + n <= this.buffer.length) {
			return;
		}

		if (this.offset > 0) {
			this.full.push(this.buffer.subarray(0, this.offset));
		}

		this.buffer = n <= chunkBytes ? newChunk() : Buffer.allocUnsafe(n);
		this.offset = 0;
	}
}
