// The lines batch output writes on stderr when a MaxScale cannot be read: one sentence
// each, sanitized, on one line.

import type {ApiError} from '../api/errors.js';
import {sanitize} from '../model/sanitize.js';
import type {Out} from './output.js';

export const exitFailure = 1;

/** `12:03:04`: local time, 24-hour, for the lines of a long --watch, so that `2>>log` places an outage. */
export function clock(now = new Date()): string {
	return [now.getHours(), now.getMinutes(), now.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/** `sessiontop: [12:03:04 ]the sentence.` */
export function say(stderr: Out, sentence: string, at?: string): void {
	stderr.write(`sessiontop: ${at === undefined ? '' : `${at} `}${sanitize(sentence).replace(/\s*\n\s*/g, ' ')}\n`);
}

export function complain(stderr: Out, error: ApiError, at?: string): void {
	say(stderr, error.message, at);
}
