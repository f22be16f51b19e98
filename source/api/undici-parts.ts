// The two parts of undici the client uses, through vendor/undici.ts (undici's pool and
// request() without its index; one file in the built CLI). undici has no "exports" map,
// so Node lets us name its files; should a later 7.x move them, that module fails to
// load and the index is loaded instead: a slower start, the same client.

import v8 from 'node:v8';
import type {Dispatcher, Pool as UndiciPool} from 'undici';

// undici reads HTTP with llhttp compiled to WebAssembly. V8 compiles it first with its
// baseline compiler (Liftoff), then, once a large list has gone through, compiles the
// parser's main function again with TurboFan on a background thread: ~210 ms of CPU and
// ~40 MB on this project's machine, for a function that reads headers and chunk sizes,
// the body passing through as slices either way. Node waits for background work before a
// process ends, so `--once --tsv` sat idle 100-200 ms after printing its last line; in the
// monitor, the compile took a core from the list worker's first polls. V8 reads its wasm
// flags as each module is compiled: undici compiles llhttp after this, on first use. The
// flags are the process's, so yoga (Ink's layout, WebAssembly too) stays on Liftoff as
// well: a frame at 10,000 sessions took 2.0-2.2 ms instead of 1.8-2.2 (render-profile.tsx).
// Restoring them once llhttp is compiled would race with the list worker's first request.
v8.setFlagsFromString('--no-wasm-tier-up');
v8.setFlagsFromString('--no-wasm-dynamic-tiering');

export type UndiciParts = {
	Pool: typeof UndiciPool;
	request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
};

/** `parts`: the module to try first (the tests name one that is not there). */
export async function loadUndiciParts(parts = '../vendor/undici.js'): Promise<UndiciParts & {whole: boolean}> {
	try {
		const {Pool, request} = (await import(parts)) as Partial<UndiciParts>;
		if (typeof Pool === 'function' && typeof request === 'function') {
			return {Pool, request, whole: false};
		}
	} catch {
		// Moved or renamed: the index below.
	}

	const undici = await import('undici');
	return {Pool: undici.Pool, request: undici.Dispatcher.prototype.request as UndiciParts['request'], whole: true};
}

export const {Pool, request} = await loadUndiciParts();
