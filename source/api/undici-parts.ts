// The two parts of undici the client uses, through vendor/undici.ts (undici's pool and
// request() without its index; one file in the built CLI). undici has no "exports" map,
// so Node lets us name its files; should a later 7.x move them, that module fails to
// load and the index is loaded instead: a slower start, the same client.

import type {Dispatcher, Pool as UndiciPool} from 'undici';

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
