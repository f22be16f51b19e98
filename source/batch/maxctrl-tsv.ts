// `sessiontop --once --tsv`: the lines `maxctrl --tsv list sessions` prints, byte for
// byte, from the same documents. maxctrl builds them like this (maxctrl/lib/list.js
// and common.js; see the readme's "Batch output"):
//
//   1. each field is `_.getPath(session, path, "")` (lodash-getpath): a missing value
//      is "", a `data[].id` path gives an array (of the ids of `data`'s members, an
//      object's as an array's), and arrays are joined with ", "; null and undefined
//      become "" (rawCollectionAsTable's mapper). A null session is a line of empty fields;
//   2. "normalizeWhitespace" is meant to turn runs of whitespace into one space, but
//      it indexes each row by its cell *values* (`v.forEach((k) => v[k]…)`), so it
//      only touches the cells whose index equals another cell's value: emulated as is;
//   3. cli-table renders each row with `toString()` of every cell, splitting a cell
//      at "\n" into extra lines, cells separated by "\t", no header, no borders;
//   4. ANSI colour sequences are stripped, then every line is split at "\t", each
//      field trimmed, and joined again: that is also what removes cli-table's padding;
//   5. with several hosts, each host's block is preceded by the host as given in
//      -h; the blocks are joined with "\n"; console.log adds the last "\n", and
//      prints nothing at all when the whole text is empty.
//
// One intended difference: every cell is sanitized first, as the table's text is (a tab
// becomes a space, any other control character, ESC and bidi marks included, U+FFFD),
// where maxctrl would split a cell at a newline or a tab into lines and fields of the
// server's making, and strip `ESC[m` so that `ad\e[mmin` reads `admin`. So a line is one
// session's eight fields whatever the server sends, and nothing is dropped unseen. Text
// with no such character goes through maxctrl's steps unchanged.

import {sanitize} from '../model/sanitize.js';
import {fastLine} from './tsv-fast-row.js';

export type TsvField = {name: string; path: string};

/** maxctrl's `list_sessions_fields`, in order. */
export const listSessionsFields: readonly TsvField[] = [
	{name: 'Id', path: 'id'},
	{name: 'User', path: 'attributes.user'},
	{name: 'Host', path: 'attributes.remote'},
	{name: 'Connected', path: 'attributes.connected'},
	{name: 'Idle', path: 'attributes.idle'},
	{name: 'Service', path: 'relationships.services.data[].id'},
	{name: 'Memory', path: 'attributes.memory.total'},
	{name: 'I/O-Activity', path: 'attributes.io_activity'},
];

/** The sparse fieldset that carries exactly what those paths read. */
export const tsvFields = ['user', 'remote', 'connected', 'idle', 'services', 'memory/total', 'io_activity'] as const;

/* eslint-disable @typescript-eslint/no-unsafe-member-access -- a document is any JSON, read as lodash-getpath reads it */
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * String(value), as cli-table and join take it; an object whose toString is not a
 * function (`{"toString": 1}`, from the server) makes String throw, and maxctrl with
 * it: here it prints as any other object does.
 */
function text(value: unknown): string {
	try {
		return String(value);
	} catch {
		return Object.prototype.toString.call(value);
	}
}

/** Array#join, through text(): null and undefined elements are "". */
const joined = (values: readonly unknown[]) => values.map((value) => (value === null || value === undefined ? '' : text(value))).join(', ');

/**
 * A cell as filterResource and rawCollectionAsTable leave it (arrays joined, null and
 * undefined as ""), its text sanitized: a number stays a number, as normalizeWhitespace
 * reads it; an object is the text String gives it.
 */
function cell(value: unknown): unknown {
	if (Array.isArray(value)) {
		return sanitize(joined(value));
	}

	return typeof value === 'number' || typeof value === 'boolean' ? value : value === null || value === undefined ? '' : sanitize(text(value));
}

/**
 * What lodash-getpath's `data[]` walks: the members of an array, or of an object (its
 * `for in` over own keys, in Object.values' order); anything else gives [""], joined "".
 */
function membersOf(value: unknown): unknown[] | undefined {
	return Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : undefined;
}

/**
 * The cells of listSessionsFields for one resource, into `row`: getPath on each path,
 * written out once (10k sessions × 8 fields add up). `?.` is lodash's walk: stop at
 * null or undefined, read the key of any other value. `data[].id` maps over data's
 * members (membersOf) and is "" for anything else.
 */
