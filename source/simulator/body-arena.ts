// Where a reply is assembled before it is sent: MaxScale sends every reply whole, with its
// Content-Length (see http-reply.ts), so the simulator must hold all of it before the first byte.
// A 100k-session list is 180 MB compact, 440 MB pretty. Holding it as the ~700-1,750 chunks it
// is written in made V8 run a full mark-compact every few dozen MB (measured: the pretty list
// took twice as long to build as when streamed); copying each chunk into one arena as it comes,
// and handing the chunk straight back to the ByteSink, costs a memcpy and no collection at all.
// The arena of the last reply is kept for the next one (the simulator keeps its biggest reply's
// worth of memory, as MaxScale's allocator would), or a new one is made when it is in use.

import {recycle} from './byte-sink.js';

let idle: Buffer | undefined;

type Assembled = {body: Buffer; release: () => void};

/** Copy the chunks, in order, into one Buffer; release() when the socket no longer reads it. */
export function assemble(chunks: Iterable<string | Buffer>): Assembled {
	let arena = idle ?? Buffer.allocUnsafe(64 * 1024);
	idle = undefined;
	let length = 0;
	const room = (n: number): void => {
		if (length + n > arena.length) {
			const bigger = Buffer.allocUnsafe(Math.max(length + n, Math.ceil(arena.length * 1.5)));
			arena.copy(bigger, 0, 0, length);
			arena = bigger;
		}
	};

	for (const chunk of chunks) {
		if (typeof chunk === 'string') {
			room(Buffer.byteLength(chunk));
			length += arena.write(chunk, length);
		} else {
			room(chunk.length);
			arena.set(chunk, length);
			length += chunk.length;
			recycle(chunk);
		}
	}

	const kept = arena;
	return {
		body: arena.subarray(0, length),
		release() {
			if (idle === undefined || idle.length < kept.length) {
				idle = kept;
			}
		},
	};
}
