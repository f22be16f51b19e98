// `--sort maxscale` is taken (sort.ts sortKeys), but --help and the readme's Usage listed
// every key but that one.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sortKeys} from '../../source/model/sort.js';
import {helpText} from '../../source/help.js';

test('--help names every key --sort takes', () => {
	// The --sort entry: its line and the lines under it, up to the next option.
	const entry = /\n {4}--sort {2}[^]*?(?=\n {4}-)/.exec(helpText)?.[0];
	assert.ok(entry !== undefined, 'the --sort entry');
	const named = new Set(entry.replace('--sort', '').match(/[a-z]+/g));
	assert.deepEqual(sortKeys.filter((key) => !named.has(key)), []);
});
