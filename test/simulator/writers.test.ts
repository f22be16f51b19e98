// The simulator renders a session three ways: the pretty writer, the compact template path and
// a JSON tree (for fields and filter). They must agree exactly, for every version and session.

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {asctime, httpDate} from '../../source/simulator/dates.js';
import {apiVersions} from '../../source/simulator/index.js';
import {fmt, serialize} from '../../source/simulator/jansson.js';
import {Population} from '../../source/simulator/population.js';
import {ByteSink} from '../../source/simulator/byte-sink.js';
import {type WriteContext, writeSession, writeSessionSubset} from '../../source/simulator/session-json.js';
import {appendCompact, appendSparse} from '../../source/simulator/session-template.js';
import {fieldsetOf} from '../../source/simulator/documents.js';
import {applyFields, fieldPaths} from '../../source/simulator/fields.js';
import {sessionTree} from '../../source/simulator/session-tree.js';
import {parseTyped} from '../../source/simulator/typed-json.js';
import {versionTable} from '../../source/simulator/versions.js';

// The monitor's list fieldset, and deeper paths the server trims member by member.
const sparseFieldsets = [
	['state', 'user', 'remote', 'port', 'connected', 'idle', 'seconds_alive', 'memory/total', 'io_activity', 'thread', 'services'],
	['memory/total'],
	['memory', 'memory/total', 'queries'],
	['client/cipher', 'memory/connection_buffers/total', 'log', 'queries/0'],
	['memory/nothing', 'idle', 'filters'],
];

describe('session writers agree', () => {
	for (const version of apiVersions) {
		it(`${version}: pretty writer, compact templates and tree give the same document`, () => {
			const caps = versionTable[version];
			let t = Date.UTC(2024, 0, 5, 7, 24, 6);
			const population = new Population({seed: 21, size: 150, churn: 0, now: () => t, formatConnected: caps.rfc1123Connected ? httpDate : asctime});
			const context = (pretty: boolean): WriteContext => ({caps, f: fmt(pretty), base: 'http://127.0.0.1:8989/v1/', slash: caps.trailingSlash ? '/' : '', t});
			// Several moments, so templates are reused while the dynamic values move on.
			for (const step of [0, 2000, 45_000]) {
				t += step;
				for (const s of population.list()) {
					const pretty = writeSession(s, context(true), 2);
					const compact = writeSession(s, context(false), 2);
					const sink = new ByteSink();
					appendCompact(sink, s, context(false));
					assert.equal(Buffer.concat(sink.take(true)).toString(), compact, `session ${s.idStr} template`);
					assert.equal(serialize(sessionTree(s, context(false)), true, caps.sortKeys, 2), pretty, `session ${s.idStr} pretty`);
					assert.equal(serialize(sessionTree(s, context(false)), false, caps.sortKeys, 2), compact, `session ${s.idStr} compact`);
					assert.equal(serialize(parseTyped(pretty), false, caps.sortKeys), compact);
					if (caps.sparseFields) {
						// A fieldset of top-level names written directly equals the generic trimming.
						const names = ['user', 'state', 'idle', 'memory', 'services', 'queries', 'nothing'];
						const tree = sessionTree(s, context(true));
						applyFields(tree, 'sessions', fieldPaths(names));
						assert.equal(writeSessionSubset(s, context(true), 2, new Set(names)), serialize(tree, true, true, 2));
					}
				}
			}
		});
	}

	for (const version of apiVersions.filter(version => versionTable[version].sparseFields)) {
		it(`${version}: sparse templates (compact) and the subset writer (pretty) equal the generic trimming`, () => {
			const caps = versionTable[version];
			for (const fields of sparseFieldsets) {
				let t = Date.UTC(2024, 0, 5, 7, 24, 6);
				const population = new Population({seed: 21, size: 150, churn: 0, now: () => t, formatConnected: caps.rfc1123Connected ? httpDate : asctime});
				const context = (pretty: boolean): WriteContext => ({caps, f: fmt(pretty), base: 'http://127.0.0.1:8989/v1/', slash: caps.trailingSlash ? '/' : '', t});
				const paths = fieldPaths(fields);
				const fieldset = fieldsetOf(paths, new Set(paths.map(path => path[0]!)));
				assert.ok(fieldset, `${fields.join(',')} is served by the direct writers`);
				// Several moments with one fieldset, so each template is reused while values move on.
				for (const step of [0, 2000, 45_000]) {
					t += step;
					for (const s of population.list()) {
						const trimmed = sessionTree(s, context(false));
						applyFields(trimmed, 'sessions', paths);
						const sink = new ByteSink();
						appendSparse(sink, s, context(false), fieldset);
						assert.equal(Buffer.concat(sink.take(true)).toString(), serialize(trimmed, false, true, 2), `session ${s.idStr} ${fields.join(',')}`);
						assert.equal(writeSessionSubset(s, context(true), 2, fieldset.names, fieldset.nested), serialize(trimmed, true, true, 2));
					}
				}
			}
		});
	}
});
