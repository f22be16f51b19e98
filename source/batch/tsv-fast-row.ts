// The common TSV line, made in one pass: a session whose cells are strings, numbers,
// null or missing, and whose strings hold nothing that the later steps of maxctrl's
// path would touch. Then those steps are all no-ops, and the line is just the cells'
// texts joined with tabs:
//
//   - normalizeWhitespace turns runs of whitespace into one space: a single inner
//     space stays a single space, and no other whitespace is let through;
//   - cli-table splits at "\n", tabs split fields, colours are stripped at ESC,
//     sanitize replaces controls, bidi marks and surrogates: none is let through;
//   - each field is trimmed: no leading or trailing space is let through.
//
// Anything else returns undefined, and maxctrl-tsv.ts makes the line the long way.

/* eslint-disable @typescript-eslint/no-unsafe-member-access -- a document is any JSON */
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What a cell may not hold for the short way: a space at either end or two in a row,
 * JavaScript's other whitespace (what \s and trim() match), C0/C1 controls, the bidi,
 * separator and invisible format characters sanitize replaces, and any surrogate (rather
 * than tell lone ones from pairs here). A few harmless characters in the ranges (U+2065,
 * the spaces) only send a cell the long way.
 */
// eslint-disable-next-line no-control-regex
const unusual = /^ | $| {2}|[\u0000-\u001F\u007F-\u00A0\u00AD\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2069\u3000\uD800-\uDFFF\uFEFF\uFFF9-\uFFFB]/;

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
