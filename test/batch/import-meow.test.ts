// importMeow swaps String.prototype.localeCompare only while meow's bundle is evaluated.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {importMeow} from '../../source/import-meow.js';

test('importMeow gives meow and leaves localeCompare as it was', async () => {
	// eslint-disable-next-line @typescript-eslint/unbound-method
	const before = String.prototype.localeCompare;
	const meow = await importMeow();
	assert.equal(typeof meow, 'function');
	assert.equal(String.prototype.localeCompare, before);
	assert.equal('a'.localeCompare('B'), -1, 'the locale-aware comparison, not code units');
});
