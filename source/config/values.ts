// Setting values as people write them, in flags, the environment or maxctrl.cnf:
// booleans (true/yes/on/1), sort orders (`idle desc`, `-idle`), groupings, sizes.

import type {Grouping} from '../model/rows.js';
import {sortKeys, type Sort, type SortKey} from '../model/sort.js';

const truthy = new Set(['true', 'yes', 'on', '1']);
const falsy = new Set(['false', 'no', 'off', '0']);

export function parseBoolean(text: string): boolean | undefined {
	const lower = text.trim().toLowerCase();
	return truthy.has(lower) ? true : falsy.has(lower) ? false : undefined;
}

export function parseSort(text: string): Sort | undefined {
	const match = /^\s*(-)?\s*([a-z/]+)(?:\s+(asc|desc))?\s*$/i.exec(text);
	if (match === null) {
		return undefined;
	}

	const key = match[2]!.toLowerCase().replace('i/o', 'io');
	if (!(sortKeys as readonly string[]).includes(key)) {
		return undefined;
	}

	return {key: key as SortKey, descending: match[1] === '-' || match[3]?.toLowerCase() === 'desc'};
}

export const groupingNames: Record<string, Grouping> = {
	'service-state': 'service-state',
	'service+state': 'service-state',
	service: 'service',
	flat: 'flat',
	none: 'flat',
};

const sizeUnits: Record<string, number> = {b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3};

/** `256M`, `1G`, `512K`, `1048576B`; a bare number is in MiB. */
export function parseSize(text: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(?:([bkmg])(?:i?b)?)?\s*$/i.exec(text);
	if (match === null) {
		return undefined;
	}

	const bytes = Math.round(Number(match[1]) * (sizeUnits[(match[2] ?? 'm').toLowerCase()] ?? 1));
	return Number.isFinite(bytes) && bytes >= 1024 ? bytes : undefined;
}
