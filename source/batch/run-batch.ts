// Batch output: the sessions printed for a script or a file instead of the screen.
// This module and everything it imports stay clear of Ink and React (a test checks
// the modules a batch run loads), so `sessiontop --once` starts fast and works
// without a terminal.
//
//   --once          a plain table, then exit (also what a non-terminal stdout gets); on a
//                   terminal, fitted to its width (fit-table.ts)
//   --tsv           maxctrl's `list sessions --tsv`, byte for byte
//   --json          the sessions, losslessly, as one JSON array
//   --watch --json  one such array per line (NDJSON), every interval, until SIGINT/SIGTERM
//
// Exit 0 on success; 1 with one line on stderr per MaxScale that cannot be read, or
// when the output cannot be written (a closed pipe is not that: `| head` is the reader's choice).
// Each mode loads its own modules only: --tsv never compiles the session reader.

import process from 'node:process';
import type {Client} from '../api/client.js';
import type {Sort, SortKey} from '../model/sort.js';
import type {Failure, Host} from './collected.js';
import {complain, exitFailure, say} from './complain.js';
import {print, type Out} from './output.js';
import {showsStatement, statementColumns, withSortedStatement} from '../model/column-choice.js';

export type {BatchMode} from '../config/flags.js';
import type {BatchMode} from '../config/flags.js';

export type {Out} from './output.js';
export {exitFailure} from './complain.js';

export type BatchOptions = {
	mode: BatchMode;
	hosts: ReadonlyArray<{entry: string; client: Client}>;
	intervalMs: number;
	sort?: Sort;
	/** The terminal's width when stdout is one: the --once table is fitted to it (fit-table.ts). Undefined: every text whole. */
	columns?: number;
	/** The --once table's columns as chosen (--columns), in their order after Id; undefined, all. */
	shownColumns?: readonly SortKey[];
	stdout?: Out;
	stderr?: Out;
	/** Stops --watch (tests); SIGINT and SIGTERM do too. */
	signal?: AbortSignal;
};

/** A list read but odd (repeated ids): one warning line, the exit status still 0. */
function warnOf(stderr: Out): (sentence: string) => void {
	return (sentence) => {
		say(stderr, `warning: ${sentence}`);
	};
}

/** One line per MaxScale that could not be read, in -h order. */
function complainOfAll(stderr: Out, failures: readonly Failure[]): number {
	for (const {error} of failures) {
		complain(stderr, error);
	}

	return exitFailure;
}

async function once(mode: Exclude<BatchMode, 'watch-json'>, hosts: Host[], options: BatchOptions, stdout: Out, stderr: Out): Promise<number> {
	if (mode === 'tsv') {
		const [{collectTables}, {joinHostTables}] = await Promise.all([import('./tsv-collect.js'), import('./maxctrl-tsv.js')]);
		const tables = await collectTables(hosts);
		if (!tables.ok) {
			return complainOfAll(stderr, tables.failures);
		}

		await print(stdout, joinHostTables(tables.value));
		return 0;
	}

	if (mode === 'json') {
		const [{collectRecords}, {jsonLine}] = await Promise.all([import('./json-collect.js'), import('./json-records.js')]);
		const records = await collectRecords(hosts, options.sort, undefined, undefined, warnOf(stderr), true);
		if (!records.ok) {
			return complainOfAll(stderr, records.failures);
		}

		await print(stdout, jsonLine(records.value));
		return 0;
	}

	// The fitting only for a terminal: a pipe's table loads nothing it does not print.
	const {columns} = options;
	const [{collectSessions}, {formatTable, tableOrder}, fitting] = await Promise.all([
		import('./collect.js'),
		import('./table.js'),
		columns === undefined ? undefined : import('./fit-table.js'),
	]);
	// Sorted by statement or run time, the table shows them (and its list asks for them), as the screen does.
	const choice = withSortedStatement(options.shownColumns, options.sort?.key, tableOrder);
	const statements = showsStatement(choice);
	const sessions = await collectSessions(hosts, options.sort, undefined, warnOf(stderr), statements, true);
	if (!sessions.ok) {
		return complainOfAll(stderr, sessions.failures);
	}

	// Asked for and reported by no session (every MaxScale before 2.3.1): said, not a column left out in silence.
	if (statements && !sessions.value.some((session) => session.statement !== undefined)) {
		const which = statementColumns.filter((key) => choice?.includes(key) === true).map((key) => (key === 'running' ? 'Running' : 'Statement'));
		const sorted = options.sort !== undefined && statementColumns.includes(options.sort.key);
		warnOf(stderr)(`no MaxScale reported statements (they need MaxScale 2.3.1 or later), so the table has no ${which.join(' or ')} column${sorted ? ' and is sorted by id' : ''}.`);
	}

	const several = hosts.length > 1;
	await print(stdout, fitting === undefined || columns === undefined ? formatTable(sessions.value, several, choice) : fitting.fitTable(sessions.value, several, columns, choice, options.sort?.key));
	return 0;
}

export async function runBatch(options: BatchOptions): Promise<number> {
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	const hosts: Host[] = options.hosts.map(({entry, client}) => ({entry, client}));
	let unwritable = false;
	// `sessiontop --once | head`: a closed pipe is the reader's choice, not an error.
	const onWriteError = (error: Error & {code?: string}) => {
		if (error.code !== 'EPIPE' && !unwritable) {
			unwritable = true;
			say(stderr, `cannot write the output (${error.code ?? error.message}).`);
			// Also for an error that comes after this returns (cli.tsx keeps a failure set here).
			process.exitCode = exitFailure;
		}
	};

	stdout.on?.('error', onWriteError);
	try {
		const code = options.mode === 'watch-json'
			? await (await import('./watch-json.js')).watchJson(hosts, options, stdout, stderr)
			: await once(options.mode, hosts, options, stdout, stderr);
		return unwritable ? exitFailure : code;
	} finally {
		await Promise.all(hosts.map(async (host) => host.client.close()));
	}
}
