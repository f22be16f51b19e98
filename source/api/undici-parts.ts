// The two parts of undici the client uses, loaded without undici's index: the index
// also loads fetch, WebSocket, the caches, the mocks and Node's own bundled undici,
// ~100 ms of every `sessiontop --once` start. They are the very modules the index
// exports (request() is what it installs on Dispatcher.prototype). undici has no
// "exports" map, so Node lets us name its files; should a later 7.x move them, the
// index is loaded instead: a slower start, the same client.

import type {Dispatcher, Pool as UndiciPool} from 'undici';

export type UndiciParts = {
	Pool: typeof UndiciPool;
	request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
};

export async function loadUndiciParts(poolFile = 'undici/lib/dispatcher/pool.js', requestFile = 'undici/lib/api/api-request.js'): Promise<UndiciParts & {whole: boolean}> {
	try {
		const [pool, request] = await Promise.all([import(poolFile) as Promise<{default: UndiciParts['Pool']}>, import(requestFile) as Promise<{default: UndiciParts['request']}>]);
		if (typeof pool.default === 'function' && typeof request.default === 'function') {
			return {Pool: pool.default, request: request.default, whole: false};
		}
	} catch {
		// Moved or renamed: the index below.
	}

	const undici = await import('undici');
	return {Pool: undici.Pool, request: undici.Dispatcher.prototype.request as UndiciParts['request'], whole: true};
}

export const {Pool, request} = await loadUndiciParts();
