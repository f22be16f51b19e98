// The value of a numeric filter term (`idle>1h30m`, `memory<67K`, `io=0`), read as the
// screen writes it: a time as formatDuration prints it (16d05h, 1h30m, 2m20s, 0s) or in
// one unit (90s, 2h), a size as formatBytes does (512B, 9.5K, 67K, 1.2M). A value with a
// unit is compared with the session's as its column shows it (rounded as the column
// rounds): else `memory<67K` kept rows the column shows as 67K, and `idle=2m20s` matched
// almost nothing (MaxScale's idle has a fraction). A plain number is the exact seconds or
// bytes, as the pane's JSON has them.

export type AmountKind = 'time' | 'size' | 'count';
export type Amount = {value: number; asShown: boolean};

const number = String.raw`\d+(?:\.\d+)?`;
/** Each unit once, largest first, as formatDuration writes them: 2d3h, 16d05h, 1h30m, 4m52s, 90s. */
const duration = new RegExp(`^(?:(${number})d)?(?:(${number})h)?(?:(${number})m)?(?:(${number})s)?$`, 'i');
const plain = new RegExp(`^${number}$`);
const sized = new RegExp(`^(${number})([a-z]+)$`, 'i');

// Memory in binary units, as formatBytes and top write them (M means MiB here, minutes for times).
const bytes: Record<string, number> = {
	b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4, tib: 1024 ** 4,
};
// I/O events in decimal units, as compactCount writes them in a narrow column (123k).
const counts: Record<string, number> = {k: 1e3, m: 1e6, g: 1e9, t: 1e12};

function parseDuration(text: string): number | undefined {
	const match = duration.exec(text);
	if (!match || text === '') {
		return undefined;
	}

	const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
	return Number(days) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

function parseUnit(text: string, units: Record<string, number>): number | undefined {
	const match = sized.exec(text);
	const factor = match ? units[match[2]!.toLowerCase()] : undefined;
	return factor === undefined ? undefined : Number(match![1]) * factor;
}

/** `text` as an amount of `kind`, or undefined when it is none (`1h30` for idle, `1h` for memory). */
export function parseAmount(text: string, kind: AmountKind): Amount | undefined {
	if (plain.test(text)) {
		return {value: Number(text), asShown: false};
	}

	const value = kind === 'time' ? parseDuration(text) : parseUnit(text, kind === 'size' ? bytes : counts);
	// I/O counts show whole (compactCount only where the column is too narrow): always exact.
	return value === undefined ? undefined : {value, asShown: kind !== 'count'};
}

/**
 * A session's time or size as its column shows it, in seconds or bytes: 90.4 s shows as
 * 1m30s, 90. Worked out as formatDuration and formatBytes round, not by printing and reading
 * back: a filter is applied to every session at every poll and keystroke (100,000 of them).
 */
export function shownValue(value: number, kind: AmountKind): number | undefined {
	if (kind === 'count') {
		return value;
	}

	if (!Number.isFinite(value) || value < 0) {
		return undefined;
	}

	if (kind === 'time') {
		const s = Math.floor(value);
		// Whole seconds below an hour (4m52s), then minutes (1h30m), hours (16d05h), days past 99.
		const step = s < 3600 ? 1 : s < 86_400 ? 60 : s < 100 * 86_400 ? 3600 : 86_400;
		return Math.floor(s / step) * step;
	}

	let scale = 1;
	while (value / scale >= 1024 && scale < 1024 ** 4) {
		scale *= 1024;
	}

	const scaled = value / scale;
	// 512B as it is; under 10 of a unit one decimal (9.5K), else whole (67K).
	return scale === 1 ? value : (scaled < 10 ? Math.round(scaled * 10) / 10 : Math.round(scaled)) * scale;
}

const examples: Record<AmountKind, string> = {
	time: 'a time for {field} (e.g. 90, 90s, 2h, 1h30m, 2d03h)',
	size: 'a size for {field} (e.g. 70000, 512B, 64K, 1.5M)',
	count: 'a number for {field} (e.g. 0, 12, 1k)',
};

/** The sentence for a value that is none of `kind`, with what one looks like. */
export function notAnAmount(text: string, kind: AmountKind, field: string): string {
	return `"${text}" is not ${examples[kind].replace('{field}', field)}`;
}
