// What both batch collections share: the host, the result type and the first failure
// in -h order. No version is asked for: the list's URL is the same for every version
// (api/list-path.ts).

import type {Client} from '../api/client.js';
import type {ApiError} from '../api/errors.js';

export type Host = {
	/** The -h entry as typed. */
	entry: string;
	client: Client;
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
