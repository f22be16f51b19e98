// `sessiontop --once`: the list as a plain text table, the columns of the screen
// (and the MaxScale each session is on, when several are watched), no colours, no
// truncation: a file or a pipe gets every character (a terminal too narrow for it gets
// fit-table.ts's instead). A text value longer than
// `overflowAt` (a 500-character user name) does not set its column's width: it runs
// past it on its own line and pushes that line's next cells along, rather than
// widening the column for every line. Strings are sanitized by the reader already; the host names are
// sanitized here.

import stringWidth from 'string-width';
import type {ColumnKey} from '../model/columns.js';
import {formatBytes, formatClient, formatCount, formatDuration, runningText, serversText, shortState, statementText} from '../model/format.js';
import {missingUser, noService} from '../model/groups.js';
import {sanitize} from '../model/sanitize.js';
import type {Session} from '../model/session.js';

/**
 * `key`: the screen's column it is (fit-table.ts lays it out as the screen would).
 * `text`: the server's text, which may be of any length (the figures are sessiontop's own, and short).
 */
export type Column = {key: ColumnKey; title: string; align: 'left' | 'right'; text?: true; value(session: Session): string};

/** The table's columns in their order (Server after them, when the list says servers). */
const columns: Column[] = [
	// QA: one id of 70 characters (a hostile server's) widened the Id column of every line.
	{key: 'id', title: 'Id', align: 'right', text: true, value: (s) => s.id},
	{key: 'user', title: 'User', align: 'left', value: (s) => s.user ?? missingUser(s)},
	{key: 'client', title: 'Client', align: 'left', value: (s) => formatClient(s.remote, s.port)},
	{key: 'state', title: 'State', align: 'left', value: (s) => (s.state === '' ? '?' : shortState(s.state))},
	{key: 'age', title: 'Age', align: 'right', value: (s) => formatDuration(s.ageSeconds)},
	{key: 'idle', title: 'Idle', align: 'right', value: (s) => formatDuration(s.idleSeconds)},
	{key: 'memory', title: 'Memory', align: 'right', value: (s) => formatBytes(s.memoryBytes)},
	{key: 'io', title: 'I/O', align: 'right', value: (s) => formatCount(s.ioActivity)},
	// '' is a session that names no service: `(no service)`, as the screen's cell and group say (model/cells.ts).
	{key: 'service', title: 'Service', align: 'left', value: (s) => (s.service === '' ? noService : s.service)},
];

/** The table's own order, as a choice: what --sort statement adds Running and Statement to (run-batch.ts). */
export const tableOrder: readonly ColumnKey[] = [...columns.filter((column) => column.key !== 'id').map((column) => column.key), 'server'];

/** The backends, as the screen's Server column writes them: only when a session says them (2.3+). */
const serverColumn: Column = {key: 'server', title: 'Server', align: 'left', value: (s) => serversText(s.servers)};

/** The newest retained statement, as the screen's Statement column writes it: only when chosen, and the list said them (2.3.1+). */
const statementColumn: Column = {key: 'statement', title: 'Statement', align: 'left', value: (s) => statementText(s.statement, s.statementRunning)};

/** How long each running statement has run, as the screen's Running column writes it: with Statement's rules. */
const runningColumn: Column = {key: 'running', title: 'Running', align: 'right', value: (s) => runningText(s.statement, s.statementSeconds)};

/** The longest text value that sets its column's width. */
export const overflowAt = 40;

const hostColumn: Column = {key: 'maxscale', title: 'MaxScale', align: 'left', value: (s) => sanitize(s.host)};

/** Terminal cells: a CJK character or an emoji takes two, as a terminal (or `less`) shows them. */
export function width(text: string): number {
	// eslint-disable-next-line no-control-regex
	return /^[\u0000-\u007F]*$/.test(text) ? text.length : stringWidth(text);
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
	const gap = ' '.repeat(Math.max(0, size - width(text)));
	return align === 'left' ? text + gap : gap + text;
}

/**
 * The columns chosen as the table keeps them: with several MaxScales, theirs first whatever was
 * chosen, as two sessions of one id would otherwise be two lines that cannot be told apart (QA).
 */
export function tableChoice(several: boolean, choice: readonly ColumnKey[] | undefined): readonly ColumnKey[] | undefined {
	return choice !== undefined && several && !choice.includes('maxscale') ? ['maxscale', ...choice] : choice;
}

/** The columns of a table of `sessions`, and each session's texts in them, whole. */
export type Cells = {chosen: Column[]; cells: string[][]};

/**
 * `choice`: the columns chosen (--columns), in their order after Id; each only where the
 * table has it (Server when a session says its servers, MaxScale when several are watched,
 * then first if not chosen).
 */
export function tableCells(sessions: readonly Session[], several: boolean, choice?: readonly ColumnKey[]): Cells {
	// Memory and I/O only when a session has them, as the screen (model/columns.ts hasColumn):
	// a MaxScale before 22.08 filled them with `?` on every line (QA); Idle too, before 2.2.
	const has: Partial<Record<ColumnKey, boolean>> = {
		memory: sessions.some((session) => session.memoryBytes !== undefined),
		io: sessions.some((session) => session.ioActivity !== undefined),
		idle: sessions.length === 0 || sessions.some((session) => session.idleSeconds !== undefined),
	};
	const known = columns.filter((column) => has[column.key] ?? true);
	const withServer = sessions.some((session) => session.servers !== undefined) ? [...known, serverColumn] : known;
	const statements = sessions.some((session) => session.statement !== undefined);
	const shown = statements ? [...withServer, ...[runningColumn, statementColumn].filter((column) => choice?.includes(column.key) === true)] : withServer;
	const all = several ? [hostColumn, ...shown] : shown;
	const kept = tableChoice(several, choice);
	const keys: readonly ColumnKey[] | undefined = kept === undefined ? undefined : kept[0] === 'maxscale' ? ['maxscale', 'id', ...kept.slice(1)] : ['id', ...kept];
	const chosen = keys === undefined ? all : keys.flatMap((key) => all.find((column) => column.key === key) ?? []);
	return {chosen, cells: sessions.map((session) => chosen.map((column) => column.value(session)))};
}

/** The table of these texts, whole: header first, one line per session, every line ending in "\n". */
export function formatCells({chosen, cells}: Cells): string {
	const sizes = chosen.map((column, index) => {
		// A text value past the limit overflows: it does not count.
		const limit = column.align === 'left' || column.text ? overflowAt : Number.POSITIVE_INFINITY;
		let widest = width(column.title);
		for (const row of cells) {
			const size = width(row[index] ?? '');
			if (size <= limit && size > widest) {
				widest = size;
			}
		}

		return widest;
	});
	const line = (row: readonly string[]) =>
		row
			.map((cell, index) => pad(cell, sizes[index] ?? 0, chosen[index]?.align ?? 'left'))
			.join('  ')
			.trimEnd();
	return [chosen.map((column) => column.title), ...cells].map((row) => `${line(row)}\n`).join('');
}

/** The table, header first, one line per session, every line ending in "\n". */
export function formatTable(sessions: readonly Session[], several: boolean, choice?: readonly ColumnKey[]): string {
	return formatCells(tableCells(sessions, several, choice));
}
