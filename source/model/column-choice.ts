// The list's columns as the operator chose them (--columns, or `columns =` in the config
// file), as htop's setup chooses its meters: which are shown, in what order. Id is always
// first: it is what a kill takes and what every other view names. The rest come in the
// order given, each still only where the list has it (model/columns.ts hasColumn: Server
// with 2.3+, MaxScale with several watched) and while the terminal has room for it.

import {sortKeys, type SortKey} from './sort.js';

/** The columns that can be chosen: every one but Id, which always shows. */
export const choosableColumns: readonly SortKey[] = sortKeys.filter((key) => key !== 'id');

/** The columns a list asks MaxScale for `queries` for (api/list-path.ts): `S` shows and hides them together. */
export const statementColumns: readonly SortKey[] = ['running', 'statement'];

/**
 * The columns shown when none are chosen: all but Running and Statement, whose list asks
 * MaxScale for every statement it retained of every session: chosen, or `S`, only.
 */
export const defaultColumns: readonly SortKey[] = choosableColumns.filter((key) => !statementColumns.includes(key));

/** Whether the columns show Running or Statement, so that their list asks for statements. */
export function showsStatement(columns: readonly SortKey[] | undefined): boolean {
	return columns?.some((key) => statementColumns.includes(key)) === true;
}

/**
 * The columns, with the one sorted by when it is Running or Statement and not among them
 * (--sort running, `sort =` in the config file): a sort by statements not asked for would be
 * by nothing (QA). Chosen columns get the one sorted by; none chosen, `all` (the screen's
 * default columns, --once's table) gets both, as `S` shows them.
 */
export function withSortedStatement(columns: readonly SortKey[] | undefined, sorted: SortKey | undefined, all: readonly SortKey[]): readonly SortKey[] | undefined {
	if (sorted === undefined || !statementColumns.includes(sorted) || columns?.includes(sorted) === true) {
		return columns;
	}

	return columns === undefined ? [...all, ...statementColumns] : [...columns, sorted];
}

/** Names an operator may type for a column (in --columns and --sort) besides its key: its title as the screen shows it. */
export const columnAliases: Readonly<Record<string, SortKey>> = {'i/o': 'io', servers: 'server', host: 'maxscale', sql: 'statement', query: 'statement', queries: 'statement', duration: 'running', runtime: 'running'};

/** `user,client,idle` (commas or spaces, any case) to the columns in that order, or what is wrong. */
export function parseColumns(text: string): SortKey[] | {unknown: string[]} | {empty: true} {
	const names = text
		.split(/[\s,]+/)
		.map((name) => name.trim().toLowerCase())
		.filter((name) => name !== '');
	const unknown = names.filter((name) => !(sortKeys as readonly string[]).includes(name) && columnAliases[name] === undefined);
	if (unknown.length > 0) {
		return {unknown};
	}

	const keys = [...new Set(names.map((name) => columnAliases[name] ?? (name as SortKey)))].filter((key) => key !== 'id');
	return keys.length === 0 ? {empty: true} : keys;
}

/**
 * Whether `key` is among the columns chosen (`chosen` undefined: the default, defaultColumns),
 * and its place among them: Id first, then the order given.
 */
export function chosenRank(key: SortKey, chosen: readonly SortKey[] | undefined): number | undefined {
	if (key === 'id') {
		return -1;
	}

	if (chosen === undefined) {
		const at = defaultColumns.indexOf(key);
		return at === -1 ? undefined : at;
	}

	const at = chosen.indexOf(key);
	return at === -1 ? undefined : at;
}
