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
// as one file against ~57. Both are also patched not to load Node's modules they do not
// use as they load: node:child_process (meow), node:http2 with node:tls and node:crypto
// (undici, for HTTP/2 only): `--once --tsv` ~15-30 ms sooner, ~340 -> ~325 ms at 10,000.
// undici's largest lazily required parts stay out of its bundle (undiciOnDemand): 291 KB
// -> 103 KB, its import ~34 -> ~24 ms.

import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type Plugin} from 'esbuild';
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
	// What rollup left of a dependency's `const execFileAsync = promisify(execFile)` once
	// nothing used it: a call whose result is dropped, which still loads node:child_process
	// (and node:dgram with it) at every start. Without it, esbuild drops the import.
	{from: 'promisify(execFile);\n', to: ''},
];

const meowDependencies = /[/\\]node_modules[/\\]meow[/\\]build[/\\]dependencies\.js$/;

/**
 * The HTTP/2 constants undici's client-h2.js reads from node:http2 as it loads: header names
 * and nghttp2's error codes, fixed by RFC 9113 and nghttp2 (a test compares them with
 * node:http2's own).
 */
export const http2Constants = {
	HTTP2_HEADER_AUTHORITY: ':authority',
	HTTP2_HEADER_METHOD: ':method',
	HTTP2_HEADER_PATH: ':path',
	HTTP2_HEADER_SCHEME: ':scheme',
	HTTP2_HEADER_CONTENT_LENGTH: 'content-length',
	HTTP2_HEADER_EXPECT: 'expect',
	HTTP2_HEADER_STATUS: ':status',
	HTTP2_HEADER_PROTOCOL: ':protocol',
	NGHTTP2_REFUSED_STREAM: 7,
	NGHTTP2_CANCEL: 8,
} as const;

/**
 * undici loads node:http2 as it loads, for the constants above and for connect(), which
 * it calls only for an HTTP/2 connection (allowH2, which sessiontop never sets); node:http2
 * loads node:tls and node:crypto with it: ~10 ms of every start, http or https. The patch
 * gives client-h2.js the constants and loads node:http2 on the first connect().
 */
export const undiciPatches = [
	{
		from: "let http2\ntry {\n  http2 = require('node:http2')\n} catch {\n  // @ts-ignore\n  http2 = { constants: {} }\n}",
		to: `let http2 = {constants: ${JSON.stringify(http2Constants)}, connect: (...args) => require('node:http2').connect(...args)}`,
	},
];

const undiciClientH2 = /[/\\]node_modules[/\\]undici[/\\]lib[/\\]dispatcher[/\\]client-h2\.js$/;

export const lazyHttp2 = (source: string) => replaceEach(source, undiciPatches);

export const lazyMeow = (source: string) => replaceEach(source, meowPatches);

/**
 * What undici requires only inside functions, each of them large: llhttp's WebAssembly as
 * base64 (two builds of 72 KB: SIMD, else plain; one is read, on the first connection) and
 * the fetch API's body reader (~150 KB with what it loads: FormData, WebIDL, data: URLs),
 * which a request calls only for a FormData body (sessiontop sends none). Bundled, all of it
 * would be parsed at every start; left out, each is required from undici's own files the
 * first time it is needed (undici has no "exports" map: its files can be named).
 */
export const undiciOnDemand = {
	'../llhttp/llhttp_simd-wasm.js': 'undici/lib/llhttp/llhttp_simd-wasm.js',
	'../llhttp/llhttp-wasm.js': 'undici/lib/llhttp/llhttp-wasm.js',
	'../web/fetch/body.js': 'undici/lib/web/fetch/body.js',
} as const;

const onDemand: Plugin = {
	name: "undici's files required on demand",
	setup(plugin) {
		plugin.onResolve({filter: /^\.\.\/(llhttp|web)\//}, (args) => {
			const file = Object.hasOwn(undiciOnDemand, args.path) ? undiciOnDemand[args.path as keyof typeof undiciOnDemand] : undefined;
			return file !== undefined && args.importer.includes(`${path.sep}undici${path.sep}lib${path.sep}dispatcher${path.sep}`) ? {path: file, external: true} : undefined;
		});
	},
};

/** What each bundle exports: the same as vendor/meow.ts and vendor/undici.ts (a test holds them together). */
export const vendorEntries = {
	'meow.js': "export {default} from 'meow';",
	'undici.js': "export {default as Pool} from 'undici/lib/dispatcher/pool.js';\nexport {default as request} from 'undici/lib/api/api-request.js';",
} as const;

/**
 * Writes build/vendor/meow.js and build/vendor/undici.js over the modules tsc made there
 * (or into `folder`: the tests); answers which files were patched (`meow`, `undici client-h2`).
 */
export async function bundleVendors(folder = path.join(here, 'vendor')): Promise<string[]> {
	const patched: string[] = [];
	const plugins = [
		patching(patched, meowDependencies, (_file, source) => ({name: 'meow', contents: lazyMeow(source)})),
		patching(patched, undiciClientH2, (_file, source) => ({name: 'undici client-h2', contents: lazyHttp2(source)})),
		onDemand,
	];
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
