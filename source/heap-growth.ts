// How far V8 lets the heap grow past what survived its last full collection.
//
// Every poll makes a new list (ages and idle times change for nearly every session)
// and the one before becomes garbage in the old generation: at 100k sessions ~35 MB
// of it a poll. By default V8 collects the old generation only once it has grown to
// up to four times what survived the last full collection, so the dead lists of
// several polls piled up: sessiontop's resident memory at 100k climbed ~40 MiB a
// poll, from ~320 to ~540 MiB, before it fell back (issue 6). Letting it grow by a
// fifth instead starts V8's own incremental, concurrent marking within a poll or so
// of a list dying. Measured at 100k (`npm run bench`, rssMb): 265 and 273 MiB instead
// of 352-543. The price: two or three full collections a poll instead of one every few
// polls, ~13 % more of the client's CPU a poll at 100k (1.6-1.75 s against 1.37-1.55),
// in short pauses on each thread and in marking beside them.
//
// Collecting at the moment a list dies (V8's `gc()` once a poll has landed) was tried
// as well: the same memory, but that collection is one stop-the-world pause, 77 ms at
// 10k sessions and 115 ms at 100k in the bench, where keys must wait at most ~16.
//
// A V8 flag read whenever a full collection sets the next limit, so setting it at run
// time takes effect (for the list worker's heap too: V8's flags are the process's).
// The monitor and --watch set it; --once lives for one list.

import v8 from 'node:v8';

/** The old generation's limit after a full collection: what survived, plus this share. */
export const heapGrowingPercent = 20;

export function limitHeapGrowth(): void {
	v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
