// The simulator's documents against the real server's, version by version: same members
// (recursively), same value types, same member order and the same pretty layout.

import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {type ApiVersion, apiVersions} from '../../source/simulator/index.js';
import type {Json} from '../../source/simulator/jansson.js';
import {parseTyped} from '../../source/simulator/typed-json.js';
import {asArray, asObject, attributesOf, call, dataOf, fixturePrefix, fixtureText, getJson, shapeDiff, skeleton, start} from './helpers.js';

// Members whose key names are data, not schema: compare only the type of their values.
const free = ['/memory/connection_buffers/backends', '/client/connection_attributes'];

const fixtureLike = (resource: Json, fixture: Json): boolean => {
	// A session the fixture could have come from: no filters, same backends, empty log/queries,
	// the same optional members (user, default_database), the same kind of client attributes.
	const a = attributesOf(resource);
	const f = attributesOf(fixture);
	const servers = (x: Json | undefined): string => asArray(x).map(c => String(asObject(c)['server'])).join();
	const attrs = (x: Json | undefined): string => (x && typeof x === 'object' && !Array.isArray(x) ? Object.keys(asObject(x)['connection_attributes'] ?? {}).join() : '');
	return !('filters' in asObject(asObject(resource)['relationships']))
		&& Object.keys(a).join() === Object.keys(f).join()
		&& (f['connections'] === undefined || servers(a['connections']) === servers(f['connections']))
		&& asArray(a['log'] ?? []).length === 0 && asArray(a['queries'] ?? []).length === 0
		&& attrs(a['client']) === attrs(f['client']);
};

for (const version of apiVersions) {
	describe(`version ${version} matches its fixtures`, () => {
		const prefix = fixturePrefix[version];
		const fixtureList = parseTyped(fixtureText(`${prefix}-sessions-list.json`));
		const fixtureDetail = parseTyped(fixtureText(`${prefix}-session-detail.json`));
		const fixtureSession = dataOf(fixtureList)[0]!;
		let sim: Awaited<ReturnType<typeof start>>;
		let list: Json;

		before(async () => {
			sim = await start({apiVersion: version as ApiVersion, sessions: 800, seed: 7});
			list = await getJson(sim, '/v1/sessions');
		});
		after(async () => sim.close());

		it('has the top-level members of the fixture, in the same order', async () => {
			assert.deepEqual(Object.keys(asObject(list)), Object.keys(asObject(fixtureList)));
			const id = sim.sessionIds()[0]!;
			const detail = await getJson(sim, `/v1/sessions/${id}`);
			assert.deepEqual(Object.keys(asObject(detail)), Object.keys(asObject(fixtureDetail)));
			assert.deepEqual(shapeDiff(asObject(detail)['links']!, asObject(fixtureDetail)['links']!), []);
		});

		it('gives every listed session the members and value types of the fixture session', () => {
			const sessions = dataOf(list);
			assert.ok(sessions.length === 800);
			const exact = sessions.filter(s => fixtureLike(s, fixtureSession));
			assert.ok(exact.length > 0, 'no session shaped like the fixture');
			for (const s of exact) {
				assert.deepEqual(shapeDiff(s, fixtureSession, '', free), [], `session ${String(asObject(s)['id'])}`);
			}

			// The others may lack what a half-started session lacks, or carry a filters
			// relationship; everything they do have must be typed like the fixture.
			const allowed = /^(\/attributes\/(user|default_database): missing|\/relationships\/filters: unexpected|\/attributes\/client\/connection_attributes: null instead of object)$/;
			for (const s of sessions) {
				const problems = shapeDiff(s, fixtureSession, '', free).filter(p => !allowed.test(p));
				assert.deepEqual(problems, [], `session ${String(asObject(s)['id'])}`);
			}
		});

		it('serves a detail document that lines up with the fixture line by line', async () => {
			const detailFixture = asObject(fixtureDetail)['data']!;
			const candidate = dataOf(list).find(s => fixtureLike(s, detailFixture));
			assert.ok(candidate, 'no session shaped like the fixture');
			const reply = await call(sim, `/v1/sessions/${String(asObject(candidate)['id'])}`);
			assert.equal(reply.status, 200);
			assert.deepEqual(skeleton(reply.text), skeleton(fixtureText(`${prefix}-session-detail.json`)));
		});

		it('writes links like the fixture (trailing slashes, related/self), on its own address', async () => {
			const links = (doc: Json, path = ''): Array<[string, string]> => {
				if (Array.isArray(doc)) {
					return doc.flatMap((v, i) => links(v, `${path}/${i}`));
				}

				if (doc === null || typeof doc !== 'object' || !('constructor' in doc) || doc.constructor !== Object) {
					return [];
				}

				return Object.entries(asObject(doc)).flatMap(([k, v]) => (typeof v === 'string' && (k === 'self' || k === 'related') ? [[`${path}/${k}`, v] as [string, string]] : links(v, `${path}/${k}`)));
			};

			const fixtureId = String(asObject(asObject(fixtureDetail)['data'])['id']);
			const candidate = dataOf(list).find(s => fixtureLike(s, asObject(fixtureDetail)['data']!));
			const id = String(asObject(candidate!)['id']);
			const detail = await getJson(sim, `/v1/sessions/${id}`);
			const expected = links(fixtureDetail).map(([path, link]) => [path, link.replace('http://localhost:8989', sim.url).replace(`/sessions/${fixtureId}`, `/sessions/${id}`)]);
			assert.deepEqual(links(detail), expected);
			assert.deepEqual(links(asObject(list)['links']!), links(asObject(fixtureList)['links']!).map(([path, link]) => [path, link.replace('http://localhost:8989', sim.url)]));
		});

		it('serves a list that lines up with the fixture line by line', async () => {
			// Keep as many fixture-like sessions as the fixture lists (paging would add links).
			const keep = new Set(dataOf(list).filter(s => fixtureLike(s, fixtureSession)).slice(0, dataOf(fixtureList).length).map(s => String(asObject(s)['id'])));
			for (const other of sim.sessionIds()) {
				if (!keep.has(other)) {
					sim.endSession(other);
				}
			}

			const reply = await call(sim, '/v1/sessions');
			assert.deepEqual(skeleton(reply.text), skeleton(fixtureText(`${prefix}-sessions-list.json`)));
		});
	});
}
