// A list whose ids repeat (a hostile server, or a proxy that joined two answers): the table
// and --json keep the first of each, as the screen does, and now say so on stderr; --tsv
// prints every one, as maxctrl does. The exit status stays 0: the list was read.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startFaultServer} from '../helpers/fault-server.js';
import {runCli, skipWithoutBuild} from './helpers.js';

const resource = (id: string, user: string) => ({id, attributes: {user, state: 'Session started'}, relationships: {services: {data: [{id: 'RW'}]}}});

test('repeated ids: --once and --json keep the first of each and say how many were left out; --tsv prints all', {skip: skipWithoutBuild}, async (t) => {
	const server = await startFaultServer({sessions: [resource('1', 'a'), resource('1', 'b'), resource('1', 'c'), resource('2', 'd')]});
	t.after(async () => server.close());
	const [table, json, tsv] = await Promise.all([
		runCli(['--once', '-h', server.label]),
		runCli(['--json', '-h', server.label]),
		runCli(['--tsv', '-h', server.label]),
	]);
	const warning = `sessiontop: warning: ${server.label} sent 2 sessions whose ids repeat an earlier one: only the first of each is shown (--tsv prints them all).\n`;
	assert.equal(table.code, 0, table.stderr);
	assert.equal(table.stderr, warning);
	assert.match(table.stdout, /^ +1 +a /m);
	assert.doesNotMatch(table.stdout, / b | c /);
	assert.equal(json.code, 0, json.stderr);
	assert.equal(json.stderr, warning);
	assert.deepEqual((JSON.parse(json.stdout) as Array<{user: string}>).map((record) => record.user), ['a', 'd']);
	assert.equal(tsv.code, 0);
	assert.equal(tsv.stderr, '');
	assert.equal(tsv.stdout.trimEnd().split('\n').length, 4);
});

test('QA: entries with no usable id: --once and --json say how many were left out; --tsv prints all', {skip: skipWithoutBuild}, async (t) => {
	const server = await startFaultServer({sessions: [resource('1', 'a'), {attributes: {user: 'no-id'}}, resource('', 'empty'), {...resource('x', 'null'), id: null}, 'text']});
	t.after(async () => server.close());
	const [table, json, tsv] = await Promise.all([
		runCli(['--once', '-h', server.label]),
		runCli(['--json', '-h', server.label]),
		runCli(['--tsv', '-h', server.label]),
	]);
	const warning = `sessiontop: warning: ${server.label} sent 4 entries that are no session with an id: left out.\n`;
	assert.equal(table.code, 0, table.stderr);
	assert.equal(table.stderr, warning);
	assert.equal(json.code, 0, json.stderr);
	assert.equal(json.stderr, warning);
	assert.deepEqual((JSON.parse(json.stdout) as Array<{user: string}>).map((record) => record.user), ['a']);
	assert.equal(tsv.stderr, '');
});
