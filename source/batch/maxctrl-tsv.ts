// `sessiontop --once --tsv`: the lines `maxctrl --tsv list sessions` prints, byte for
// byte, from the same documents. maxctrl builds them like this (maxctrl/lib/list.js
// and common.js; see the readme's "Batch output"):
//
//   1. each field is `_.getPath(session, path, "")` (lodash-getpath): a missing value
//      is "", a `data[].id` path gives an array, and arrays are joined with ", ";
//      null and undefined become "" (rawCollectionAsTable's mapper);
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
// On top of that, every field is sanitized: a control character that maxctrl would
// pass to the terminal becomes U+FFFD here (the only intended difference).

import {sanitize} from '../model/sanitize.js';

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

function get(value: unknown, keys: readonly string[]): unknown {
	let current = value;
	for (const key of keys) {
		if (current === null || current === undefined) {
			return undefined;
		}

		current = (current as Record<string, unknown>)[key];
	}

	return current;
}

type Accessor = (object: unknown, fallback: unknown) => unknown;
// Each path is split once, not once per session: 10k sessions × 8 fields add up.
const accessors = new Map<string, Accessor>();

function accessor(path: string): Accessor {
	let found = accessors.get(path);
	if (found === undefined) {
		const split = path.indexOf('[]');
		if (split === -1) {
			const keys = path.split('.');
			found = (object, fallback) => {
				const value = get(object, keys);
				return value === undefined ? fallback : value;
			};
		} else {
			const keys = path.slice(0, split).split('.');
			const rest = path.slice(split + 2).replace(/^\./, '');
			const inner = rest === '' ? undefined : accessor(rest);
			found = (object, fallback) => {
				const array = get(object, keys);
				if (!Array.isArray(array)) {
					return fallback;
				}

				return inner === undefined ? array : array.map((element: unknown) => inner(element, fallback));
			};
		}

		accessors.set(path, found);
	}

	return found;
}

/** lodash-getpath's `getPath(object, path, fallback)`, for the paths used here. */
export function getPath(object: unknown, path: string, fallback: unknown): unknown {
	return accessor(path)(object, fallback);
}

/** One row of cells, as filterResource + rawCollectionAsTable make it. */
export function rowOf(resource: unknown, fields: readonly TsvField[] = listSessionsFields): unknown[] {
	return fields.map((field) => {
		let value = getPath(resource, field.path, '');
		if (Array.isArray(value)) {
			value = value.join(', ');
		}

		return value === null || value === undefined ? '' : value;
	});
}

const arrayIndex = /^(?:0|[1-9]\d*)$/;

/** maxctrl's normalizeWhitespace on one row, quirk included (see above). */
export function normalizeWhitespaceLikeMaxctrl(row: unknown[]): void {
	// eslint-disable-next-line unicorn/no-array-for-each -- the live, value-keyed walk is the point
	row.forEach((k) => {
		// `v[k]` can only reach a cell when String(k) is an array index; any other key
		// names `length`, a method or nothing, none of them a string, so nothing happens.
		const key = String(k);
		if (!arrayIndex.test(key)) {
			return;
		}

		const index = Number(key);
		const value: unknown = row[index];
		if (typeof value === 'string') {
			row[index] = value.replace(/\s+/g, ' ');
		}
	});
}

// utils.strip_colors
// eslint-disable-next-line no-control-regex
const colours = /\u001B\[[(?);]{0,2}(;?\d)*./g;

/** The text of one host's rows, as tableToString returns it (no trailing newline). */
export function tableToTsv(rows: unknown[][]): string {
	if (rows.length === 0) {
		return '';
	}

	const lines: string[] = [];
	for (const row of rows) {
		normalizeWhitespaceLikeMaxctrl(row);
		const cells = row.map(String);
		if (!cells.some((cell) => cell.includes('\n'))) {
			lines.push(cells.join('\t'));
			continue;
		}

		const split = cells.map((cell) => cell.split('\n'));
		const height = Math.max(...split.map((cell) => cell.length));
		for (let line = 0; line < height; line++) {
			lines.push(split.map((cell) => cell[line] ?? '').join('\t'));
		}
	}

	// Colours are stripped line by line: the pattern cannot cross a newline, so this is
	// what stripping the whole text does, without a pass over lines that have no ESC.
	return lines
		.map((line) =>
			(line.includes('\u001B') ? line.replace(colours, '') : line)
				.split('\t')
				.map((field) => sanitize(field.trim()))
				.join('\t'),
		)
		.join('\n');
}

export type HostDocuments = {
	/** The -h entry as typed: maxctrl's heading for the host's block. */
	entry: string;
	/** `data` of GET /v1/sessions, as the server sent it. */
	data: readonly unknown[];
};

/** Everything `maxctrl --tsv list sessions` would write to stdout. */
export function maxctrlTsv(hosts: readonly HostDocuments[], fields: readonly TsvField[] = listSessionsFields): string {
	const blocks: string[] = [];
	for (const host of hosts) {
		if (hosts.length > 1) {
			blocks.push(sanitize(host.entry));
		}

		blocks.push(tableToTsv(host.data.map((resource) => rowOf(resource, fields))));
	}

	const text = blocks.join('\n');
	return text === '' ? '' : `${text}\n`;
}