function fillRow(resource: Loose, row: unknown[]): void {
	const attributes: Loose = resource?.attributes;
	const services = membersOf(resource?.relationships?.services?.data);
	row[0] = cell(resource?.id);
	row[1] = cell(attributes?.user);
	row[2] = cell(attributes?.remote);
	row[3] = cell(attributes?.connected);
	row[4] = cell(attributes?.idle);
	row[5] = services === undefined ? '' : sanitize(joined(services.map((service: Loose) => service?.id ?? '')));
	row[6] = cell(attributes?.memory?.total);
	row[7] = cell(attributes?.io_activity);
}
/* eslint-enable @typescript-eslint/no-unsafe-member-access */

/**
 * The cell that `row[k]` reaches for the value k, or -1. With eight cells only the
 * texts "0" to "7" do: a number is an index when it is one of those integers (-0 reads
 * "0"), a string when it is one of those digits. Cells hold nothing else that could
 * read as one: objects read "[object Object]", booleans "true" or "false".
 */
function indexNamedBy(k: unknown, size: number): number {
	if (typeof k === 'number') {
		return k >= 0 && k < size && Number.isInteger(k) ? k : -1;
	}

	if (typeof k === 'string' && k.length === 1) {
		const index = k.charCodeAt(0) - 48;
		return index >= 0 && index < size ? index : -1;
	}

	return -1;
}

/** maxctrl's normalizeWhitespace on one row of the eight cells, quirk included (see above). */
export function normalizeWhitespaceLikeMaxctrl(row: unknown[]): void {
	// maxctrl walks the row live (forEach), as here. A squeezed cell still has a space,
	// so it never becomes an index: the order of the walk cannot change which cells change.
	const size = row.length;
	for (let i = 0; i < size; i++) {
		const index = indexNamedBy(row[i], size);
		const value: unknown = index === -1 ? undefined : row[index];
		if (typeof value === 'string') {
			row[index] = value.replace(/\s+/g, ' ');
		}
	}
}

/**
 * One row's line: each cell's text trimmed, joined with tabs. The cells are sanitized
 * (fillRow), so none holds a newline, a tab or an ESC: maxctrl's split into lines and
 * fields and its colour stripping have nothing left to do.
 */
export function pushRow(row: readonly unknown[], lines: string[]): void {
	let line = '';
	for (let index = 0; index < row.length; index++) {
		const value = row[index];
		// A number's text has neither spaces nor controls.
		const cellText = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : text(value).trim();
		line = index === 0 ? cellText : `${line}\t${cellText}`;
	}

	lines.push(line);
}

/** The text of one host's rows, as tableToString returns it (no trailing newline); most lines the short way (tsv-fast-row.ts). */
export function tableToTsv(data: readonly unknown[]): string {
	const lines: string[] = [];
	const row: unknown[] = Array.from({length: listSessionsFields.length});
	for (const resource of data) {
		const line = fastLine(resource);
		if (line === undefined) {
			fillRow(resource, row);
			normalizeWhitespaceLikeMaxctrl(row);
			pushRow(row, lines);
		} else {
			lines.push(line);
		}
	}

	return lines.join('\n');
}

export type HostDocuments = {
	/** The -h entry as typed: maxctrl's heading for the host's block. */
	entry: string;
	/** `data` of GET /v1/sessions, as the server sent it. */
	data: readonly unknown[];
};

/** One host's block, its rows already formatted (tableToTsv, or the streamed reader). */
export type HostTable = {entry: string; table: string};

/** The blocks joined as maxctrl joins them: the heading of each when there are several. */
export function joinHostTables(hosts: readonly HostTable[]): string {
	const blocks: string[] = [];
	for (const host of hosts) {
		if (hosts.length > 1) {
			blocks.push(sanitize(host.entry));
		}

		blocks.push(host.table);
	}

	const text = blocks.join('\n');
	return text === '' ? '' : `${text}\n`;
}

/** Everything `maxctrl --tsv list sessions` would write to stdout. */
export function maxctrlTsv(hosts: readonly HostDocuments[]): string {
	return joinHostTables(hosts.map((host) => ({entry: host.entry, table: tableToTsv(host.data)})));
}
