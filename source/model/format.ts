// Compact figures for narrow columns: every value fits its column at any size.

/** 42s, 7m05s, 3h12m, 5d04h; '?' when unknown. */
export function formatDuration(seconds: number | undefined): string {
	if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
		return '?';
	}

	const s = Math.floor(seconds);
	if (s < 60) {
		return `${s}s`;
	}

	if (s < 3600) {
		return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
	}

	if (s < 86_400) {
		return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
	}

	const days = Math.floor(s / 86_400);
	// Past 99,999 days (274 years) no session has lived, and the column is six wide: a number
	// the server should not have sent is unknown, not `1.157…`, cut among its digits.
	if (days > 99_999) {
		return '?';
	}

	// Past 99 days the hours no longer matter.
	return days > 99 ? `${days}d` : `${days}d${String(Math.floor((s % 86_400) / 3600)).padStart(2, '0')}h`;
}

/** 512B, 66.4K, 1.2M, 3.0G (binary units, like top); '?' when unknown. */
export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
		return '?';
	}

	const units = ['B', 'K', 'M', 'G', 'T', 'P', 'E'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	// 1,024 exbibytes and more: no session holds that, and its digits would not fit the column.
	if (value >= 1024) {
		return '?';
	}

	return unit === 0 ? `${value}B` : `${value < 10 ? value.toFixed(1) : Math.round(value)}${units[unit]}`;
}

export function formatCount(value: number | undefined): string {
	// Past 2^53 a count is no longer whole (1e+308), and none is below 0 (QA: `io_activity: -1` showed
	// as -1, where a negative time or size shows ?): a number no MaxScale counts, unknown.
	return value === undefined || !Number.isFinite(value) || value < 0 || value > Number.MAX_SAFE_INTEGER ? '?' : String(value);
}

/** A count in a few cells: 123k, 1.2M (decimal: these are events, not bytes), for a column too narrow for every digit. */
export function compactCount(value: number): string {
	const units = ['', 'k', 'M', 'G', 'T'];
	let scaled = value;
	let unit = 0;
	// 999.5 and up would round to 1000: the next unit says it in fewer cells.
	while (Math.abs(scaled) >= 999.5 && unit < units.length - 1) {
		scaled /= 1000;
		unit++;
	}

	// A thousand trillion events and more: a number no MaxScale counts, whose digits would not fit.
	if (Math.abs(scaled) >= 999.5) {
		return '?';
	}

	return unit === 0 ? String(value) : `${Math.abs(scaled) < 9.95 ? scaled.toFixed(1) : Math.round(scaled)}${units[unit]}`;
}

/**
 * The IPv4 address in an IPv4-mapped IPv6 one, `::ffff:10.0.0.1`: how a dual-stack
 * listener sees an IPv4 client, which MaxScale reports as such. Undefined for any
 * other address (real IPv6, or something that only looks close).
 */
export function mappedIpv4(remote: string): string | undefined {
	const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(remote);
	const ipv4 = match?.[1];
	return ipv4 !== undefined && ipv4.split('.').every((octet) => Number(octet) <= 255) ? ipv4 : undefined;
}

/** `remote:port` as MaxScale reports the address, IPv6 in brackets when a port follows: `[::ffff:10.0.0.1]:4000`. */
export function reportedClient(remote: string, port: number | undefined): string {
	if (port === undefined) {
		return remote;
	}

	return remote.includes(':') ? `[${remote}]:${port}` : `${remote}:${port}`;
}

/**
 * `remote:port` as the screen shows it: an IPv4-mapped client as the IPv4 address it
 * is (`10.0.0.1:4000`, which fits the column where `[::ffff:10.0.0.1]:4000` would
 * lose its port), real IPv6 in brackets (`[2001:db8::1]:4000`); '?' when unknown.
 * The JSON pane, --json and --tsv keep the address as reported.
 */
export function formatClient(remote: string | undefined, port: number | undefined): string {
	return remote === undefined ? '?' : reportedClient(mappedIpv4(remote) ?? remote, port);
}

/** HH:MM:SS of a local time. */
export function formatClock(epochMs: number): string {
	const date = new Date(epochMs);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** YYYY-MM-DD of a local time: with formatClock, the one way the screen writes a moment (24-hour, no locale). */
export function formatDate(epochMs: number): string {
	const date = new Date(epochMs);
	return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A session connected to no backend yet (`connections` empty): the Server column's text. */
export const noServer = '(none)';

/** The Server column: the backends joined by commas; `?` before 2.3, which does not say. */
export function serversText(servers: string | undefined): string {
	return servers === undefined ? '?' : servers === '' ? noServer : servers;
}

/** Before a statement still running, in the Statement column (the legend says so). */
export const runningMark = '» ';

/**
 * The Statement column: the newest retained statement, `» ` before one still running; empty
 * where none is retained. `?` where none is known: the column shows only where the list carries
 * statements, so a session without any is on a MaxScale that reports none (2.2 beside a 24.02),
 * or in a list asked without them (ended before S, a failing MaxScale's last good one), as any
 * value a MaxScale does not report (QA: blank read as a session with none retained).
 */
export function statementText(statement: string | undefined, running: boolean | undefined): string {
	return statement === undefined ? '?' : running === true ? runningMark + statement : statement;
}

/** The Running column: how long the statement still running has run; blank for one finished (its time would read as running), `?` as statementText's. */
export function runningText(statement: string | undefined, seconds: number | undefined): string {
	return statement === undefined ? '?' : seconds === undefined ? '' : formatDuration(seconds);
}

/** Short state names for the narrow State column and the header. */
export function shortState(state: string): string {
	// A Map, not an object's keys: a state is the server's text, and `constructor` looked up on
	// an object literal found Object's own function (QA: it crashed the monitor).
	return shortStates.get(state) ?? state;
}

const shortStates = new Map([
	['Session started', 'started'],
	['Session ready for routing', 'ready'],
	['Session created', 'created'],
	['Listener Session', 'listener'],
	['Stopping session', 'stopping'],
]);

/** A time in milliseconds as a sentence or the header says it: `800ms`, `2s`, `1.5s`. */
export function formatMs(ms: number): string {
	return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}
