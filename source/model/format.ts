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
	// Past 99 days the hours no longer matter, and the column is six wide.
	return days > 99 ? `${days}d` : `${days}d${String(Math.floor((s % 86_400) / 3600)).padStart(2, '0')}h`;
}

/** 512B, 66.4K, 1.2M, 3.0G (binary units, like top); '?' when unknown. */
export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
		return '?';
	}

	const units = ['B', 'K', 'M', 'G', 'T'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return unit === 0 ? `${value}B` : `${value < 10 ? value.toFixed(1) : Math.round(value)}${units[unit]}`;
}

export function formatCount(value: number | undefined): string {
	return value === undefined || !Number.isFinite(value) ? '?' : String(value);
}

/** `remote:port`, IPv6 in brackets when a port follows; '?' when unknown. */
export function formatClient(remote: string | undefined, port: number | undefined): string {
	if (remote === undefined) {
		return '?';
	}

	if (port === undefined) {
		return remote;
	}

	return remote.includes(':') ? `[${remote}]:${port}` : `${remote}:${port}`;
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

/** Short state names for the narrow State column and the header. */
export function shortState(state: string): string {
	const known: Record<string, string> = {
		'Session started': 'started',
		'Session ready for routing': 'ready',
		'Session created': 'created',
		'Listener Session': 'listener',
		'Stopping session': 'stopping',
	};
	return known[state] ?? state;
}
