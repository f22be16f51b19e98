// The scanner on its own, with a sink that takes every value and builds the document back:
// whatever the JSON (escapes, any UTF-16 text, surrogates, numbers of every shape, deep
// nesting) and wherever the chunks are cut (inside a string, an escape, a UTF-8 sequence,
// a number), the document is JSON.parse's, true/false/null aside (the sink hears of
// them only as "other").

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {test} from 'node:test';
import fc from 'fast-check';
import {JsonScanner, wants, type JsonSink} from '../../source/api/json-scanner.js';

const every = 1 | wants.string | wants.number | wants.object | wants.array | wants.other;
const other = '<other>';

type Container = {array: boolean; items: Array<[string, unknown]>; name: string};

/** Objects as sorted [name, value] lists (the last duplicate wins), as the sink builds them: JS objects put integer names first. */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map((item) => canonical(item));
	}

	if (value !== null && typeof value === 'object') {
		return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, item]) => [name, canonical(item)]);
	}

	return typeof value === 'boolean' || value === null ? other : value;
}

class Rebuilder implements JsonSink {
	result: unknown;
	readonly #open: Container[] = [];
	#name = '';

	key(_context: number, bytes: Buffer, start: number, end: number): number {
		this.#name = bytes.toString('utf8', start, end);
		return every;
	}

	keyText(_context: number, text: string): number {
		this.#name = text;
		return every;
	}

	/** Only asked inside arrays: how the sink tells them from objects. */
	element(): number {
		this.#open.at(-1)!.array = true;
		return every;
	}

	open(): number {
		this.#open.push({array: false, items: [], name: this.#name});
		return this.#open.length;
	}

	close(context: number): void {
		assert.equal(context, this.#open.length);
		const container = this.#open.pop()!;
		const {array} = container;
		const items = new Map(container.items);
		const value = array ? container.items.map(([, item]) => item) : [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		this.#name = container.name;
		this.#add(value);
	}

	string(_slot: number, text: string): void {
		this.#add(text);
	}

	number(_slot: number, value: number): void {
		this.#add(value);
	}

	other(): void {
		this.#add(other);
	}

	#add(value: unknown): void {
		const container = this.#open.at(-1);
		if (container === undefined) {
			this.result = value;
		} else {
			container.items.push([this.#name, value]);
		}
	}
}

function scanned(bytes: Buffer, cuts: number[]): {valid: boolean; value: unknown} {
	const sink = new Rebuilder();
	const scanner = new JsonScanner(sink, every);
	let at = 0;
	for (const cut of [...cuts].sort((a, b) => a - b)) {
		scanner.write(bytes.subarray(at, cut));
		at = cut;
	}

	scanner.write(bytes.subarray(at));
	const {valid} = scanner.end();
	return {valid, value: sink.result};
}

function same(text: string, cuts: number[]): void {
	const bytes = Buffer.from(text);
	const {valid, value} = scanned(bytes, cuts.map((cut) => cut % (bytes.length + 1)));
	assert.ok(valid, text);
	assert.deepEqual(value, canonical(JSON.parse(text)), text);
}

test('any JSON document comes back as JSON.parse reads it, cut anywhere', () => {
	const json = fc.jsonValue({maxDepth: 4, stringUnit: 'binary'}).map((value) => JSON.stringify(value));
	fc.assert(fc.property(json, fc.array(fc.nat(), {maxLength: 8}), (text, cuts) => {
		same(text, cuts);
	}), {numRuns: 3000});
});

test('strings with escapes, UTF-8 and surrogates, cut at every byte', () => {
	const strings = ['plain', 'tab\\tand\\n', '\\u00e9t\\u00E9', 'é', '日本語', '😀', '\\ud83d\\ude00', '\\ud83d', 'a\\"b\\\\c\\/d\\b\\f\\r', '', 'x'.repeat(70), `${'y'.repeat(63)}é`, '\u007f'];
	for (const string of strings) {
		const text = `{"k${string}":["${string}",{"${string}":"${string}"}],"n":-12.5e-3,"m":0.59999999999999998}`;
		const length = Buffer.byteLength(text);
		for (let cut = 0; cut <= length; cut++) {
			same(text, [cut]);
		}

		same(text, Array.from({length}, (_, i) => i));
	}
});
