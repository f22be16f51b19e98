import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Dispatcher, Pool as IndexPool} from 'undici';
import {loadUndiciParts, Pool, request} from '../../source/api/undici-parts.js';

test("the client's Pool and request() are undici's own, loaded without its index", async () => {
	const parts = await loadUndiciParts();
	assert.equal(parts.whole, false, 'undici 7 still has these files where client.ts looks for them');
	// The very classes and function the index exports and installs.
	assert.equal(Pool, IndexPool);
	assert.equal(request, Dispatcher.prototype.request);
});

test('should undici move those files (vendor/undici.ts fails to load), its index is used instead', async () => {
	const parts = await loadUndiciParts('./moved-undici.js');
	assert.equal(parts.whole, true);
	assert.equal(parts.Pool, IndexPool);
	assert.equal(parts.request, Dispatcher.prototype.request);
});
