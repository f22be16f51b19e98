// Two packages every start loads, each bundled by the build into one file in place of
// the module tsc made from vendor/meow.ts and vendor/undici.ts (npm run build: tsc, then
// build/bundle.js). Never run by the app itself; esbuild is a development dependency.
//
// meow's own bundle (build/dependencies.js) runs normalize-package-data's set-up and
// @babel/code-frame's as it is imported: the licence list sorted with localeCompare (so
// ICU's collator is loaded), semver's and hosted-git-info's regular expressions, and so
// on, ~25 ms, though meow 14 uses them only to read package.json's fields it is asked
// for (getPackage(), lazily) and to point at a JSON syntax error. Patched here to set
// them up on first use: importing meow went from ~61 ms to ~35 here, and `sessiontop
// --version` from ~127 ms to ~92. undici's pool and request() (~40 files) load in ~40 ms
// as one file against ~57.

import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {bundleOptions, patching} from './bundling.js';
import {replaceEach} from './replace-each.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Each eager set-up in meow 14's build/dependencies.js, and the same made lazy (same calls, on first use). */
export const meowPatches = [
	{
		from: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
		to: 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
	},
	{
		from: 'var libExports = requireLib$1();',
		to: 'var libExports = {codeFrameColumns: (...args) => requireLib$1().codeFrameColumns(...args)};',
	},
];

const meowDependencies = /[/\\]node_modules[/\\]meow[/\\]build[/\\]dependencies\.js$/;

export const lazyMeow = (source: string) => replaceEach(source, meowPatches);

/** What each bundle exports: the same as vendor/meow.ts and vendor/undici.ts (a test holds them together). */
export const vendorEntries = {
	'meow.js': "export {default} from 'meow';",
	'undici.js': "export {default as Pool} from 'undici/lib/dispatcher/pool.js';\nexport {default as request} from 'undici/lib/api/api-request.js';",
} as const;

/**
 * Writes build/vendor/meow.js and build/vendor/undici.js over the modules tsc made there
 * (or into `folder`: the tests); answers which files were patched (`meow`).
 */
export async function bundleVendors(folder = path.join(here, 'vendor')): Promise<string[]> {
	const patched: string[] = [];
	const plugins = [patching(patched, meowDependencies, (_file, source) => ({name: 'meow', contents: lazyMeow(source)}))];
	await Promise.all(
		Object.entries(vendorEntries).map(async ([name, contents]) =>
			build({
				...bundleOptions,
				stdin: {contents, resolveDir: here, sourcefile: `entry of vendor/${name}`, loader: 'js'},
				outfile: path.join(folder, name),
				plugins,
			}),
		),
	);
	return patched;
}
