// Every string that came from the server is untrusted: a client picks its own user
// name and SQL text lands in `queries`. Anything that could drive the terminal
// (C0/C1 controls, ESC, DEL, bidi overrides, lone surrogates) is replaced before
// it can reach the screen.

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, LRM/RLM/ALM,
// line/paragraph separators, and lone UTF-16 surrogates.
const unsafe =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const quickCheck =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

/** Replace every unsafe character with U+FFFD so that tampering stays visible. */
export function sanitize(text: string): string {
	// The fast path matters: this runs on every string of every poll.
	if (!quickCheck.test(text)) {
		return text;
	}

	return text.replace(unsafe, (char) => (char === '\t' ? ' ' : '\uFFFD'));
}

/** Where to cut `text` at or before `index` without splitting a surrogate pair (an emoji) in two. */
export function safeCut(text: string, index: number): number {
	if (index <= 0 || index >= text.length) {
		return Math.max(0, Math.min(index, text.length));
	}

	const before = text.charCodeAt(index - 1);
	return before >= 0xd8_00 && before <= 0xdb_ff ? index - 1 : index;
}

/** The first `max` UTF-16 units of `text`, one fewer rather than half an emoji. */
export function head(text: string, max: number): string {
	return text.slice(0, safeCut(text, max));
}

/** The last `max` UTF-16 units of `text`, one fewer rather than half an emoji. */
export function tail(text: string, max: number): string {
	let start = Math.max(0, text.length - max);
	const first = text.charCodeAt(start);
	if (start > 0 && first >= 0xdc_00 && first <= 0xdf_ff) {
		start++;
	}

	return text.slice(start);
}

/** Shorten to `max` columns with an ellipsis (strings here are already sanitized). */
export function truncate(text: string, max: number): string {
	if (max <= 0) {
		return '';
	}

	return text.length > max ? `${head(text, Math.max(0, max - 1))}…` : text;
}
