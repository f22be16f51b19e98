// `--once --columns …,statement`: the table's Statement column, each session's newest retained
// statement as the screen writes it, from a list that asked for `queries`; without the column
// the list does not ask for them.

import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {statementLine} from '../../source/api/statement-line.js';
import type {Simulator} from '../../source/simulator/index.js';
import {fixedNow, runCli, simulator, skipWithoutBuild} from './helpers.js';

let sim: Simulator;
const lists: string[] = [];

before(async () => {
	// Seed 3's 80 sessions: some of Analytics-Service and Sharded-Service, which retain statements.
	sim = await simulator({sessions: 80, seed: 3, onRequest: (_method, url) => url.startsWith('/v1/sessions?') && lists.push(url)});
});

after(async () => {
	await sim.close();
});

/** What the table should write of a session: its newest statement, `» ` before one without its completed time. */
type Retained = {id: string; service: string; cell: string};

async function retained(): Promise<Map<string, Retained>> {
	const answer = await fetch(`${sim.url}/v1/sessions`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}});
	const {data} = (await answer.json()) as {data: Array<{id: string; attributes: {queries: Array<{statement: string; completed?: string}>}; relationships: {services: {data: Array<{id: string}>}}}>};
	return new Map(
		data.map((one) => {
			const newest = one.attributes.queries[0];
			const cell = newest === undefined ? '' : `${newest.completed === undefined ? '» ' : ''}${statementLine(newest.statement)}`;
			return [one.id, {id: one.id, service: one.relationships.services.data[0]!.id, cell}];
		}),
	);
}

test('--once --columns user,statement prints each session\'s newest retained statement', {skip: skipWithoutBuild}, async () => {
	lists.length = 0;
	const run = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once', '--columns', 'user,statement']);
	assert.equal(run.code, 0, run.stderr);
	assert.ok(lists.length === 1 && /fields%5Bsessions%5D=[^&]*queries/.test(lists[0]!), `asked for queries: ${lists.join(' ')}`);
	const documents = await retained();
	const lines = run.stdout.trimEnd().split('\n');
	assert.deepEqual(lines[0]!.trim().split(/\s+/), ['Id', 'User', 'Statement']);
	const from = lines[0]!.indexOf('Statement');
	let shown = 0;
	let running = 0;
	for (const line of lines.slice(1)) {
		const id = line.trim().split(/\s+/)[0]!;
		const cell = line.slice(from).trim();
		const document = documents.get(id);
		assert.ok(document !== undefined, id);
		if (document.service === 'RW-Split-Router' || document.service === 'Read-Connection-Router') {
			assert.equal(cell, '', `session ${id} of ${document.service}, which retains none`);
			continue;
		}

		// Whole in a pipe's table; the simulator's clock is fixed, so its documents are the list's.
		assert.equal(cell, document.cell, `session ${id}`);
		shown += cell === '' ? 0 : 1;
		running += cell.startsWith('» ') ? 1 : 0;
	}

	assert.ok(shown >= 5, `${shown} statements shown`);
	assert.ok(running >= 1 && running < shown, `${running} of them running`);

	// Sorted by statement, the table shows them, as the screen does (a sort by nothing otherwise).
	lists.length = 0;
	const sorted = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once', '--sort', 'statement', '--columns', 'user']);
	assert.equal(sorted.code, 0, sorted.stderr);
	assert.ok(lists.length === 1 && lists[0]!.includes('queries'), `asked for queries: ${lists.join(' ')}`);
	const sortedLines = sorted.stdout.trimEnd().split('\n');
	assert.deepEqual(sortedLines[0]!.trim().split(/\s+/), ['Id', 'User', 'Statement']);
	const cells = sortedLines.slice(1).map((line) => line.slice(sortedLines[0]!.indexOf('Statement')).trim());
	// By the statement's text, whether or not it runs (its `» ` aside).
	const known = cells.filter((cell) => cell !== '').map((cell) => cell.replace(/^» /, ''));
	assert.deepEqual(known, known.toSorted(), 'A→Z by statement');
	assert.deepEqual(cells.slice(known.length), cells.filter((cell) => cell === ''), 'none retained: last');

	// Without --columns: the table's own columns, Running and Statement after them (QA: it took the screen's order).
	const bySort = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once', '--sort', 'statement desc']);
	assert.equal(bySort.code, 0, bySort.stderr);
	assert.deepEqual(bySort.stdout.split('\n')[0]!.trim().split(/\s+/), ['Id', 'User', 'Client', 'State', 'Age', 'Idle', 'Memory', 'I/O', 'Service', 'Server', 'Running', 'Statement']);

	lists.length = 0;
	const plain = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once']);
	assert.equal(plain.code, 0, plain.stderr);
	assert.ok(lists.length === 1 && !lists[0]!.includes('queries'), `no queries asked for: ${lists.join(' ')}`);
	assert.doesNotMatch(plain.stdout.split('\n')[0]!, /Statement/);
});

