// A session's cell: its text in a column, then padded or cut to the column's width so that
// what is cut still reads true (an id keeps its end, a client its port, a count its size).

import type {Column, ColumnKey} from './columns.js';
import {compactCount, formatBytes, formatClient, formatCount, formatDuration, runningText, serversText, shortState, statementText} from './format.js';
import {missingUser, noService} from './groups.js';
import {headCells, tailCells, units, type Measure} from './sanitize.js';
import type {Session} from './session.js';

/** A session's cell in a column, before it is fitted. */
export function columnText(session: Session, column: Column): string {
	return column.labels?.get(session.host) ?? cellText(session, column.key);
}

export function cellText(session: Session, key: ColumnKey): string {
	switch (key) {
		case 'id': {
			return session.id;
		}

		case 'user': {
			// Every version since 2.2 reports a user once the client has logged in: one without is one that has not yet (QA: not `?`).
			return session.user ?? missingUser(session);
		}

		case 'client': {
			return formatClient(session.remote, session.port);
		}

		// Sanitized by the reader, as the user is. '' is a document that names no service:
		// `(no service)`, as its group row and the header's sparkline say.
		case 'service': {
			return session.service === '' ? noService : session.service;
		}

		case 'server': {
			return serversText(session.servers);
		}

		case 'state': {
			return session.state === '' ? '?' : shortState(session.state);
		}

		case 'age': {
			return formatDuration(session.ageSeconds);
		}

		case 'idle': {
			return formatDuration(session.idleSeconds);
		}

		case 'memory': {
			return formatBytes(session.memoryBytes);
		}

		case 'io': {
			return formatCount(session.ioActivity);
		}

		case 'maxscale': {
			return session.host;
		}

		case 'statement': {
			return statementText(session.statement, session.statementRunning);
		}

		case 'running': {
			return runningText(session.statement, session.statementSeconds);
		}
	}
}

// An address and its port, the way formatClient writes them: IPv4, or IPv6 in brackets.
const addressAndPort = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[\da-f:.]+\])(:\d{1,5})$/i;

/**
 * A client too long for its column: the whole address and its port cut (`192.168.40.17:…`),
 * the host being what an operator reads a client by and the port a connection's passing
 * number (QA); an address longer than the column itself (IPv6) cut at the front so that its
 * port and its end stay (`…370:7334]:34567`): the network part is what clients tend to share.
 * Whole groups only: `…2.168.40.17` would read as another address. Undefined when that cannot
 * be done (not an address, or no room).
 */
function cutAddress(text: string, width: number): string | undefined {
	const match = addressAndPort.exec(text);
	const address = match?.[1];
	const port = match?.[2];
	if (address === undefined || port === undefined) {
		// An IPv6 address with no port (before 6.4, MaxScale sent none): its end, as above (QA:
		// `fd12:3456:789a:1::…` for ::21 and ::22 alike).
		return portlessIpv6.test(text) ? frontCut(text, width - 1, '') : undefined;
	}

	if (address.length + 2 <= width) {
		return `${address}:…`;
	}

	return frontCut(address, width - 1 - port.length, port);
}

/** Two colons at least, hex digits and the dots of an IPv4 end: an IPv6 address, as formatClient writes one without a port. */
const portlessIpv6 = /^(?=.*:.*:)[\da-f:.]+$/i;

/** `address` cut at its front to at most `room` cells on whole groups, `…` before it and `after` after it; undefined when no group fits. */
function frontCut(address: string, room: number, after: string): string | undefined {
	let start = address.length - room;
	while (start < address.length && !'.:['.includes(address.charAt(start - 1))) {
		start++;
	}

	return start < address.length ? `…${address.slice(start)}${after}` : undefined;
}

/**
 * Backends too many for their column: as many whole names as fit, then how many more
 * (`server1,server2+1`), or the first name cut (`serve…+2`): `server1…` would hide that
 * the session is on others too. Undefined for one name (cut as any text is) or no room.
 */
function cutServers(text: string, width: number, measure: Measure): string | undefined {
	const names = text.split(',');
	if (names.length < 2) {
		return undefined;
	}

	for (let shown = names.length - 1; shown >= 1; shown--) {
		const cut = `${names.slice(0, shown).join(',')}+${names.length - shown}`;
		if (measure(cut) <= width) {
			return cut;
		}
	}

	const more = `+${names.length - 1}`;
	const room = width - more.length - 1;
	return room > 0 ? `${headCells(names[0]!, room, measure)}…${more}` : undefined;
}

/** `text` made `cells` wide with spaces, on the side its alignment says. */
function padCells(text: string, cells: number, align: Column['align'], measure: Measure): string {
	const gap = ' '.repeat(Math.max(0, cells - measure(text)));
	return align === 'right' ? gap + text : text + gap;
}

/** Pad or cut a cell to its column, keeping the end of a cut id and the port of a cut client visible. */
export function fitCell(text: string, column: Column, measure: Measure = units): string {
	if (measure(text) > column.width) {
		if (column.key === 'id') {
			return padCells(`…${tailCells(text, column.width - 1, measure)}`, column.width, 'right', measure);
		}

		// A count cut mid-digits (1234…, or 1e+3… of 1e+308) would read as a smaller one: say it in units.
		if (column.key === 'io' && Number.isFinite(Number(text)) && compactCount(Number(text)).length <= column.width) {
			return compactCount(Number(text)).padStart(column.width);
		}

		const cut = column.key === 'client' ? cutAddress(text, column.width) : column.key === 'server' ? cutServers(text, column.width, measure) : undefined;
		return padCells(cut ?? `${headCells(text, column.width - 1, measure)}…`, column.width, 'left', measure);
	}

	return padCells(text, column.width, column.align, measure);
}

/**
 * How long a statement still running has run, as the Running cell is coloured (as pg_activity
 * colours a query's time): `slow` from a second (yellow), `long` from ten (red, bold); a
 * MaxScale statement usually takes milliseconds, so either is worth a look.
 */
export const slowStatementSeconds = 1;
export const longStatementSeconds = 10;

export function runningLevel(session: Pick<Session, 'statementSeconds'>): 'slow' | 'long' | undefined {
	const seconds = session.statementSeconds;
	return seconds === undefined || seconds < slowStatementSeconds ? undefined : seconds < longStatementSeconds ? 'slow' : 'long';
}
