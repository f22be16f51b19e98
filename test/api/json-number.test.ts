// numberAt reads a checked JSON number from its bytes without making a string where it
// can: it must give the very double JSON.parse gives (Number() of the text), -0 included,
// most of all at the edge of its fast path, 2^53 and 22 fraction digits.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {test} from 'node:test';
import fc from 'fast-check';
import {numberAt} from '../../source/api/json-number.js';

/** The number read from the middle of a chunk, as the scanner hands it over. */
function read(text: string): number {
	const chunk = Buffer.from(`[${text},`, 'latin1');
	return numberAt(chunk, 1, chunk.length - 1);
}

function same(text: string): void {
	assert.ok(Object.is(read(text), Number(text)), `${text}: ${read(text)} is not ${Number(text)}`);
}

test('the edges of the fast path give the double of the text', () => {
	for (const text of [
		'0', '-0', '-0.0', '0.0', '7', '-7', '15', '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993',
		'18014398509481985', '123456789012345678901234567890', '1402068.205182855', '1402068.1943079538', '4.2999999999999998',
		'0.10000000000000001', '900719925474099.1', '900719925474099.3', '9007199254740993.0', '90071992547409.935',
		'0.0000000000000000000001', '0.00000000000000000000001', '1.2345678901234567890123', '1e5', '-1.5E-3', '2.5e+2',
	]) {
		same(text);
	}
});

test('any JSON number, mostly of 15 to 20 digits, gives the double of the text', () => {
	const digits = (min: number, max: number) => fc.array(fc.integer({min: 0, max: 9}), {minLength: min, maxLength: max}).map((list) => list.join(''));
	const integer = fc.oneof(fc.constant('0'), fc.tuple(fc.integer({min: 1, max: 9}), digits(0, 19)).map(([first, rest]) => `${first}${rest}`));
	const number = fc.tuple(fc.boolean(), integer, fc.option(digits(1, 24)), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3))))
		.map(([negative, whole, fraction, exponent]) => `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : exponent.join('')}`);
	fc.assert(fc.property(number, (text) => {
		same(text);
	}), {numRuns: 50_000});
});

test('integers of 16 to 19 digits, just past 2^53, give the double of the text', () => {
	// Past 2^53 each step of reading rounds: the result can then differ from the text's double.
	fc.assert(fc.property(fc.bigInt({min: 2n ** 53n - 1000n, max: 2n ** 63n}), fc.boolean(), (value, negative) => {
		same(`${negative ? '-' : ''}${value}`);
	}), {numRuns: 50_000});
});

test('decimals of 16 to 18 digits, as MaxScale prints doubles (%.17g), and their neighbours give the double of the text', () => {
	// The long-decimal path: its answer or its neighbour's must be the text's double, and near a halfway point it must give up.
	const plain = (value: number, digits: number) => {
		const text = value.toPrecision(digits);
		return text.includes('e') ? value.toFixed(6) : text;
	};

	const nudged = (text: string, delta: bigint) => {
		const [whole, fraction = ''] = text.split('.');
		const digits = (BigInt(whole! + fraction) + delta).toString().padStart(whole!.length + fraction.length, '0');
		const cut = digits.length - fraction.length;
		return fraction === '' ? digits : `${digits.slice(0, cut) || '0'}.${digits.slice(cut)}`;
	};

	const value = fc.double({min: 1e-8, max: 1e12, noNaN: true});
	fc.assert(fc.property(value, fc.constantFrom(16, 17, 18), fc.constantFrom(0n, 1n, -1n, 5n, -5n, 50n), fc.boolean(), (double, digits, delta, negative) => {
		const text = nudged(plain(double, digits), delta);
		if (!text.startsWith('-')) {
			same(`${negative ? '-' : ''}${text}`);
		}
	}), {numRuns: 100_000});

	for (const text of ['2.2999999999999998', '0.59999999999999998', '1402070.7201828549', '1402070.6840627119', '0.30000000000000004', '9007199254740993', '9007199254740993.5', '4503599627370497.5', '1.0000000000000002', '0.99999999999999989', '123456789012345678', '0.000000000000000000012345678901234567']) {
		same(text);
	}
});
