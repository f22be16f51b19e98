// The monitor's screen, Ink and React as one file, build/ui/monitor-bundle.js (made by
// the build's second step, bundle.ts).
//
// Loaded module by module, the monitor took ~1.5 s from the command to its first
// frame on this 2-core machine: Ink, React and their ~150 modules are read, resolved
// and compiled one by one (Node parses each CommonJS file a second time to find its
// exports), and the module hook that patches Ink's caches (ui/ink-caches.ts) sends
// every one of those loads through Node's loader thread, ~700 ms of it. In one file,
// patched here instead and minified, the same code loads in ~0.2 s and no hook is needed.
//
// Only ui/ and the packages go in: the rest of build/ (model, api, config) stays
// external, imported by the same relative paths (the bundle sits in build/ui/), so
// the CLI and the screen share one copy of each module, as before. Never run by the
// app itself; esbuild is a development dependency.

import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {bundleOptions, patching} from './bundling.js';
import {bundleName, fingerprintFile, uiFingerprint} from './monitor-bundle-file.js';
import {replaceEach} from './replace-each.js';
import {inkCachePatches, patchInkSource} from './ui/ink-caches.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ui = path.join(here, 'ui');
export const bundleFile = path.join(ui, bundleName);

/** Our own modules outside ui/ stay separate files: left as the relative imports they are. */
const keepOurModulesOutside: Plugin = {
	name: 'keep-our-modules-outside',
	setup(plugin) {
		plugin.onResolve({filter: /^\.\.?\//}, (args) => {
			const target = path.resolve(args.resolveDir, args.path);
			if (!target.startsWith(here + path.sep) || target.startsWith(ui + path.sep)) {
				return undefined;
			}

			return {path: `./${path.relative(ui, target).split(path.sep).join('/')}`, external: true};
		});
	},
};

/** Ink's files, patched as the module hook patches them at run time (ink-caches.ts). */
const inkFile = new RegExp(`[/\\\\]node_modules[/\\\\]ink[/\\\\]build[/\\\\](${Object.keys(inkCachePatches).join('|')})\\.js$`);
const patchInk = (file: string, source: string) => {
	const name = inkFile.exec(file)?.[1] ?? '';
	return {name: `ink/${name}`, contents: patchInkSource(name, source)};
};

// yoga-layout (Ink's layout engine) decodes its WebAssembly from a data: URL with fetch()
// whenever fetch exists, which loads Node's own copy of undici and web streams for it
// (~30 ms of the start); without fetch it decodes the same base64 with atob. This asks for
// that path; a yoga whose text differs is left as it is.
const yogaFile = /[/\\]node_modules[/\\]yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/;
export const yogaFetch = {from: 'w||"function"!=typeof fetch?Promise.resolve()', to: 'w||true?Promise.resolve()'};

export function yogaWithoutFetch(source: string): string | undefined {
	return replaceEach(source, [yogaFetch]);
}

/**
 * Writes the bundle; answers which of the files it patches were patched (`ink/output`, …,
 * `yoga-layout`). An `outfile` elsewhere (the tests) still imports our modules relative to
 * build/ui/: a copy to look at, not to run.
 */
export async function bundleMonitor(outfile = bundleFile): Promise<string[]> {
	const patched: string[] = [];
	await build({
		...bundleOptions,
		entryPoints: [path.join(ui, 'run-monitor.js')],
		outfile,
		// Ink loads its devtools only with DEV=true, from a package we do not install.
		external: ['react-devtools-core', './devtools.js'],
		plugins: [keepOurModulesOutside, patching(patched, inkFile, patchInk), patching(patched, yogaFile, (_file, source) => ({name: 'yoga-layout', contents: yogaWithoutFetch(source)}))],
	});
	if (outfile === bundleFile) {
		// What the CLI checks before it loads the bundle (monitor-bundle-file.ts).
		const folder = pathToFileURL(`${ui}${path.sep}`);
		await writeFile(fingerprintFile(folder), uiFingerprint(folder));
	}

	return patched.sort();
}
