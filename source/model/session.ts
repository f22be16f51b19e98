// One normalized session, whatever MaxScale version sent it (2.1 … 24.02).
// Absent attributes stay undefined and are shown as unknown, never guessed.

export type Session = {
	/** Identity in the monitor: the id, or `host#id` when several MaxScales are watched. */
	key: string;
	/** The connection id MaxScale gave it: what the API takes and the screen shows. */
	id: string;
	/** The MaxScale it lives on (host:port as the user named it). */
	host: string;
	/** `relationships.services.data[0].id`, or '' when the document has none. */
	service: string;
	/** Free text from the server; '' when absent. */
	state: string;
	user?: string;
	remote?: string;
	port?: number;
	/** Epoch milliseconds of `connected`, when it parsed. */
	connectedAt?: number;
	/** Seconds the session has lived, at the time of the poll that read it. */
	ageSeconds?: number;
	idleSeconds?: number;
	memoryBytes?: number;
	ioActivity?: number;
	thread?: number;
	/**
	 * The backend servers the session is connected to (`connections[].server`, 2.3+), in
	 * MaxScale's order, joined by commas; '' when it has none yet. MaxScale's object names
	 * cannot hold a comma, so the joined text is unambiguous.
	 */
	servers?: string;
	/**
	 * The newest statement MaxScale retained for it (`queries[0].statement`, 2.3.1+, kept only
	 * with retain_last_statements), on one line (api/statement-line.ts); '' when it retained
	 * none; undefined when the list did not carry `queries` (asked for only with the column).
	 */
	statement?: string;
	/** Whether that statement is still running: MaxScale has not written its `completed` time yet. */
	statementRunning?: boolean;
	/**
	 * How long that statement had run at the poll (seconds), while it runs and its `received`
	 * time reads: MaxScale's own clock, as the list shows it (api/statement-clock.ts).
	 */
	statementSeconds?: number;
};

/**
 * Any session as a plain object with every field spelt out. A session of a polled list
 * reads its fields from the list's columns (api/column-session.ts), so a spread of it
 * would copy only its key and id: a changed copy starts from this.
 */
export function plainSession(session: Session): Session {
	return {
		key: session.key,
		id: session.id,
		host: session.host,
		service: session.service,
		state: session.state,
		user: session.user,
		remote: session.remote,
		port: session.port,
		connectedAt: session.connectedAt,
		ageSeconds: session.ageSeconds,
		idleSeconds: session.idleSeconds,
		memoryBytes: session.memoryBytes,
		ioActivity: session.ioActivity,
		thread: session.thread,
		servers: session.servers,
		statement: session.statement,
		statementRunning: session.statementRunning,
		statementSeconds: session.statementSeconds,
	};
}

const quarterHourMs = 15 * 60_000;

/**
 * Whether two sessions listed under one key, a poll apart, are the same session. A
 * MaxScale that restarts numbers its sessions from 1 again, so after a restart an id can
 * name another client's session: marks, the pane and a kill question must not pass to it.
 * `connected` never changes for a session; it may move by whole quarter hours only, when
 * its zone-less time is read in another zone (server-clock.ts). Unknown on either side: the same.
 */
export function sameSession(a: Session, b: Session): boolean {
	return sameConnected(a.connectedAt, b.connectedAt);
}

/** sameSession on the two `connected` times alone (epoch ms), as a kill question keeps its targets'. */
export function sameConnected(a: number | undefined, b: number | undefined): boolean {
	if (a === undefined || b === undefined) {
		return true;
	}

	// Whole seconds in the text; a second's slack for rounding.
	const gap = Math.abs(a - b) % quarterHourMs;
	return Math.min(gap, quarterHourMs - gap) <= 1000;
}

/** Numeric ids sort as numbers; anything else after them, as text. */
export function compareIds(a: string, b: string): number {
	const na = Number(a);
	const nb = Number(b);
	const aNumeric = a !== '' && Number.isFinite(na);
	const bNumeric = b !== '' && Number.isFinite(nb);
	if (aNumeric && bNumeric) {
		return na - nb;
	}

	if (aNumeric !== bNumeric) {
		return aNumeric ? -1 : 1;
	}

	return a < b ? -1 : a > b ? 1 : 0;
}
