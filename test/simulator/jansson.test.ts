// The serializer must print exactly what jansson prints: the fixtures are real MaxScale output,
// so parsing one and printing it again has to give the same bytes back.

import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {describe, it} from 'node:test';
import {Real, formatReal, quote, serialize} from '../../source/simulator/jansson.js';
import {jsonEqual, parsePrefix, parseTyped} from '../../source/simulator/typed-json.js';
import {fixtureDir, fixtureText} from './helpers.js';

describe('jansson formatting', () => {
	it('prints reals like %.17g with a .0 suffix', () => {
		const cases: Array<[number, string]> = [
			[62.9, '62.899999999999999'],
			[0.1, '0.10000000000000001'],
			[0, '0.0'],
			[5.210_584_368, '5.2105843680000001'],
			[23.8, '23.800000000000001'],
			[5.1, '5.0999999999999996'],
			[5.2, '5.2000000000000002'],
			[8, '8.0'],
			[1_402_047.5, '1402047.5'],
			[1e21, '1e21'],
			[1.5e-7, '1.4999999999999999e-7'],
			[0.0001, '0.0001'],
			[-2.5, '-2.5'],
			[1e16, '10000000000000000.0'],
			[1e17, '1e17'],
		];
		for (const [x, text] of cases) {
			assert.equal(formatReal(x), text, `formatReal(${x})`);
		}
	});

	it('escapes like jansson: quotes, backslashes, control characters; not "/" nor non-ASCII', () => {
		assert.equal(quote('a/b'), '"a/b"');
		assert.equal(quote('say "hi"\n\tC:\\'), String.raw`"say \"hi\"\n\tC:\\"`);
		assert.equal(quote('\u0001x\u001F'), String.raw`"\u0001x\u001F"`);
		assert.equal(quote('héllo ✓'), '"héllo ✓"');
	});

	it('prints compact output without any spaces', () => {
		assert.equal(serialize({b: [], a: 1, c: {}, d: [1, new Real(2)], e: null, f: true}, false, true), '{"a":1,"b":[],"c":{},"d":[1,2.0],"e":null,"f":true}');
		assert.equal(serialize({b: 1, a: 2}, false, false), '{"b":1,"a":2}');
	});

	it('re-prints every JSON fixture byte for byte (JSON_INDENT(4), key order per version)', () => {
		const files = readdirSync(fixtureDir).filter(f => /^(v|seed)[\d.]+-.*\.json$/.test(f) && !f.includes('.request.'));
		assert.ok(files.length >= 14, `fixtures found: ${files.length}`);
		for (const file of files) {
			const text = fixtureText(file).trimEnd();
			// 2.1/2.2 printed members in insertion order; 2.5+ sort them (JSON_SORT_KEYS).
			const sorted = !/^(v2\.2|seed-2\.1)-/.test(file);
			assert.equal(serialize(parseTyped(text), true, sorted), text, file);
		}
	});

	it('keeps integers and reals apart when parsing, like json_equal', () => {
		assert.ok(parseTyped('5.0') instanceof Real);
		assert.equal(parseTyped('5'), 5);
		assert.ok(!jsonEqual(parseTyped('5'), parseTyped('5.0')));
		assert.ok(jsonEqual(parseTyped('{"a":[1,"x"],"b":null}'), parseTyped('{"b":null,"a":[1,"x"]}')));
		assert.deepEqual(parsePrefix('"abc")rest'), {value: 'abc', end: 5});
		assert.throws(() => parseTyped('{"a":1} x'));
	});
});
