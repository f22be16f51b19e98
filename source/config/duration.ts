// Durations as people type them: `2s`, `500ms`, `1.5s`, `1m`, `2h`, `1h30m`; a bare number
// is in `bareUnit` (seconds for --interval, like top -d; milliseconds for --timeout, like maxctrl).
// And the two duration settings' bounds, with the sentence that refuses a value.

import {describe, type Found} from './settings.js';

const units: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000};
const number = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const bareNumber = new RegExp(`^${number}$`);
// `ms` before `m`: 500ms is milliseconds, not 500 minutes and a stray s.
const part = new RegExp(String.raw`(${number})\s*(ms|s|m|h|d)\s*`, 'y');

/**
 * Milliseconds, or undefined for a text that is no duration. Every duration is read, so
 * that one out of range is told so and given the range, not called no duration: `2h`,
 * `1h30m`, `1m 30s`, a negative `-5s`, a number past what a double holds (Infinity).
 */
export function parseDuration(text: string, bareUnit: 'ms' | 's'): number | undefined {
	const trimmed = text.trim();
	const sign = trimmed.startsWith('-') ? -1 : 1;
	const body = sign === -1 ? trimmed.slice(1).trimStart() : trimmed;
	if (bareNumber.test(body)) {
		return Math.round(sign * Number(body) * units[bareUnit]!);
	}

	let total = 0;
	part.lastIndex = 0;
	while (part.lastIndex < body.length) {
		const match = part.exec(body);
		if (match === null) {
			return undefined;
		}

		total += Number(match[1]) * units[match[2]!]!;
	}

	return body === '' ? undefined : Math.round(sign * total);
}

export const intervalBounds = {minMs: 500, maxMs: 60_000, range: 'from 0.5s to 60s'};
/**
 * --timeout: at least 1 ms, as before; at most an hour, far past any answer worth waiting for,
 * and well inside what a timer holds (Node fires one set past 2^31-1 ms, about 24.8 days, at once).
 */
export const timeoutBounds = {minMs: 1, maxMs: 3_600_000, range: 'from 1ms to 60m'};

/**
 * A duration setting in ms, or the sentence that refuses it: a text that is no duration is
 * told apart from a duration out of range (`-t 0` is a duration, only too short).
 */
export function readDuration(
	found: Found | undefined,
	text: string,
	bareUnit: 'ms' | 's',
	bounds: {minMs: number; maxMs: number; range: string},
	examples: string,
): number | string {
	const ms = parseDuration(text, bareUnit);
	if (ms !== undefined && ms >= bounds.minMs && ms <= bounds.maxMs) {
		return ms;
	}

	// Only a default is looked up without being found, and the defaults are in range.
	const said = describe(found!, text);
	if (ms === undefined) {
		return `${said} is not a duration: give one ${bounds.range} (${examples}).`;
	}

	// A bare number is read in its unit: `--interval 500`, meant as ms, is 500 s.
	const bare = /^\s*-?\s*[\d.]+\s*$/.test(text) ? ` (a number alone is ${bareUnit === 's' ? 'seconds' : 'milliseconds'})` : '';
	return `${said} is out of range${bare}: give a duration ${bounds.range} (${examples}).`;
}
