// Request parameters: pretty, fields[sessions], filter (JSON and 24.02 expressions) and paging,
// each checked against what the server code does, per version.

import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {Json} from '../../source/simulator/jansson.js';
import {parseTyped} from '../../source/simulator/typed-json.js';
import {asArray, asObject, attributesOf, call, dataOf, getJson, start} from './helpers.js';

const serviceOf = (s: Json): string => String(asObject(asArray(asObject(asObject(asObject(s)['relationships'])['services'])['data'])[0])['id']);

describe('pretty', () => {
	let sim: Awaited<ReturnType<typeof start>>;
	before(async () => {
		sim = await start({sessions: 20});
	});
	after(async () => sim.close());

	it('indents by default and is compact with pretty=false (same document)', async () => {
		const pretty = await call(sim, '/v1/sessions');
		const compact = await call(sim, '/v1/sessions?pretty=false');
		assert.match(pretty.text, /^\{\n {4}"data": \[\n {8}\{\n {12}"attributes": \{/);
		// Outside string literals, compact output has no whitespace at all.
		assert.doesNotMatch(compact.text.replaceAll(/"(?:[^"\\]|\\.)*"/g, '""'), /\s/);
		assert.match(compact.text, /^\{"data":\[\{"attributes":\{"client":\{"cipher":/);
		assert.deepEqual(parseTyped(compact.text), parseTyped(pretty.text));
		for (const off of ['off', 'no', '0', 'FALSE']) {
			assert.equal((await call(sim, `/v1/sessions?pretty=${off}`)).text, compact.text, off);
		}

		assert.equal((await call(sim, '/v1/sessions?pretty=true')).text, pretty.text);
		// A detail document, compact and pretty, agrees with the list entry.
		const id = sim.sessionIds()[4]!;
		const detail = await call(sim, `/v1/sessions/${id}?pretty=false`);
		assert.ok(compact.text.includes(detail.text.slice('{"data":'.length, detail.text.indexOf(',"links":{"self":"' + sim.url + '/v1/sessions/' + id + '/"}}'))));
	});

	it('prints idle and seconds_alive as reals and everything else as integers', async () => {
		const text = (await call(sim, '/v1/sessions?pretty=false')).text;
		for (const m of text.matchAll(/"(idle|seconds_alive)":([^,}]+)/g)) {
			assert.match(m[2]!, /^\d+\.\d+$/, m[0]);
		}

		for (const m of text.matchAll(/"(io_activity|port|thread|connection_id|total|misc|readq|writeq)":([^,}{]+)/g)) {
			assert.match(m[2]!, /^\d+$/, m[0]);
		}
	});
});

describe('fields[sessions]', () => {
	let sim: Awaited<ReturnType<typeof start>>;
	before(async () => {
		sim = await start({sessions: 40, seed: 11});
	});
	after(async () => sim.close());

	it('keeps the named attributes, id, type and links, and drops unnamed relationships', async () => {
		for (const s of dataOf(await getJson(sim, '/v1/sessions?fields[sessions]=state,user'))) {
			const o = asObject(s);
			assert.deepEqual(Object.keys(o).sort(), ['attributes', 'id', 'links', 'type']);
			const keys = Object.keys(attributesOf(s));
			assert.ok(keys.includes('state'));
			assert.ok(keys.every(k => k === 'state' || k === 'user'));
		}
	});

	it('keeps a relationship when it is named', async () => {
		const list = dataOf(await getJson(sim, '/v1/sessions?fields%5Bsessions%5D=services,idle'));
		for (const s of list) {
			assert.deepEqual(Object.keys(asObject(asObject(s)['relationships'])), ['services']);
			assert.deepEqual(Object.keys(attributesOf(s)), ['idle']);
		}
	});

	it('follows paths into objects, empties an object for a missing key, and stops at arrays', async () => {
		const s = dataOf(await getJson(sim, '/v1/sessions?fields[sessions]=memory/total,client/nope,connections/server'))[0]!;
		const a = attributesOf(s);
		assert.deepEqual(Object.keys(asObject(a['memory'])), ['total']);
		assert.deepEqual(a['client'], {});
		// connections is an array: kept whole, with every member of its elements.
		for (const c of asArray(a['connections'])) {
			assert.deepEqual(Object.keys(asObject(c)), ['cipher', 'connection_id', 'server']);
		}
	});

	it('applies to a single session, and drops attributes entirely when nothing matches', async () => {
		const id = sim.sessionIds()[0]!;
		const doc = asObject(await getJson(sim, `/v1/sessions/${id}?fields[sessions]=nothing`));
		assert.deepEqual(Object.keys(asObject(doc['data'])).sort(), ['id', 'links', 'type']);
	});

	it('ignores fields for another type, and is ignored by 2.2', async () => {
		const full = await call(sim, '/v1/sessions?pretty=false');
		assert.equal((await call(sim, '/v1/sessions?pretty=false&fields[services]=state')).text, full.text);
		const old = await start({apiVersion: '2.2', sessions: 5});
		try {
			assert.equal((await call(old, '/v1/sessions?fields[sessions]=state')).text, (await call(old, '/v1/sessions')).text);
		} finally {
			await old.close();
		}
	});
});

describe('filter', () => {
	let sim: Awaited<ReturnType<typeof start>>;
	before(async () => {
		sim = await start({sessions: 300, seed: 4});
	});
	after(async () => sim.close());

	it('keeps the rows whose JSON pointer value equals the JSON value', async () => {
		const all = dataOf(await getJson(sim, '/v1/sessions'));
		const rw = dataOf(await getJson(sim, `/v1/sessions?filter=${encodeURIComponent('/relationships/services/data/0/id="RW-Split-Router"')}`));
		assert.ok(rw.length > 0 && rw.length < all.length);
		assert.equal(rw.length, all.filter(s => serviceOf(s) === 'RW-Split-Router').length);
		assert.ok(rw.every(s => serviceOf(s) === 'RW-Split-Router'));

		const started = dataOf(await getJson(sim, `/v1/sessions?filter=${encodeURIComponent('/attributes/state="Session started"')}`));
		assert.equal(started.length, all.filter(s => attributesOf(s)['state'] === 'Session started').length);

		const thread = dataOf(await getJson(sim, '/v1/sessions?filter=/attributes/thread=1'));
		assert.equal(thread.length, all.filter(s => attributesOf(s)['thread'] === 1).length);
	});

	it('compares like json_equal: an unquoted string or a real for an integer match nothing', async () => {
		assert.equal(dataOf(await getJson(sim, '/v1/sessions?filter=/attributes/thread=1.0')).length, 0);
		// Not JSON and (in 24.02) not an expression either: 400 with the parser's complaint.
		const bad = await call(sim, '/v1/sessions?filter=/attributes/user=app_rw');
		assert.equal(bad.status, 400);
		assert.match(String(asObject(asArray(asObject(parseTyped(bad.text))['errors'])[0])['detail']), /Not a valid filter expression/);
	});

	it('understands 24.02 filter expressions, quirks included', async () => {
		const all = dataOf(await getJson(sim, '/v1/sessions'));
		const threads = all.map(s => Number(attributesOf(s)['thread']));
		const count = async (expr: string): Promise<number> => dataOf(await getJson(sim, `/v1/sessions?filter=${encodeURIComponent(expr)}`)).length;
		assert.equal(await count('/attributes/thread=ge(1)'), threads.filter(t => t >= 1).length);
		assert.equal(await count('/attributes/thread=and(ge(1),le(2))'), threads.filter(t => t >= 1 && t <= 2).length);
		assert.equal(await count('/attributes/thread=or(eq(0),eq(1))'), threads.filter(t => t <= 1).length);
		assert.equal(await count('/attributes/thread=not(eq(0))'), threads.filter(t => t !== 0).length);
		assert.equal(await count('/attributes/user=ne("app_rw")'), all.filter(s => attributesOf(s)['user'] !== 'app_rw' && attributesOf(s)['user'] !== undefined).length);
		// le()/ge() are written as lt(a,b) || !lt(b,a): TRUE when the types differ.
		assert.equal(await count('/attributes/thread=le("x")'), all.length);
		// No blank allowed between sub-expressions.
		assert.equal((await call(sim, `/v1/sessions?filter=${encodeURIComponent('/attributes/thread=and(ge(1), le(2))')}`)).status, 400);
	});

	it('filters only collections, and before 24.02 only with JSON values', async () => {
		const id = sim.sessionIds()[0]!;
		const one = await getJson(sim, `/v1/sessions/${id}?filter=/id="nope"`);
		assert.equal(asObject(asObject(one)['data'])['id'], id);
		const old = await start({apiVersion: '23.02', sessions: 50});
		try {
			const total = old.sessionIds().length;
			assert.equal(dataOf(await getJson(old, '/v1/sessions?filter=/attributes/thread=ge(1)')).length, total);
			assert.equal(dataOf(await getJson(old, `/v1/sessions?filter=/id="${old.sessionIds()[2]!}"`)).length, 1);
		} finally {
			await old.close();
		}

		const legacy = await start({apiVersion: '2.2', sessions: 50});
		try {
			assert.equal(dataOf(await getJson(legacy, `/v1/sessions?filter=/id="${legacy.sessionIds()[2]!}"`)).length, 50);
		} finally {
			await legacy.close();
		}
	});

	it('sees the rows as trimmed by fields, as the server filters after removing fields', async () => {
		const user = String(attributesOf(dataOf(await getJson(sim, '/v1/sessions'))[0]!)['user']);
		const trimmed = dataOf(await getJson(sim, `/v1/sessions?fields[sessions]=state&filter=${encodeURIComponent(`/attributes/user="${user}"`)}`));
		assert.equal(trimmed.length, 0);
		const kept = dataOf(await getJson(sim, `/v1/sessions?fields[sessions]=user&filter=${encodeURIComponent(`/attributes/user="${user}"`)}`));
		assert.ok(kept.length > 0);
	});
});

describe('paging', () => {
	let sim: Awaited<ReturnType<typeof start>>;
	before(async () => {
		sim = await start({sessions: 25, seed: 2});
	});
	after(async () => sim.close());

	it('slices 0-based pages and adds links (dropping other parameters) and meta.total', async () => {
		const ids = sim.sessionIds();
		const doc = asObject(await getJson(sim, '/v1/sessions?page[size]=10&page[number]=1&pretty=false&fields[sessions]=state'));
		assert.deepEqual(dataOf(doc).map(s => asObject(s)['id']), ids.slice(10, 20));
		const base = `${sim.url}/v1/sessions/?page%5Bsize%5D=10&page%5Bnumber%5D=`;
		assert.deepEqual(asObject(doc['links']), {first: base + '0', last: base + '2', next: base + '2', prev: base + '0', self: base + '1'});
		assert.deepEqual(doc['meta'], {total: 25});
		assert.deepEqual(Object.keys(doc), ['data', 'links', 'meta']);
	});

	it('has no next link on the last page, and no prev link on the first', async () => {
		const last = asObject(asObject(await getJson(sim, '/v1/sessions?page[size]=10&page[number]=2'))['links']);
		assert.equal(last['next'], undefined);
		assert.equal(dataOf(await getJson(sim, '/v1/sessions?page[size]=10&page[number]=2')).length, 5);
		const first = asObject(asObject(await getJson(sim, '/v1/sessions?page[size]=10'))['links']);
		assert.equal(first['prev'], undefined);
		assert.ok(String(first['self']).endsWith('page%5Bnumber%5D=0'));
	});

	it('does not slice when everything fits on one page, whatever the page number (paginate quirk)', async () => {
		const doc = asObject(await getJson(sim, '/v1/sessions?page[size]=100&page[number]=3'));
		assert.equal(dataOf(doc).length, 25);
		assert.equal(asObject(doc['links'])['prev'], undefined);
		assert.deepEqual(doc['meta'], {total: 25});
	});

	it('counts the filtered rows in meta.total', async () => {
		const all = dataOf(await getJson(sim, '/v1/sessions'));
		const wanted = all.filter(s => serviceOf(s) === 'RW-Split-Router').length;
		const doc = asObject(await getJson(sim, `/v1/sessions?page[size]=2&filter=${encodeURIComponent('/relationships/services/data/0/id="RW-Split-Router"')}`));
		assert.deepEqual(doc['meta'], {total: wanted});
		assert.equal(dataOf(doc).length, Math.min(2, wanted));
	});

	it('ignores invalid sizes, and paging before 6.4', async () => {
		for (const query of ['page[size]=0', 'page[size]=x', 'page[number]=1', 'page[size]=-3']) {
			const doc = asObject(await getJson(sim, `/v1/sessions?${query}`));
			assert.equal(doc['meta'], undefined, query);
			assert.equal(dataOf(doc).length, 25);
		}

		for (const version of ['2.5', '2.2'] as const) {
			const old = await start({apiVersion: version, sessions: 12});
			try {
				const doc = asObject(await getJson(old, '/v1/sessions?page[size]=5'));
				assert.equal(dataOf(doc).length, 12);
				assert.equal(doc['meta'], undefined);
			} finally {
				await old.close();
			}
		}

		const v64 = await start({apiVersion: '6.4', sessions: 12});
		try {
			assert.equal(dataOf(await getJson(v64, '/v1/sessions?page[size]=5')).length, 5);
		} finally {
			await v64.close();
		}
	});
});
