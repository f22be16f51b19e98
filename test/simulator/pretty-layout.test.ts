// What pretty=false looks like, and which values of pretty count as false, version by version
// (admin.cc: 2.2 dumps with flags 0 and 2.5 with JSON_SORT_KEYS alone, so jansson keeps its
// ", " and ": " separators; 22.08 adds JSON_COMPACT; up to 22.08 only "true" or "" is pretty,
// 23.02 is compact only for a false value).

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {apiVersions} from '../../source/simulator/index.js';
import {serialize} from '../../source/simulator/jansson.js';
import {parseTyped} from '../../source/simulator/typed-json.js';
import {versionTable} from '../../source/simulator/versions.js';
import {call, start} from './helpers.js';

describe('pretty=false, version by version', () => {
	for (const version of apiVersions) {
		const layout = version === '2.2' || version === '2.5' ? 'spaced' : 'compact';
		it(`${version}: the same documents, ${layout}`, async () => {
			const {sortKeys} = versionTable[version];
			const sim = await start({apiVersion: version, sessions: 12});
			try {
				const id = sim.sessionIds()[0]!;
				const paths = ['/v1/sessions', `/v1/sessions/${id}`, '/v1/maxscale', '/v1/services'];
				if (version !== '2.2') {
					paths.push(`/v1/sessions?fields[sessions]=user,state,memory/total&filter=${encodeURIComponent('/attributes/state="Session started"')}`);
				}

				for (const path of paths) {
					const pretty = await call(sim, path);
					const flat = await call(sim, path + (path.includes('?') ? '&' : '?') + 'pretty=false');
					assert.equal(flat.text, serialize(parseTyped(pretty.text), layout, sortKeys), path);
				}

				const list = (await call(sim, '/v1/sessions?pretty=false')).text;
				const start = {'2.2': '{"links": {"self": "', '2.5': '{"data": [{"attributes": {"'}[version as string] ?? '{"data":[{"attributes":{"';
				assert.ok(list.startsWith(start), list.slice(0, 40));
			} finally {
				await sim.close();
			}
		});
	}
});

describe('which pretty values are false', () => {
	const strict: Array<[string, boolean]> = [['', true], ['?pretty=true', true], ['?pretty=', true], ['?pretty', true], ['?pretty=TRUE', false], ['?pretty=1', false], ['?pretty=yes', false], ['?pretty=false', false], ['?PRETTY=false', false], ['?Pretty=true', true]];
	const falsy: Array<[string, boolean]> = [['', true], ['?pretty=true', true], ['?pretty=TRUE', true], ['?pretty=1', true], ['?pretty=maybe', true], ['?pretty=0', false], ['?pretty=OFF', false], ['?pretty=no', false], ['?PRETTY=false', false]];
	for (const version of apiVersions) {
		const test = ['23.02', '24.02'].includes(version) ? falsy : strict;
		it(`${version}: ${test === strict ? 'pretty only for "true" or no value' : 'compact only for false, off, no or 0'}`, async () => {
			const sim = await start({apiVersion: version, sessions: 2});
			try {
				for (const [query, pretty] of test) {
					const text = (await call(sim, `/v1/maxscale${query}`)).text;
					assert.equal(text.startsWith('{\n'), pretty, `${version} ${query}`);
				}
			} finally {
				await sim.close();
			}
		});
	}
});
