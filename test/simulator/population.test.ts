// The simulated population: deterministic per seed, lifelike, ordered like MaxScale's list,
// moving with the clock, and churning at the requested rate.

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Json} from '../../source/simulator/jansson.js';
import {Real} from '../../source/simulator/jansson.js';
import {asArray, asObject, attributesOf, call, clock, dataOf, getJson, start} from './helpers.js';

const idOf = (s: Json): number => Number(asObject(s)['id']);

describe('population', () => {
	it('is identical for the same seed and clock, and different for another seed', async () => {
		const t = Date.UTC(2024, 2, 1, 12);
		const a = await start({seed: 42, sessions: 80, clock: clock(t)});
		const b = await start({seed: 42, sessions: 80, clock: clock(t)});
		const c = await start({seed: 43, sessions: 80, clock: clock(t)});
		try {
			const text = async (sim: typeof a): Promise<string> => (await call(sim, '/v1/sessions?pretty=false')).text.replaceAll(sim.url, '');
			assert.equal(await text(a), await text(b));
			assert.notEqual(await text(a), await text(c));
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});

	it('--uptime 0 plays a MaxScale just (re)started: uptime from 0, no session older, ids from 1 again, totals of these only', async () => {
		const t = Date.UTC(2024, 2, 1, 12);
		const fresh = await start({seed: 42, sessions: 80, clock: clock(t), uptimeMs: 0});
		const old = await start({seed: 42, sessions: 80, clock: clock(t)});
		try {
			const maxscale = attributesOf(asObject(await getJson(fresh, '/v1/maxscale'))['data'] as Json);
			assert.equal(maxscale['uptime'], 0);
			const sessions = dataOf(await getJson(fresh, '/v1/sessions'));
			assert.equal(sessions.length, 80);
			for (const session of sessions) {
				assert.ok((attributesOf(session)['seconds_alive'] as Real).value <= 1, 'none older than MaxScale');
			}

			assert.ok(Math.max(...sessions.map((session) => idOf(session))) <= 200, 'ids counted from its start');
			const totals = dataOf(await getJson(fresh, '/v1/services')).map((service) => Number(attributesOf(service)['total_connections']));
			assert.equal(totals.reduce((sum, total) => sum + total, 0), 80);
			// Without it, as ever: days up, and a steady population's ids.
			const days = attributesOf(asObject(await getJson(old, '/v1/maxscale'))['data'] as Json)['uptime'] as number;
			assert.ok(days >= 2 * 86_400, `${days} s`);
		} finally {
			await Promise.all([fresh.close(), old.close()]);
		}
	});

	it('keeps ids, users, hosts, services and states for a seed even with a different clock', async () => {
		const pick = (doc: Json): string[] => dataOf(doc).map(s => {
			const a = attributesOf(s);
			return [asObject(s)['id'], a['user'], a['remote'], a['state'], asObject(asArray(asObject(asObject(asObject(s)['relationships'])['services'])['data'])[0])['id']].join('|');
		});
		const a = await start({seed: 9, sessions: 50, clock: clock(Date.UTC(2023, 5, 1))});
		const b = await start({seed: 9, sessions: 50, clock: clock(Date.UTC(2025, 1, 1))});
		try {
			assert.deepEqual(pick(await getJson(a, '/v1/sessions')), pick(await getJson(b, '/v1/sessions')));
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});

	it('times the trace lines of a MaxScale before 24.02 to the second', async () => {
		const sim = await start({seed: 1, sessions: 600, apiVersion: '23.02'});
		try {
			const lines = dataOf(await getJson(sim, '/v1/sessions')).flatMap(s => asArray(attributesOf(s)['log']));
			assert.ok(lines.length > 0);
			for (const line of lines) {
				assert.match(String(line), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {3}info {3}: /);
			}
		} finally {
			await sim.close();
		}
	});

	it('looks like a production MaxScale', async () => {
		const sim = await start({seed: 1, sessions: 2000});
		try {
			const sessions = dataOf(await getJson(sim, '/v1/sessions'));
			const attributes = sessions.map(s => attributesOf(s));
			const count = (f: (a: (typeof attributes)[number]) => boolean): number => attributes.filter(a => f(a)).length;
			const services = new Set(sessions.map(s => String(asObject(asArray(asObject(asObject(asObject(s)['relationships'])['services'])['data'])[0])['id'])));
			assert.ok(services.size >= 4, [...services].join());
			assert.ok(new Set(attributes.map(a => a['user'])).size >= 15);
			const remotes = attributes.map(a => String(a['remote']));
			assert.ok(remotes.some(r => r.startsWith('::ffff:10.')));
			assert.ok(remotes.some(r => /^\d+\.\d+\.\d+\.\d+$/.test(r)));
			assert.ok(remotes.some(r => r.includes(':') && !r.startsWith('::ffff:')));
			assert.ok(attributes.some(a => String(a['user']).length > 25));
			// Most sessions are started; a few are still authenticating (no user, no attributes), a
			// few stuck stopping.
			assert.ok(count(a => a['state'] === 'Session started') > 1900);
			const created = attributes.filter(a => a['state'] === 'Session created');
			assert.ok(created.length > 0);
			for (const a of created) {
				assert.equal(a['user'], undefined);
				assert.equal(asObject(a['client'])['connection_attributes'], null);
				assert.deepEqual(a['connections'], []);
			}

			assert.ok(count(a => a['state'] === 'Stopping session') > 0);
			assert.deepEqual(new Set(attributes.map(a => a['state'])), new Set(['Session started', 'Session created', 'Stopping session']));
			// Backends server1..server6, several per session for readwritesplit.
			const servers = new Set(attributes.flatMap(a => asArray(a['connections']).map(c => String(asObject(c)['server']))));
			assert.deepEqual([...servers].sort(), ['server1', 'server2', 'server3', 'server4', 'server5', 'server6']);
			assert.ok(count(a => asArray(a['connections']).length >= 3) > 100);
			// Some sessions retain statements and trace logs, newest query first.
			const withQueries = attributes.filter(a => asArray(a['queries']).length > 0);
			assert.ok(withQueries.length > 50);
			for (const a of withQueries) {
				const queries = asArray(a['queries']).map(q => asObject(q));
				for (const q of queries) {
					assert.equal(typeof q['statement'], 'string');
					assert.match(String(q['command']), /^COM_/);
					assert.match(String(q['received']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
					for (const r of asArray(q['responses'])) {
						assert.ok(Number.isInteger(asObject(r)['duration']));
						assert.match(String(asObject(r)['server']), /^server\d$/);
					}
				}

				const received = queries.map(q => String(q['received']));
				assert.deepEqual(received, [...received].sort().reverse());
			}

			assert.ok(count(a => asArray(a['log']).length > 0 && asArray(a['log']).every(l => typeof l === 'string')) > 10);
			// 24.02's log_as_json(): format_timestamp(tv, true), to the millisecond, then the line.
			for (const line of attributes.flatMap(a => asArray(a['log']))) {
				assert.match(String(line), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {3}info {3}: \(\d+\) /);
			}

			// memory adds up.
			for (const a of attributes) {
				const m = asObject(a['memory']);
				const buffers = asObject(m['connection_buffers']);
				let sum = Number(asObject(buffers['client'])['total']);
				for (const b of Object.values(asObject(buffers['backends']))) {
					sum += Number(asObject(b)['total']);
				}

				assert.equal(buffers['total'], sum);
				assert.equal(m['total'], sum + Number(m['exec_metadata']) + Number(m['last_queries']) + Number(m['sescmd_history']) + Number(m['variables']));
			}
		} finally {
			await sim.close();
		}
	});

	it('lists sessions worker by worker, not sorted by id, with increasing ids within a worker', async () => {
		const sim = await start({seed: 5, sessions: 300});
		try {
			const sessions = dataOf(await getJson(sim, '/v1/sessions'));
			const threads = sessions.map(s => Number(attributesOf(s)['thread']));
			assert.deepEqual(threads, [...threads].sort((a, b) => a - b));
			assert.ok(new Set(threads).size >= 2);
			const ids = sessions.map(s => idOf(s));
			assert.notDeepEqual(ids, [...ids].sort((a, b) => a - b));
			for (let i = 1; i < ids.length; i++) {
				if (threads[i] === threads[i - 1]) {
					assert.ok(ids[i]! > ids[i - 1]!);
				}
			}
		} finally {
			await sim.close();
		}
	});

	it('lets idle grow with time and reset when the session runs a query', async () => {
		const sim = await start({seed: 8, sessions: 200});
		try {
			const idle = async (): Promise<Map<string, number>> => new Map(dataOf(await getJson(sim, '/v1/sessions')).map(s => {
				const v = attributesOf(s)['idle'];
				assert.ok(v instanceof Real);
				return [String(asObject(s)['id']), v.value];
			}));
			const before = await idle();
			sim.clock.advance(1500);
			const after = await idle();
			let grew = 0;
			let reset = 0;
			for (const [id, v] of before) {
				const w = after.get(id)!;
				if (Math.abs(w - v - 1.5) < 0.11) {
					grew++;
				} else if (w < v) {
					reset++;
				}
			}

			assert.ok(grew > 50, `grew ${grew}`);
			assert.ok(reset > 5, `reset ${reset}`);
		} finally {
			await sim.close();
		}
	});

	it('prints `connected` as asctime up to 22.08 and as RFC 1123 from 23.02', async () => {
		const formats = {
			'2.2': /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/,
			'22.08': /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/,
			'23.02': /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/,
		} as const;
		for (const [version, format] of Object.entries(formats)) {
			const sim = await start({apiVersion: version as keyof typeof formats, sessions: 30});
			try {
				for (const s of dataOf(await getJson(sim, '/v1/sessions'))) {
					assert.match(String(attributesOf(s)['connected']), format);
				}
			} finally {
				await sim.close();
			}
		}
	});

	it('grows seconds_alive with the clock (24.02)', async () => {
		const sim = await start({sessions: 5});
		try {
			const id = sim.sessionIds()[0]!;
			const alive = async (): Promise<number> => (attributesOf(asObject(await getJson(sim, `/v1/sessions/${id}`))['data']!)['seconds_alive'] as Real).value;
			const first = await alive();
			sim.clock.advance(2500);
			assert.ok(Math.abs((await alive()) - first - 2.5) < 1e-6);
		} finally {
			await sim.close();
		}
	});
});

describe('churn and direct control', () => {
	it('is frozen with churn 0', async () => {
		const sim = await start({sessions: 40});
		try {
			const ids = sim.sessionIds();
			sim.clock.advance(3_600_000);
			assert.deepEqual(sim.sessionIds(), ids);
		} finally {
			await sim.close();
		}
	});

	it('closes and opens `churn` sessions per second, new ones with higher ids', async () => {
		const sim = await start({sessions: 100, churn: 20, seed: 3});
		try {
			const before = new Set(sim.sessionIds());
			const maxBefore = Math.max(...[...before].map(Number));
			sim.clock.advance(1000);
			const after = sim.sessionIds();
			assert.equal(after.length, 100);
			const added = after.filter(id => !before.has(id));
			const removed = [...before].filter(id => !after.includes(id));
			assert.equal(added.length, 20);
			assert.equal(removed.length, 20);
			assert.ok(added.every(id => Number(id) > maxBefore));
			// New sessions are served and belong to the list.
			const list = dataOf(await getJson(sim, '/v1/sessions')).map(s => String(asObject(s)['id']));
			assert.deepEqual(list, after);
		} finally {
			await sim.close();
		}
	});

	it('churns the same way for the same seed whatever the polling pattern', async () => {
		const a = await start({sessions: 50, churn: 7, seed: 12});
		const b = await start({sessions: 50, churn: 7, seed: 12});
		try {
			for (let i = 0; i < 10; i++) {
				a.clock.advance(300);
				a.sessionIds();
			}

			b.clock.advance(3000);
			assert.deepEqual(a.sessionIds(), b.sessionIds());
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});

	it('opens and ends sessions on request', async () => {
		const sim = await start({sessions: 10});
		try {
			const id = sim.openSession();
			assert.ok(Number(id) > Math.max(...sim.sessionIds().filter(x => x !== id).map(Number)));
			assert.ok(sim.sessionIds().includes(id));
			const fresh = attributesOf(asObject(await getJson(sim, `/v1/sessions/${id}`))['data']!);
			assert.ok(['Session created', 'Session started'].includes(String(fresh['state'])));
			sim.clock.advance(5000);
			assert.equal(attributesOf(asObject(await getJson(sim, `/v1/sessions/${id}`))['data']!)['state'], 'Session started');
			assert.equal(sim.endSession(id), true);
			assert.equal(sim.endSession(id), false);
			assert.equal(sim.endSession('nope'), false);
			assert.ok(!sim.sessionIds().includes(id));
			assert.equal((await call(sim, `/v1/sessions/${id}`)).status, 404);
		} finally {
			await sim.close();
		}
	});
});