/** A Running cell (`42s`, `3m05s`) in seconds. */
function seconds(cell: string): number {
	const match = /^(?:(\d+)m)?(\d+)s$/.exec(cell);
	assert.ok(match, `a run time: ${cell}`);
	return (Number(match[1] ?? 0) * 60) + Number(match[2]);
}

/** Each line's id and Running cell, by the header's place of them. */
function runningCells(stdout: string): Array<[string, string]> {
	const [header = '', ...lines] = stdout.trimEnd().split('\n');
	const idEnd = header.indexOf('Id') + 2;
	const runningEnd = header.indexOf('Running') + 'Running'.length;
	return lines.map((line) => [line.slice(0, idEnd).trim(), line.slice(idEnd, runningEnd).trim()]);
}

test('--once --sort=-running: how long each running statement has run, longest first, by MaxScale\'s clock in any zone', {skip: skipWithoutBuild}, async () => {
	// The simulator writes `received` in this process's zone, with no zone (as MaxScale writes its
	// host's); sessiontop runs fourteen hours east of it and reads MaxScale's clock from the list.
	const run = await runCli(['-h', `127.0.0.1:${sim.port}`, '--once', '--sort=-running', '--columns', 'running,statement'], {env: {TZ: 'Pacific/Kiritimati'}});
	assert.equal(run.code, 0, run.stderr);
	assert.deepEqual(run.stdout.split('\n')[0]!.trim().split(/\s+/), ['Id', 'Running', 'Statement']);
	const answer = await fetch(`${sim.url}/v1/sessions`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}});
	const {data} = (await answer.json()) as {data: Array<{id: string; attributes: {queries: Array<{received: string; completed?: string}>}}>};
	// The simulator's clock stands at fixedNow: a running statement has run fixedNow − received.
	const expected = new Map(data.flatMap((one) => {
		const newest = one.attributes.queries[0];
		return newest === undefined || newest.completed !== undefined ? [] : [[one.id, (fixedNow - new Date(newest.received).getTime()) / 1000] as const];
	}));
	assert.ok(expected.size >= 2, `${expected.size} running`);
	const cells = runningCells(run.stdout);
	const timed = cells.filter(([, cell]) => cell !== '');
	assert.deepEqual(timed.map(([id]) => id).toSorted(), [...expected.keys()].toSorted(), 'a run time for each running statement, and only those');
	for (const [id, cell] of timed) {
		assert.ok(Math.abs(seconds(cell) - expected.get(id)!) <= 1, `session ${id}: ${cell} against ${expected.get(id)} s`);
	}

	const times = timed.map(([, cell]) => seconds(cell));
	assert.deepEqual(times, times.toSorted((a, b) => b - a), 'longest first');
	assert.deepEqual(cells.slice(0, timed.length), timed, 'none running: last');
});

test('--once --sort statement against a MaxScale 2.2, which has none: a warning says why the table has no such column', {skip: skipWithoutBuild}, async () => {
	const old = await simulator({apiVersion: '2.2'});
	try {
		const run = await runCli(['-h', `127.0.0.1:${old.port}`, '--once', '--sort', 'statement']);
		assert.equal(run.code, 0, run.stderr);
		assert.equal(run.stderr, 'sessiontop: warning: no MaxScale reported statements (they need MaxScale 2.3.1 or later), so the table has no Running or Statement column and is sorted by id.\n');
		assert.doesNotMatch(run.stdout.split('\n')[0]!, /Statement|Running/);
		// The column chosen is the one named (QA: a Running column left out was said to be Statement).
		const running = await runCli(['-h', `127.0.0.1:${old.port}`, '--once', '--columns', 'user,running']);
		assert.equal(running.stderr, 'sessiontop: warning: no MaxScale reported statements (they need MaxScale 2.3.1 or later), so the table has no Running column.\n');
	} finally {
		await old.close();
	}
});
