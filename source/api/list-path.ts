// The session list's URL, apart from sessions-api.ts so that `--once --tsv` can build
// it without loading the monitor's list reader.

/** Attribute paths the list needs; absent ones on older versions are simply not sent back. */
export const listFields = [
	'state',
	'user',
	'remote',
	'port',
	'connected',
	'idle',
	'seconds_alive',
	'memory/total',
	'io_activity',
	'thread',
	'services',
] as const;

export function listPath(sparse: boolean, fields: readonly string[] = listFields): string {
	return sparse ? `/v1/sessions?pretty=false&fields%5Bsessions%5D=${fields.join(',')}` : '/v1/sessions?pretty=false';
}
