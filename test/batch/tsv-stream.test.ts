// `--tsv` formats the list while it streams (tsv-stream.ts). Whatever the body and
// wherever the chunks are cut, the result must be what reading the whole body the old
// way gives (tableTheOldWay: decode, JSON.parse, the `data` check, tableToTsv): the
// same text, or the same sentence. And the bodies MaxScale (the simulator, every
// version) actually sends must take the streamed way, not the fallback.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {after, before, test} from 'node:test';
import fc from 'fast-check';
import {listPath} from '../../source/api/list-path.js';
import {tsvFields} from '../../source/batch/maxctrl-tsv.js';
import {tableTheOldWay} from '../../source/batch/tsv-collect.js';
import {tsvBody} from '../../source/batch/tsv-stream.js';
import {apiVersions, type Simulator} from '../../source/simulator/index.js';
import {fixtureText, versions} from '../helpers/fixtures.js';
import {hostileJson, hostileString} from '../hostile/arbitraries.js';
import {simulator} from './helpers.js';

const label = 'mx:8989';

/** The body through the streamed reader, cut before each of `cuts` (sorted byte offsets). */
function streamed(body: Buffer, cuts: readonly number[]) {
	const sink = tsvBody();
	let from = 0;
	for (const cut of [...cuts, body.length]) {
		if (cut > from) {
			// A copy: the reader must not count on the chunks being one buffer.
			sink.write(Buffer.from(body.subarray(from, cut)));
			from = cut;
		}
	}

	return sink.end();
}

/** What `--tsv` ends with: the streamed table, or the old way on the kept body. */
function outcome(body: Buffer, cuts: readonly number[]) {
	const read = streamed(body, cuts);
	assert.ok(read.body().equals(body), 'the kept body is the body');
	return read.table === undefined ? tableTheOldWay(label, 200, read.body()) : {ok: true, value: read.table};
}

function evenCuts(length: number, size: number): number[] {
	const cuts: number[] = [];
	for (let at = size; at < length; at += size) {
		cuts.push(at);
	}

	return cuts;
}

const bodies = new Map<string, Buffer>();
let sims: Simulator[] = [];
before(async () => {
	sims = await Promise.all(apiVersions.map(async (apiVersion) => simulator({apiVersion, sessions: 300})));
	await Promise.all(
		sims.map(async (sim) => {
			for (const sparse of [true, false]) {
				// eslint-disable-next-line no-await-in-loop
				const answer = await fetch(`${sim.url}${sparse ? listPath(tsvFields) : '/v1/sessions?pretty=false'}`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}});
				// eslint-disable-next-line no-await-in-loop
				bodies.set(`${sim.apiVersion} ${sparse ? 'sparse' : 'full'}`, Buffer.from(await answer.arrayBuffer()));
			}
		}),
	);
});
after(async () => {
	await Promise.all(sims.map(async (sim) => sim.close()));
});

test('every simulated version, sparse or full: streamed, in any chunks, to the old text', () => {
	assert.equal(bodies.size, apiVersions.length * 2);
	for (const [name, body] of bodies) {
		const expected = tableTheOldWay(label, 200, body);
		assert.ok(expected.ok && expected.value.split('\n').length === 300, name);
		for (const size of [body.length, 65_536, 16_384, 1000, 97, 7]) {
			const read = streamed(body, evenCuts(body.length, size));
			assert.equal(read.table, expected.value, `${name}, chunks of ${size}: streamed, not the fallback`);
		}
	}
});

test('every cut of a small body, one or two cuts: the old text', () => {
	const small = Buffer.from(JSON.stringify({links: {self: 'x'}, data: [{id: '1', attributes: {user: 'a}]},{b'}}, {id: 2, relationships: {services: {data: [{id: 's'}, {id: 't'}]}}}, {id: '3'}]}));
	const expected = tableTheOldWay(label, 200, small);
	for (let first = 0; first <= small.length; first++) {
		assert.deepEqual(outcome(small, [first]), expected, `cut at ${first}`);
		for (let second = first + 1; second < small.length; second += 7) {
			assert.deepEqual(outcome(small, [first, second]), expected, `cuts at ${first}, ${second}`);
		}
	}

	assert.ok(streamed(small, [5, 40]).table !== undefined, 'compact JSON takes the streamed way');
});

test("MaxScale's own example documents (pretty-printed) and their compact forms", () => {
	for (const version of versions) {
		const pretty = Buffer.from(fixtureText(`${version}-sessions-list.json`));
		const compact = Buffer.from(JSON.stringify(JSON.parse(pretty.toString())));
		for (const body of [pretty, compact]) {
			const expected = tableTheOldWay(label, 200, body);
			assert.ok(expected.ok, version);
			assert.deepEqual(outcome(body, []), expected, version);
			assert.deepEqual(outcome(body, evenCuts(body.length, 13)), expected, version);
		}

		assert.ok(streamed(compact, []).table !== undefined, `${version}: compact takes the streamed way`);
	}
});

