// What the build's bundles (monitor-bundle.ts, vendor-bundles.ts) share: their esbuild
// options and a plugin that patches files as esbuild reads them. Never run by the app
// itself; esbuild is a development dependency.

import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';

/** One ES module for Node 20 each. */
export const bundleOptions = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	// The packages' CommonJS files (React's, undici's) call require() for Node's own modules.
	banner: {js: "import {createRequire as createRequireForBundle} from 'node:module';\nconst require = createRequireForBundle(import.meta.url);"},
	// Smaller to parse: ~35 ms of the monitor's start. The map (node --enable-source-maps) names the real files and lines.
	minify: true,
	sourcemap: 'linked',
	logLevel: 'warning',
} as const;

/**
 * A plugin that rewrites the files `filter` matches with `patch` as esbuild reads them, and
 * puts the name of each one it rewrote into `patched`. A file that is not the text the patch
 * was written for (`patch` answers undefined: another version) is left as it is, with a
 * warning: the bundle is then as slow as the package, never wrong.
 */
export function patching(patched: string[], filter: RegExp, patch: (file: string, source: string) => {name: string; contents: string | undefined}): Plugin {
	return {
		name: `patch ${filter.source}`,
		setup(plugin) {
			plugin.onLoad({filter}, async (args) => {
				const source = await readFile(args.path, 'utf8');
				const {name, contents} = patch(args.path, source);
				if (contents === undefined) {
					return {contents: source, loader: 'js', warnings: [{text: `${name} is not the text its patch was written for: left as it is`}]};
				}

				patched.push(name);
				return {contents, loader: 'js'};
			});
		},
	};
}
