// The common TSV line, made in one pass: a session whose cells are strings, numbers,
// null or missing, and whose strings hold nothing that the later steps of maxctrl's
// path would touch. Then those steps are all no-ops, and the line is just the cells'
// texts joined with tabs:
//
//   - normalizeWhitespace turns runs of whitespace into one space: a single inner
//     space stays a single space, and no other whitespace is let through;
//   - sanitize replaces controls (a newline, a tab, ESC), bidi marks and surrogates
//     (maxctrl-tsv.ts): none is let through;
//   - each field is trimmed: no leading or trailing space is let through.
//
// Anything else returns undefined, and maxctrl-tsv.ts makes the line the long way.

import {unsafeClass} from '../model/sanitize.js';

/* eslint-disable @typescript-eslint/no-unsafe-member-access -- a document is any JSON */
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What a cell may not hold for the short way: a space at either end or two in a row,
 * JavaScript's other whitespace (what \s and trim() match: maxctrl's handling would change
 * it), and whatever sanitize() replaces (its own class, so the two cannot drift apart).
 */
const unusual = new RegExp(`^ | $| {2}|[\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000\\uFEFF${unsafeClass}]`, 'u');

/** A cell's text for the short way, or undefined. Missing and null are "", as rawCollectionAsTable's mapper has it. */
function cellText(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return unusual.test(value) ? undefined : value;
	}

	if (typeof value === 'number') {
		return String(value); // Digits, "-", ".", "e+", "Infinity": nothing to touch.
	}

	return value === undefined || value === null ? '' : undefined;
}

/** `relationships.services.data[].id`, joined with ", ", for the short way, or undefined. An object (whose members' ids maxctrl takes) goes the long way; anything else is "". */
function servicesText(services: unknown): string | undefined {
	if (!Array.isArray(services)) {
		return typeof services === 'object' && services !== null ? undefined : '';
	}

	let text = '';
	for (let index = 0; index < services.length; index++) {
		const service: Loose = services[index];
		const id = cellText(service?.id);
		if (id === undefined) {
			return undefined;
		}

		text = index === 0 ? id : `${text}, ${id}`;
	}

	return unusual.test(text) ? undefined : text;
}

/**
 * The line of one session (no newline), or undefined when it must be made the long way.
 * The values are read as fillRow reads them (`?.` stops at null and undefined; any other
 * value's member is read, and strings, numbers and arrays have none of these names).
 */
export function fastLine(resource: unknown): string | undefined {
	const session: Loose = resource;
	const attributes: Loose = session?.attributes;
	const id = cellText(session?.id);
	const user = cellText(attributes?.user);
	const remote = cellText(attributes?.remote);
	const connected = cellText(attributes?.connected);
	const idle = cellText(attributes?.idle);
	const services = servicesText(session?.relationships?.services?.data);
	const total = cellText(attributes?.memory?.total);
	const io = cellText(attributes?.io_activity);
	if (id === undefined || user === undefined || remote === undefined || connected === undefined || idle === undefined || services === undefined || total === undefined || io === undefined) {
		return undefined;
	}

	return `${id}\t${user}\t${remote}\t${connected}\t${idle}\t${services}\t${total}\t${io}`;
}
/* eslint-enable @typescript-eslint/no-unsafe-member-access */
