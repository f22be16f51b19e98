// GET /v1/maxscale, apart from sessions-api.ts so that `--once --tsv` can ask for the
// version without loading the monitor's list reader.

import type {Client} from './client.js';
import type {ApiError} from './errors.js';
import {readServerInfo, type ServerInfo} from './server-info.js';

export async function fetchServerInfo(client: Client, signal?: AbortSignal): Promise<ServerInfo | ApiError> {
	const answer = await client.getJson('/v1/maxscale?pretty=false', 'its version', signal);
	return answer.ok ? readServerInfo(answer.json, Date.now()) : answer.error;
}
