// Links are made from the request, as HttpRequest's m_hostname is: the Host header as sent, and
// /v1/ only when the path had it (2.4+; 2.2 needs the prefix, so it is always there).

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {apiVersions} from '../../source/simulator/index.js';
import {linkBase} from '../../source/simulator/write-context.js';
import {start} from './helpers.js';
import {raw} from './raw-http.js';

type Doc = {links: Record<string, string>; data: unknown};

/** Every link in a document. */
function links(value: unknown): string[] {
	if (Array.isArray(value)) {
		return value.flatMap(v => links(v));
	}

	if (value === null || typeof value !== 'object') {
		return [];
	}

	return Object.entries(value).flatMap(([k, v]) => ((k === 'self' || k === 'related') && typeof v === 'string' ? [v] : links(v)));
}

describe('links from the request', () => {
	for (const version of apiVersions) {
		it(`${version}: every link starts with the Host the client sent${version === '2.2' ? ' and /v1/' : ', and /v1/ only when asked with it'}`, async () => {
			const sim = await start({apiVersion: version, sessions: 8});
			try {
				const id = sim.sessionIds()[0]!;
				const host = 'maxscale.example.com:8989';
				for (const prefix of ['/v1', '']) {
					if (prefix === '' && version === '2.2') {
						assert.equal((await raw(sim, '/sessions', {headers: {host}})).status, 404);
						continue;
					}

					const base = `http://${host}${prefix}/`;
					for (const path of ['/sessions', `/sessions/${id}`, '/maxscale', '/services']) {
						const reply = await raw(sim, prefix + path, {headers: {host}});
						assert.equal(reply.status, 200, prefix + path);
						const found = links(JSON.parse(reply.body.toString()) as Doc);
						assert.ok(found.length > 0, prefix + path);
						for (const link of found) {
							assert.ok(link.startsWith(base) && !link.slice(base.length).startsWith('v1/'), `${prefix}${path}: ${link}`);
						}
					}
				}
			} finally {
				await sim.close();
			}
		});
	}

	it('keeps paging links on the same base (24.02)', async () => {
		const sim = await start({sessions: 30});
		try {
			const reply = await raw(sim, '/sessions?page[size]=10&page[number]=1', {headers: {host: '10.1.2.3:443'}});
			const doc = JSON.parse(reply.body.toString()) as Doc;
			assert.equal(doc.links['next'], 'http://10.1.2.3:443/sessions/?page%5Bsize%5D=10&page%5Bnumber%5D=2');
		} finally {
			await sim.close();
		}
	});

	it('builds the base as m_hostname: a "/" only when the Host does not end in one', () => {
		assert.equal(linkBase('https', 'h:1', true), 'https://h:1/v1/');
		assert.equal(linkBase('http', 'h:1', false), 'http://h:1/');
		// No Host (HTTP/1.0): "http://" already ends in "/".
		assert.equal(linkBase('http', undefined, true), 'http://v1/');
	});
});
