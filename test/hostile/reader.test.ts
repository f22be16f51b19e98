// Property tests of the pure layers that turn server text into screen text: the
// reader, the version, the error sentences, the pane's lines (jsonLines +
// wrapLines), the recording reader, and batch output's formatters. Whatever the
// server sends, nothing that drives a terminal may come out.

import assert from 'node:assert/strict';
import {rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import fc from 'fast-check';
import {describeNetworkError, describeStatus} from '../../source/api/errors.js';
import {readSession, readSessionDocument, readSessionList} from '../../source/api/read-sessions.js';
import {readRecording, recordingFormat} from '../../source/api/recording.js';
import {readServerInfo} from '../../source/api/server-info.js';
import {jsonLines, scalarsByPath} from '../../source/model/json-lines.js';
import {wrapLines} from '../../source/model/json-wrap.js';
import {cellText, fitCell} from '../../source/model/cells.js';
import {layoutColumns} from '../../source/model/columns.js';
import type {Session} from '../../source/model/session.js';
import {assertSafe, check, checkAsync, hostileJson, hostileString, hostileWorld, unsafeIn} from './arbitraries.js';
import {tempFolder} from '../helpers/temp-folder.js';

const runs = {numRuns: 100};

/** Data (not a frame): no unsafe character, and no ESC at all. */
function assertClean(text: string | undefined, where: string): void {
	if (text === undefined) {
		return;
	}

	assertSafe(text, where);
	assert.ok(!text.includes('\u001B'), `${where}: an ESC in ${JSON.stringify(text.slice(0, 80))}`);
}

function assertSessionClean(session: Session, where: string): void {
	for (const field of ['key', 'id', 'host', 'service', 'state', 'user', 'remote'] as const) {
		assertClean(session[field], `${where}.${field}`);
	}
}

test('the reader: every string of every session it returns is clean', () => {
	check(
		// The host is the user's own -h entry, not server data: a plain one.
		fc.property(hostileWorld, fc.boolean(), (world, keyed) => {
			const read = readSessionList(world.list, Date.now(), {host: 'mx1:8989', keyed});
			assert.ok(read.ok);
			assert.equal(read.list.sessions.length + read.list.duplicates + read.list.skipped, world.sessions.length);
			for (const session of read.list.sessions) {
				assertSessionClean(session, 'session');
			}
		}),
		runs,
	);
});

test('the reader never throws, whatever the JSON', () => {
	check(
		fc.property(fc.oneof(hostileJson, fc.anything()), (value) => {
			readSessionList(value, Date.now());
			readSessionList({data: [value, {id: value, attributes: value, relationships: {services: {data: [value]}}}]}, Date.now());
			readSession(value, Date.now());
			readSessionDocument(value);
			readServerInfo(value, Date.now());
		}),
		runs,
	);
});

test('the version from /v1/maxscale is clean', () => {
	check(
		fc.property(hostileWorld, (world) => {
			assertClean(readServerInfo(world.maxscale, Date.now()).version, 'version');
		}),
		runs,
	);
});

test('the version is bounded as the list\'s text is: a 100,000-character version or a pile of marks is not kept whole for a status sentence', () => {
	const version = readServerInfo({data: {attributes: {version: `24.02.${'9'.repeat(100_000)}`}}}, 0).version ?? '';
	assert.ok(version.length <= 512 && version.endsWith('…'), String(version.length));
	assert.equal(readServerInfo({data: {attributes: {version: `24.02${'\u0301'.repeat(50)}`}}}, 0).version, '24.02\u0301\u0301\u0301\uFFFD');
});

test('error sentences: a hostile errors[0].detail, or a hostile network error, gives one clean line', () => {
	check(
		fc.property(hostileString, fc.constantFrom(400, 401, 403, 404, 405, 500, 502, 503), fc.boolean(), (detail, status, html) => {
			const body = html ? `<html>${detail}</html>` : JSON.stringify({errors: [{detail}]});
			const fromStatus = describeStatus(status, body, '127.0.0.1:8989', 'the session list').message;
			assertClean(fromStatus, `describeStatus(${status})`);
			assert.ok(!fromStatus.includes('\n'), 'one line');
			const error = Object.assign(new Error(detail), {code: 'ESOMETHING'});
			const fromNetwork = [describeNetworkError(new Error(detail), '127.0.0.1:8989', 300), describeNetworkError(error, '127.0.0.1:8989', 300)];
			for (const {message} of fromNetwork) {
				assertClean(message, 'describeNetworkError');
				assert.ok(!message.includes('\n'), 'one line');
			}
		}),
		runs,
	);
});

test('the pane: jsonLines + wrapLines of a hostile document, at any width, hold no unsafe character', () => {
	check(
		fc.property(hostileWorld, fc.integer({min: 1, max: 140}), (world, width) => {
			const document = {links: {self: 'x'}, data: world.sessions[0]!.resource};
			const source = jsonLines(document, undefined);
			// Each token alone, then each display line as the screen joins it.
			for (const line of source) {
				for (const token of line.tokens) {
					assertClean(token.text, `jsonLines token (${token.kind})`);
				}
			}

			for (const line of wrapLines(source, width)) {
				assertClean(line.tokens.map((token) => token.text).join(''), `wrapLines at width ${width}`);
			}
		}),
		runs,
	);
});

test('the pane: a changed value shows what it was, cleanly', () => {
	check(
		fc.property(hostileString, hostileString, (before, after) => {
			// As the pane does it: the previous document's scalars, as printed.
			const previous = scalarsByPath({data: {user: before, [before]: after}});
			const lines = jsonLines({data: {user: after, [before]: before}}, previous);
			for (const line of lines) {
				assertClean(line.tokens.map((token) => token.text).join(''), 'jsonLines with changes');
			}
		}),
		runs,
	);
});

test('a recording is read back clean, whatever it holds', async () => {
	const folder = await tempFolder('sessiontop-hostile-');
	try {
		await checkAsync(
			fc.asyncProperty(hostileWorld, hostileString, async (world, host) => {
				const file = path.join(folder, 'hostile.ndjson');
				const sessions = world.sessions.map(({resource}) => ({...resource, key: world.detail, host, service: world.version, state: world.detail, user: world.version, remote: host}));
				const lines = [
					{format: recordingFormat, hosts: [host]},
					{t: 1, host, ok: true, latencyMs: 1, bytes: 1, sessions, server: {version: world.version, askedAt: 1}},
					{t: 2, host, ok: false, error: world.detail},
				];
				await writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n'));
				const recording = await readRecording(file);
				assert.ok(typeof recording !== 'string');
				for (const frame of recording.frames) {
					assertClean(frame.host, 'frame.host');
					if (frame.ok) {
						assertClean(frame.server?.version, 'frame.server.version');
						for (const session of frame.sessions) {
							assertSessionClean(session, 'recorded session');
						}
					} else {
						assertClean(frame.error, 'frame.error');
					}
				}
			}),
			{numRuns: 50},
		);
	} finally {
		await rm(folder, {recursive: true, force: true});
	}
});

test('unsafeIn itself finds what it must (a self-check of the scanner)', () => {
	assert.equal(unsafeIn('plain \u001B[1mbold\u001B[22m text').length, 0);
	assert.equal(unsafeIn('\u001B[31mred', {noColor: true}).length, 1);
	assert.equal(unsafeIn('\u001B]52;c;AAAA\u0007').length, 2);
	assert.equal(unsafeIn('a\uD83Db').length, 1);
	assert.equal(unsafeIn('😀').length, 0);
	assert.equal(unsafeIn('\u202E\u2066\u0085\u007F').length, 4);
});

// Deterministic cases for what the properties above find only now and then: text
// cut to a width must not cut an astral character (two UTF-16 units) in half.

test('an error detail cut to length keeps its emoji whole', () => {
	for (const lead of ['', 'a']) {
		const detail = lead + '😀'.repeat(100);
		const {message} = describeStatus(500, JSON.stringify({errors: [{detail}]}), '127.0.0.1:8989', 'the session list');
		assert.deepEqual(unsafeIn(message), [], `describeStatus cuts the detail (source/model/sanitize.ts truncate, by UTF-16 units): ${message}`);
	}
});

test('a pane line wrapped at any width keeps its emoji whole', () => {
	const lines = jsonLines({data: {user: '😀'.repeat(30), remote: `a${'𝄞'.repeat(30)}`}});
	for (let width = 8; width <= 40; width++) {
		const text = wrapLines(lines, width)
			.map((line) => line.tokens.map((token) => token.text).join(''))
			.join('\n');
		assert.deepEqual(unsafeIn(text), [], `wrapLines at width ${width} (source/model/json-lines.ts, slices by UTF-16 units)`);
	}
});

test('a list cell cut to its column keeps its emoji whole', () => {
	const session: Session = {key: '1', id: '1', host: '', service: 's', state: 'Session started', user: '😀'.repeat(30), remote: `a${'😀'.repeat(30)}`, port: 1};
	for (let width = 40; width <= 120; width += 7) {
		for (const column of layoutColumns(width, 6)) {
			const text = fitCell(cellText(session, column.key), column);
			assert.deepEqual(unsafeIn(text), [], `fitCell(${column.key}, width ${column.width}) (source/model/cells.ts, slices by UTF-16 units): ${JSON.stringify(text)}`);
		}
	}
});
