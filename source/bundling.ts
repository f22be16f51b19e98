// What the build's bundles (monitor-bundle.ts, vendor-bundles.ts) share: the banner that
// gives CommonJS files in an ES module their require(), and a plugin that patches files
// as esbuild reads them. Never run by the app itself; esbuild is a development dependency.

import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';

/** The packages' CommonJS files call require() for Node's own modules. */
export const requireBanner = {js: "import {createRequire as createRequireForBundle} from 'node:module';\nconst require = createRequireForBundle(import.meta.url);"};

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
