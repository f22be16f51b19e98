// The session list's URL, apart from sessions-api.ts so that `--once --tsv` can build
// it without loading the monitor's list reader.
//
// It always carries a sparse fieldset, whatever the server's version: MaxScale takes
// `fields[sessions]` from 2.5, and before that reads only the parameters it knows and
// ignores the rest (the simulator does the same), answering with the whole list. So no
// request waits for the version to learn whether it may ask for less: a poll or a batch
// run starts with the list itself.

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
	'connections',
	'services',
] as const;

/**
 * With the Statement column: `queries` too, each session's retained statements. Asked for
 * only then: a MaxScale that retains statements sends every one of them (a path does not
 * go into an array), which can be more than the rest of the list.
 */
export const statementFields = [...listFields, 'queries'] as const;

export function listPath(fields: readonly string[] = listFields): string {
	return `/v1/sessions?pretty=false&fields%5Bsessions%5D=${fields.join(',')}`;
}
