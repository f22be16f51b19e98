// Durations as people type them: `2s`, `500ms`, `1.5s`, `1m`; a bare number is in
// `bareUnit` (seconds for --interval, like top -d; milliseconds for --timeout, like maxctrl).

const units: Record<string, number> = {ms: 1, s: 1000, m: 60_000};

export function parseDuration(text: string, bareUnit: 'ms' | 's'): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?\s*$/.exec(text);
	if (match === null) {
		return undefined;
	}

	const value = Number(match[1]) * (units[match[2] ?? bareUnit] ?? 1);
	return Number.isFinite(value) ? Math.round(value) : undefined;
}
