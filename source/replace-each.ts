// Exact text patches, for the files of packages we patch: Ink's (ui/ink-caches.ts), yoga's
// (monitor-bundle.ts), meow's and undici's client-h2.js (vendor-bundles.ts). A patch applies
// only to the text it was written for: each piece it replaces must be there exactly once.

/** `source` with each `from` (found exactly once) replaced by its `to`; undefined if any is missing or repeated. */
export function replaceEach(source: string, replacements: ReadonlyArray<{from: string; to: string}>): string | undefined {
	let result = source;
	for (const {from, to} of replacements) {
		if (result.split(from).length !== 2) {
			return undefined;
		}

		result = result.replace(from, () => to);
	}

	return result;
}
