// `sessiontop --once`: the list as a plain text table, the columns of the screen
// (and the MaxScale each session is on, when several are watched), no colours, no
// truncation: a file or a pipe gets every character. A text value longer than
// `overflowAt` (a 500-character user name) does not set its column's width: it runs
// past it on its own line and pushes that line's next cells along, rather than
// widening the column for every line. Strings are sanitized by the reader already; the host names are
// sanitized here.

import stringWidth from 'string-width';
import {formatBytes, formatClient, formatCount, formatDuration, serversText, shortState} from '../model/format.js';
import {noService, noUser} from '../model/groups.js';
import {sanitize} from '../model/sanitize.js';
import type {Session} from '../model/session.js';

/** `text`: the server's text, which may be of any length (the figures are sessiontop's own, and short). */
type Column = {title: string; align: 'left' | 'right'; text?: true; value(session: Session): string};

const columns: Column[] = [
	// QA: one id of 70 characters (a hostile server's) widened the Id column of every line.
	{title: 'Id', align: 'right', text: true, value: (s) => s.id},
	{title: 'User', align: 'left', value: (s) => s.user ?? noUser},
	{title: 'Client', align: 'left', value: (s) => formatClient(s.remote, s.port)},
	{title: 'State', align: 'left', value: (s) => (s.state === '' ? '?' : shortState(s.state))},
	{title: 'Age', align: 'right', value: (s) => formatDuration(s.ageSeconds)},
	{title: 'Idle', align: 'right', value: (s) => formatDuration(s.idleSeconds)},
	{title: 'Memory', align: 'right', value: (s) => formatBytes(s.memoryBytes)},
	{title: 'I/O', align: 'right', value: (s) => formatCount(s.ioActivity)},
	// '' is a session that names no service: `(no service)`, as the screen's cell and group say (model/cells.ts).
	{title: 'Service', align: 'left', value: (s) => (s.service === '' ? noService : s.service)},
];

/** The backends, as the screen's Server column writes them: only when a session says them (2.3+). */
const serverColumn: Column = {title: 'Server', align: 'left', value: (s) => serversText(s.servers)};

/** The longest text value that sets its column's width. */
export const overflowAt = 40;

const hostColumn: Column = {title: 'MaxScale', align: 'left', value: (s) => sanitize(s.host)};

/** Terminal cells: a CJK character or an emoji takes two, as a terminal (or `less`) shows them. */
function width(text: string): number {
	// eslint-disable-next-line no-control-regex
	return /^[\u0000-\u007F]*$/.test(text) ? text.length : stringWidth(text);
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
	const gap = ' '.repeat(Math.max(0, size - width(text)));
	return align === 'left' ? text + gap : gap + text;
}

/** The table, header first, one line per session, every line ending in "\n". */
export function formatTable(sessions: readonly Session[], several: boolean): string {
	const shown = sessions.some((session) => session.servers !== undefined) ? [...columns, serverColumn] : columns;
	const chosen = several ? [hostColumn, ...shown] : shown;
	const cells = sessions.map((session) => chosen.map((column) => column.value(session)));
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
