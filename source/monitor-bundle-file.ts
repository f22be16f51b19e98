// Which build of the screen the CLI loads: build/ui/monitor-bundle.js when it was made
// from the modules now in build/ui/, else those modules. `npm run build` writes, beside
// the bundle, a fingerprint of the modules it bundled (their names and contents); when
// tsc alone has run since (a developer's `npx tsc`), the modules differ and the bundle
// would be an older screen. Dates cannot tell: npm extracts an installed package's files
// in no particular order. Reading and hashing the ~25 modules takes ~5 ms.

import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';

export const bundleName = 'monitor-bundle.js';
const fingerprintName = 'monitor-bundle.fingerprint';

/** Names and contents of the modules in `ui` (a folder's URL), the bundle aside. */
export function uiFingerprint(ui: URL): string {
	const hash = createHash('sha1');
	for (const name of readdirSync(ui).filter((file) => file.endsWith('.js') && file !== bundleName).sort()) {
		hash.update(`${name}\n`);
		hash.update(readFileSync(new URL(name, ui)));
	}

	return hash.digest('hex');
}

/** Written by the build next to the bundle. */
export const fingerprintFile = (ui: URL) => new URL(fingerprintName, ui);

/** The bundle under `build` (build/'s URL), or undefined when the modules must be loaded. */
export function monitorBundle(build: URL): URL | undefined {
	const ui = new URL('ui/', build);
	try {
		return readFileSync(fingerprintFile(ui), 'utf8') === uiFingerprint(ui) ? new URL(bundleName, ui) : undefined;
	} catch {
		return undefined; // No bundle (run from source, or after tsc alone), or not files at all.
	}
}
