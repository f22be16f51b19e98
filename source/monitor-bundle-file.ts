// Which build of the screen the CLI loads: build/ui/monitor-bundle.js when it belongs to
// this build, else the modules. `npm run build` writes the bundle after tsc, so a bundle
// older than its entry module means tsc has run since (a developer's `npx tsc`): it would
// be an older screen. Files installed from npm all carry one date: the bundle is used.

import {statSync} from 'node:fs';

/** The bundle under `build` (build/'s URL), or undefined when the modules must be loaded. */
export function monitorBundle(build: URL): URL | undefined {
	const bundle = new URL('ui/monitor-bundle.js', build);
	try {
		return statSync(bundle).mtimeMs >= statSync(new URL('ui/run-monitor.js', build)).mtimeMs ? bundle : undefined;
	} catch {
		return undefined; // No bundle (run from source, or after tsc alone), or not files at all.
	}
}
