// How V8 marks the old generation while the monitor runs: incrementally, on the thread
// that owns the heap, rather than concurrently on V8's helper threads.
//
// At 100k sessions a full collection comes every poll or so (heap-growth.ts). With
// concurrent marking, on this project's 2-core machine, the helper threads compete with
// the list worker and MaxScale (the simulator) for the cores and often fall behind; V8
// then finishes their marking in the collection's final pause, on the main thread, and
// that pause was the longest stall of the keys: 40–55 ms in most runs, 80–140 ms in about
// one in five (`--trace-gc-nvp`: `mark.full_closure_parallel` of ~100 ms). Marked in small
// steps instead, the final pause has little left to do. Measured at 100k (the bench's ten
// polls, `.sessiontop-stall.ts`-style, fifteen runs each, alternating): the longest stall
// was under 50 ms in 14 runs of 15 (37–49, one 57) against 7 of 15 (up to 110); the
// 99th percentile 17–19 ms against 20–24; polls as long. The price is memory: marking
// that waits for the main thread lets the heap grow a little further first; `rssMb` at
// 100k 228–251 against 223–227 (four runs each).
//
// Like heap-growth.ts, a flag V8 reads whenever marking starts, so setting it at run time
// takes effect (for the list worker too: V8's flags are the process's).

import v8 from 'node:v8';

export function markIncrementally(): void {
	v8.setFlagsFromString('--no-concurrent-marking');
}
