// The StringTable gives the text of any bytes, whether it held them already or not:
// through its growth, after it empties itself at maxSize, and with colliding places.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {test} from 'node:test';
import {StringTable} from '../../source/api/string-table.js';

function get(table: StringTable, text: string): string {
	const bytes = Buffer.from(`"${text}"`, 'latin1');
	return table.get(bytes, 1, bytes.length - 1);
}

test('texts come back as their bytes say, through growth and emptying, round after round', () => {
	const table = new StringTable(5000);
	const texts = Array.from({length: 12_000}, (_, i) => (i % 3 === 0 ? `id-${i}` : i % 3 === 1 ? `${i}` : `Wed, 11 Nov 2026 ${i} GMT`));
	texts.push('', 'a', 'b', 'ab', 'ba', 'Session started', 'Session started');
	for (let round = 0; round < 3; round++) {
		assert.deepEqual(texts.map((text) => get(table, text)), texts);
		assert.deepEqual(texts.slice(-3000).map((text) => get(table, text)), texts.slice(-3000));
	}
});

test('a text decoded another way is interned to the entry its bytes have; one the bytes could never give has none', () => {
	const table = new StringTable();
	const fromBytes = get(table, '42');
	const entry = table.last;
	assert.ok(entry >= 0);
	// A number made an id, or "4\u0032" decoded: the same entry, the table's own copy.
	const made = String(40 + 2);
	assert.equal(table.intern(made), fromBytes);
	assert.equal(table.last, entry);
	// New texts get entries of their own, and get() then finds them.
	assert.equal(table.intern('web app'), 'web app');
	const internEntry = table.last;
	assert.notEqual(internEntry, entry);
	get(table, 'web app');
	assert.equal(table.last, internEntry);
	for (const other of ['a"b', 'a\\b', 'tab\there', 'café', 'x'.repeat(65)]) {
		assert.equal(table.intern(other), other);
		assert.equal(table.last, -1, JSON.stringify(other));
	}

	assert.equal(table.intern('x'.repeat(64)), 'x'.repeat(64));
	assert.ok(table.last >= 0, 'sixty-four characters are held, as get() holds them');
});

test('a number kept with a text lasts until the table empties itself or is kept for another tag', () => {
	const table = new StringTable(4);
	table.numbersFor('UTC');
	get(table, 'a');
	const a = table.last;
	assert.ok(Number.isNaN(table.numberOf(a)));
	table.keep(a, 7);
	get(table, 'a');
	assert.equal(table.numberOf(table.last), 7, 'found again, with its number');
	table.numbersFor('UTC');
	assert.equal(table.numberOf(a), 7, 'the same tag keeps them');
	table.numbersFor('Asia/Kolkata');
	assert.ok(Number.isNaN(table.numberOf(a)), 'another tag forgets them');
	table.keep(a, 8);
	const epoch = table.epoch;
	for (const text of ['b', 'c', 'd', 'e']) {
		get(table, text);
	}

	assert.equal(table.epoch, epoch + 1, 'the fifth text emptied it');
	assert.equal(table.last, 0, 'the text that came after is its first entry');
	get(table, 'a');
	assert.ok(Number.isNaN(table.numberOf(table.last)), 'what was kept went with it');
});
