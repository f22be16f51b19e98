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
