// Setting values as people write them, in flags, the environment or maxctrl.cnf:
// booleans (true/yes/on/1), sort orders (`idle desc`, `-idle`), groupings, sizes.

import {constants} from 'node:buffer';
import type {Grouping} from '../model/groups.js';
import {columnAliases} from '../model/column-choice.js';
import {sortKeys, type Sort, type SortKey} from '../model/sort.js';
import {meant} from './near-miss.js';

const truthy = new Set(['true', 'yes', 'on', '1']);
const falsy = new Set(['false', 'no', 'off', '0']);

/** What a boolean takes besides true and false, as every sentence that refuses one says it. */
export const otherBooleans = 'yes/no, on/off and 1/0 work too';

export function parseBoolean(text: string): boolean | undefined {
	const lower = text.trim().toLowerCase();
	return truthy.has(lower) ? true : falsy.has(lower) ? false : undefined;
}

export function parseSort(text: string): Sort | undefined {
	const match = /^\s*(-)?\s*([a-z/]+)(?:\s+(asc|desc))?\s*$/i.exec(text);
	if (match === null) {
		return undefined;
	}

	// The names --columns takes for a column take the same sort (`sql`, `duration`, `i/o`: QA).
	const name = match[2]!.toLowerCase();
	const key = columnAliases[name] ?? name;
	if (!(sortKeys as readonly string[]).includes(key)) {
		return undefined;
	}

	return {key: key as SortKey, descending: match[1] === '-' || match[3]?.toLowerCase() === 'desc'};
}

/**
 * A setting's sort (`named`: the setting as a sentence names it, `--sort "idel"`), or the
 * sentence that refuses it: a near miss named (`idle?`), and an order said twice (`-idle
 * desc`, which read as idle desc: QA) refused.
 */
export function readSort(text: string, named: string): Sort | {error: string} {
	const sort = parseSort(text);
	if (sort === undefined) {
		const word = /^\s*-?\s*([a-z/]+)/i.exec(text)?.[1] ?? '';
		const guess = meant(word, sortKeys);
		return {error: `${named} is not a sort${guess === undefined ? '' : ` (${guess}?)`}: use one of ${sortKeys.join(', ')}, then desc to reverse it (e.g. "idle desc").`};
	}

	if (/^\s*-/.test(text) && /\s(?:asc|desc)\s*$/i.test(text)) {
		return {error: `${named} says the order twice: write -${sort.key} or "${sort.key} desc" for the largest first, ${sort.key} for the smallest.`};
	}

	return sort;
}

export const groupingNames: Record<string, Grouping> = {
	'service-state': 'service-state',
	'service+state': 'service-state',
	service: 'service',
	user: 'user',
	client: 'client',
	maxscale: 'maxscale',
	flat: 'flat',
	none: 'flat',
};

const sizeUnits: Record<string, number> = {b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5};

/**
 * `256M`, `1G`, `512K` (binary units), and a bare number in bytes (`1048576`), as curl,
 * nginx and docker read one: a byte count from a script then means what it says, and a
 * bare `1` or `512` meant as MiB is refused (under the 1K floor) instead of kept.
 */
export function parseSize(text: string): number | undefined {
	const size = readSize(text);
	return typeof size === 'number' ? size : undefined;
}

/** The largest --max-body: what a Buffer can hold (4G on 64-bit Node): no answer past it is ever read. */
export const maxSizeBytes = constants.MAX_LENGTH;

/**
 * A size, or why it is none: not a size at all, under 1K, or over what sessiontop can hold.
 * T and P (and a negative size) are read only to be refused as sizes out of range, not as
 * texts that are no size.
 */
export function readSize(text: string): number | 'not-a-size' | 'too-small' | 'too-large' {
	const match = /^\s*(-?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:([bkmgtp])(?:i?b)?)?\s*$/i.exec(text);
	if (match === null) {
		return 'not-a-size';
	}

	const bytes = Math.round((match[1] === '-' ? -1 : 1) * Number(match[2]) * (sizeUnits[(match[3] ?? 'b').toLowerCase()] ?? 1));
	if (!Number.isFinite(bytes) || bytes > maxSizeBytes) {
		return 'too-large';
	}

	return bytes >= 1024 ? bytes : 'too-small';
}

/**
 * `--server-tz`: the zone a MaxScale before 23.02 wrote its zone-less connection
 * times in. `local` (returned as is: no zone name is spelt so, Intl refuses it),
 * `UTC` (also `Z`, `GMT` and a zero offset), an offset `+02:00` / `+0200` / `+02`
 * (returned as `+02:00`), or an IANA name (returned as Intl spells it). undefined:
 * none of these.
 */
export function parseTimeZone(text: string): string | undefined {
	const trimmed = text.trim();
	if (/^local$/i.test(trimmed)) {
		return 'local';
	}

	if (/^(?:z|utc|gmt)$/i.test(trimmed)) {
		return 'UTC';
	}

	const offset = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(trimmed);
	if (offset !== null) {
		const hours = Number(offset[2]);
		const minutes = Number(offset[3] ?? '0');
		// Real offsets run from -12:00 to +14:00; a larger one is a typo.
		if (minutes > 59 || hours * 60 + minutes > 14 * 60) {
			return undefined;
		}

		return hours === 0 && minutes === 0 ? 'UTC' : `${offset[1]}${offset[2]}:${String(minutes).padStart(2, '0')}`;
	}

	// Only names go to Intl: newer V8 takes offsets too, older ones refuse them, and
	// the offsets above must mean the same on every Node.
	if (!/^[a-z]/i.test(trimmed)) {
		return undefined;
	}

	try {
		return new Intl.DateTimeFormat(undefined, {timeZone: trimmed}).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}