const tricky = fc.constantFrom('},{', '}]', '"data":[', '"data"', '\\', '"', '],"data":[', '{"data":[]}', '}', ']', ',', 'é', '😀', '\u2028');
const text = fc.oneof(hostileString, fc.array(fc.oneof(tricky, fc.string({maxLength: 4})), {maxLength: 6}).map((parts) => parts.join('')));
const value: fc.Arbitrary<unknown> = fc.oneof(text, fc.constantFrom(0, -0, 3, 7, 1e21, 2.5, true, false, null), hostileJson, fc.array(text, {maxLength: 3}));
const session = fc.record(
	{
		id: value,
		type: fc.constant('sessions'),
		attributes: fc.oneof(fc.record({user: value, remote: value, connected: value, idle: value, io_activity: value, memory: fc.oneof(fc.record({total: value}), value)}, {requiredKeys: []}), value),
		relationships: fc.oneof(fc.record({services: fc.record({data: fc.oneof(fc.array(fc.record({id: value, type: fc.constant('services')}, {requiredKeys: []}), {maxLength: 3}), value)})}), value),
		links: fc.record({self: text}),
	},
	{requiredKeys: []},
);
const item = fc.oneof({weight: 6, arbitrary: session}, {weight: 1, arbitrary: value});

/** A list body as a server might send it, or one of the ways it goes wrong. */
const body: fc.Arbitrary<Buffer> = fc
	.tuple(
		fc.array(item, {maxLength: 12}),
		fc.dictionary(fc.constantFrom('links', 'meta', 'data', 'd\\u0061ta', 'x'), value, {maxKeys: 2}),
		fc.boolean(),
		fc.constantFrom('compact', 'pretty', 'truncated', 'html', 'junk', 'duplicate', 'nested', 'bom', 'not-a-list'),
		fc.nat(),
	)
	.map(([items, extra, extraFirst, shape, at]) => {
		const data = JSON.stringify(items);
		const members = Object.entries(extra).map(([key, member]) => `"${key}":${JSON.stringify(member)}`);
		const listed = extraFirst ? [...members, `"data":${data}`] : [`"data":${data}`, ...members];
		let json = `{${listed.join(',')}}`;
		switch (shape) {
			case 'pretty': {
				json = JSON.stringify(JSON.parse(json), undefined, 2);
				break;
			}

			case 'truncated': {
				json = json.slice(0, at % json.length);
				break;
			}

			case 'html': {
				json = `<html><body>${json}</body></html>`;
				break;
			}

			case 'junk': {
				const where = at % json.length;
				json = `${json.slice(0, where)}${'x,]}"'[at % 5]}${json.slice(where)}`;
				break;
			}

			case 'duplicate': {
				json = `{"data":${data},"data":${JSON.stringify(items.slice(1))}}`;
				break;
			}

			case 'nested': {
				json = `{"data":[],"x":{"data":${data}}}`;
				break;
			}

			case 'bom': {
				json = `\uFEFF${json}`;
				break;
			}

			case 'not-a-list': {
				json = `{"data":${JSON.stringify(items[0] ?? null)}}`;
				break;
			}

			default:
		}

		const bytes = Buffer.from(json);
		// Now and then a byte that is not UTF-8.
		if (at % 7 === 0 && bytes.length > 0) {
			bytes[at % bytes.length] = 0xff;
		}

		return bytes;
	});

test('any body, cut anywhere: the same text or the same sentence as the old way (property)', () => {
	fc.assert(
		fc.property(body, fc.array(fc.nat(), {maxLength: 6}), (bytes, cutsAt) => {
			const cuts = [...new Set(cutsAt.map((cut) => (bytes.length === 0 ? 0 : cut % bytes.length)))].sort((a, b) => a - b);
			assert.deepEqual(outcome(bytes, cuts), tableTheOldWay(label, 200, bytes));
		}),
		{numRuns: 3000},
	);
});

test('a list that breaks off in the middle: no table, and the old way says why', () => {
	const bad = Buffer.from(`{"data":[{"id":"1"},{"id":${'1'.repeat(100)}},{x}]}`);
	const read = streamed(bad, evenCuts(bad.length, 10));
	assert.equal(read.table, undefined);
	const expected = tableTheOldWay(label, 200, bad);
	assert.equal(expected.ok, false);
	assert.match(expected.ok ? '' : expected.error.message, /^mx:8989 sent a session list that is not valid JSON \(\d+ bytes, wrong before its end\)/);
});
