// What both batch collections share: the host, the result type, the server's version
// learnt once, and the first failure in -h order.

import type {Client} from '../api/client.js';
import type {ApiError} from '../api/errors.js';
import {fetchServerInfo} from '../api/fetch-server-info.js';
import type {ServerInfo} from '../api/server-info.js';

export type Host = {
	/** The -h entry as typed. */
	entry: string;
	client: Client;
	/** Learnt once; forgotten after a failure, in case the server was upgraded meanwhile. */
	info?: ServerInfo;
};

export type Collected<T> = {ok: true; value: T} | {ok: false; error: ApiError};

export function firstFailure<T>(results: ReadonlyArray<Collected<T>>): Collected<T[]> {
	const values: T[] = [];
	for (const result of results) {
		if (!result.ok) {
			return result;
		}

		values.push(result.value);
	}

	return {ok: true, value: values};
}

/** The server's version, learnt once: it decides whether a sparse fieldset may be sent. */
export async function infoOf(host: Host, signal?: AbortSignal): Promise<ApiError | undefined> {
	if (host.info === undefined) {
		const info = await fetchServerInfo(host.client, signal);
		if ('kind' in info) {
			return info;
		}

		host.info = info;
	}

	return undefined;
}
