// meow, imported without waking ICU. meow's bundle runs normalize-package-data's
// set-up as it is evaluated, and spdx-correct's part of it sorts a fixed table of
// licence-name typos with localeCompare: the first localeCompare of a process builds an
// ICU collator (~15 ms, a third of a `--once --tsv` start-up's JavaScript). That table
// is only read when meow normalizes a package.json, which happens only when `cli.pkg`
// is read, and sessiontop never reads it. So for the duration of the import only,
// localeCompare compares code units; it is put back before anything else runs, even if
// the import fails.

import type meowFunction from 'meow';

export async function importMeow(): Promise<typeof meowFunction> {
	// eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was
	const localeCompare = String.prototype.localeCompare;
	// eslint-disable-next-line no-extend-native -- undone in finally, below
	String.prototype.localeCompare = function (this: string, that: string) {
		return this < that ? -1 : this > that ? 1 : 0;
	};

	try {
		return (await import('meow')).default;
	} finally {
		// eslint-disable-next-line no-extend-native
		String.prototype.localeCompare = localeCompare;
	}
}
