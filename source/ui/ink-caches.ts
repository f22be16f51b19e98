// Ink 6 keeps the size of every text it has ever laid out, and the cut form of
// every text it has had to wrap or truncate, in two module-level caches that are
// never emptied (ink/build/measure-text.js and wrap-text.js: vadimdemedes/ink#986,
// fixed in Ink 8, which needs Node 22). The monitor lays out new text at every
// poll (ages, idle times, the poll's time), so those caches grow for as long as
// it runs: in the soak (issue 7, 5,000 sessions every 200 ms) they grew by
// 6.7 MiB between the heap snapshots at 2 and 10 minutes, about 58 new lines a
// second, and nothing ever empties them.
//
// Until Ink can be upgraded, a module hook rewrites those two caches, as Ink's
// files load, into ones that empty themselves past a bound, as read-sessions.ts
// does with its own cache: emptying costs a few measurements again, nothing more.
// A file that is not exactly the text below (another Ink) is left as it is, and
// test/ui/ink-caches.test.ts says so.

import {register} from 'node:module';

/** Entries each cache may hold before it starts again: far more than one screen's lines. */
export const inkCacheLimit = 10_000;

/** What is replaced in each of Ink's files; each `from` must occur exactly once. */
export const inkCachePatches: Record<string, Array<[from: string, to: string]>> = {
	'measure-text': [
		[
			'const cache = new Map();',
			`const cache = new Map(); const setInCache = cache.set.bind(cache); cache.set = (key, value) => { if (cache.size >= ${inkCacheLimit}) { cache.clear(); } return setInCache(key, value); };`,
		],
	],
	'wrap-text': [
		['const cache = {};', 'let cache = {}; let cacheSize = 0;'],
		['cache[cacheKey] = wrappedText;', `if (++cacheSize > ${inkCacheLimit}) { cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;`],
	],
};

/** Ink's file with its cache bounded, or undefined when the file is not the text the patches were written for. */
export function patchInkSource(name: string, source: string): string | undefined {
	const patches = inkCachePatches[name];
	if (patches === undefined) {
		return undefined;
	}

	let patched = source;
	for (const [from, to] of patches) {
		if (patched.split(from).length !== 2) {
			return undefined;
		}

		patched = patched.replace(from, () => to);
	}

	return patched;
}

// The hook runs on Node's loader thread, from a data: URL: it carries the same
// replacements as data and applies them as patchInkSource does.
const hook = `
const patches = ${JSON.stringify(inkCachePatches)};

export async function load(url, context, nextLoad) {
	const result = await nextLoad(url, context);
	const match = /\\/node_modules\\/ink\\/build\\/(measure-text|wrap-text)\\.js$/.exec(url);
	if (match === null || result.source === undefined || result.source === null) {
		return result;
	}

	let source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
	for (const [from, to] of patches[match[1]]) {
		if (source.split(from).length !== 2) {
			return result;
		}

		source = source.replace(from, () => to);
	}

	return {...result, source};
}
`;

let registered = false;

/** Bound Ink's text caches. Call before Ink is first imported; later calls do nothing. */
export function boundInkCaches(): void {
	if (!registered) {
		registered = true;
		register(`data:text/javascript,${encodeURIComponent(hook)}`);
	}
}
