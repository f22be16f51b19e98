// Two things Ink 6 does with its caches cost the monitor dearly; Ink's files are
// rewritten until Ink can be upgraded (Ink 8 needs Node 22): in the built CLI when
// the screen is bundled (source/monitor-bundle.ts applies patchInkSource), and by a
// module hook as they load when the screen runs from its modules (the tests, the
// bench, the soak, or a build whose bundle is not this build's).
//
// 1. Ink keeps the size of every text it has ever laid out, and the cut form of
// every text it has had to wrap or truncate, in two module-level caches that are
// never emptied (ink/build/measure-text.js and wrap-text.js: vadimdemedes/ink#986,
// fixed in Ink 8). The monitor lays out new text at every poll (ages, idle times,
// the poll's time), so those caches grew for as long as it ran: in the soak
// (issue 7, 5,000 sessions every 200 ms) by 6.7 MiB between the heap snapshots at
// 2 and 10 minutes, about 58 new lines a second. They now empty themselves past a
// bound, as read-sessions.ts does with its own cache: emptying costs a few
// measurements again, nothing more.
//
// 2. The other way round, Ink's Output (ink/build/output.js) starts every frame
// from nothing: its caches live one frame, every line of every frame is tokenized
// into one object per character again, the blank grid is width × height new
// objects, and every row is turned back into a string. That was about 70 % of a
// frame (issue 6). Now one bounded cache of styled lines serves all frames, the
// blank grid is one shared cell, a row whose cells are the very objects of the
// same row last frame keeps last frame's string, and a new row's string asks for
// style codes only where the style changes. Nothing writes into a cell
// (output.js only reads and replaces them; @alcalzone/ansi-tokenize's
// styledCharsToString and diffAnsiCodes only read), so sharing them is safe, and
// the blank cell is frozen so that a future Ink that did would fail loudly.
//
// 3. Ink measures each new text (measure-text.js, through widest-line) and each
// new line of output with string-width, which segments any line that is not pure
// ASCII into graphemes: a row with "…" in it cost ~1 ms. Lines of lone graphemes
// (source/ui/narrow-width.ts) are now measured a character at a time, exactly.
//
// The code these patches add is in source/ui/ink-output-code.ts.
//
// A file that is not exactly the text below (another Ink) is left as it is, and
// test/ui/ink-caches.test.ts says so; test/ui/ink-frames.test.ts renders the
// real screens with and without these patches and compares every byte.

import {register} from 'node:module';
import {replaceEach} from '../replace-each.js';
import {outputCode, widthCode} from './ink-output-code.js';

/** Entries each cache may hold before it starts again: far more than one screen's lines. */
export const inkCacheLimit = 10_000;

/** What is replaced in each of Ink's files; each `from` must occur exactly once. */
export const inkCachePatches: Record<string, Array<[from: string, to: string]>> = {
	'measure-text': [
		["import widestLine from 'widest-line';", `import stringWidth from 'string-width';\n${widthCode}function widestLine(text) {
	let widest = 0;
	for (const line of text.split('\\n')) {
		widest = Math.max(widest, lineWidth(line));
	}
	return widest;
}`],
		[
			'const cache = new Map();',
			`const cache = new Map(); const setInCache = cache.set.bind(cache); cache.set = (key, value) => { if (cache.size >= ${inkCacheLimit}) { cache.clear(); } return setInCache(key, value); };`,
		],
	],
	'wrap-text': [
		['const cache = {};', 'let cache = {}; let cacheSize = 0;'],
		['cache[cacheKey] = wrappedText;', `if (++cacheSize > ${inkCacheLimit}) { cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;`],
	],
	// Every text of every frame was measured again, uncached, to see whether it needs
	// wrapping; measure-text.js already keeps that width (for the layout, just before).
	'render-node-to-output': [
		["import widestLine from 'widest-line';", "import measureText from './measure-text.js';"],
		['const currentWidth = widestLine(text);', 'const currentWidth = measureText(text).width;'],
	],
	output: [
		[
			"import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';",
			"import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize } from '@alcalzone/ansi-tokenize';",
		],
		[
			'class OutputCaches {\n    widths = new Map();\n    blockWidths = new Map();\n    styledChars = new Map();',
			outputCode + 'class OutputCaches {\n    widths = new RecentMap();\n    blockWidths = new RecentMap();\n    styledChars = new RecentMap();',
		],
		// A line whose characters are all one column wide (nearly all) is copied without asking each one's width.
		[
			'cached = styledCharsFromTokens(tokenize(line));',
			'cached = styledCharsOf(line);\n            cached.narrow ??= cached.every(character => this.getStringWidth(character.value) <= 1);',
		],
		['const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));', 'const characterWidth = characters.narrow ? 1 : Math.max(1, this.caches.getStringWidth(character.value));'],
		['            cached = stringWidth(text);', '            cached = lineWidth(text);'],
		['export default class Output {', 'const sharedCaches = new OutputCaches();\nexport default class Output {'],
		['    caches = new OutputCaches();', '    caches = sharedCaches;'],
		[
			"                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
			'                row.push(blankCell);',
		],
		['.map(line => {\n            // See', '.map((line, y) => {\n            // See'],
		[
			'            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
			'            return rowText(line, y);',
		],
	],
};

/** Ink's file patched, or undefined when the file is not the text the patches were written for. */
export function patchInkSource(name: string, source: string): string | undefined {
	const patches = inkCachePatches[name];
	if (patches === undefined) {
		return undefined;
	}

	return replaceEach(source, patches.map(([from, to]) => ({from, to})));
}

// The hook runs on Node's loader thread, from a data: URL: it carries the same
// replacements as data and applies them as patchInkSource does.
const hook = `
const patches = ${JSON.stringify(inkCachePatches)};

export async function load(url, context, nextLoad) {
	const result = await nextLoad(url, context);
	const match = /\\/node_modules\\/ink\\/build\\/(measure-text|wrap-text|render-node-to-output|output)\\.js$/.exec(url);
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

/** Bound Ink's text caches and let its output's carry across frames. Call before Ink is first imported; later calls do nothing. */
export function boundInkCaches(): void {
	if (!registered) {
		registered = true;
		register(`data:text/javascript,${encodeURIComponent(hook)}`);
	}
}
