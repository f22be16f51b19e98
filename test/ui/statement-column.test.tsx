// The Statement column on the real screen against the simulator, whose Analytics-Service and
// Sharded-Service retain statements (retain_last_statements 10 and 5) and the others none:
// S shows it and the next list asks for `queries`; each row's cell is a statement its own
// document retained; S again hides it and the lists stop asking.

import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {fetchSessionDocument} from '../../source/api/sessions-api.js';
import {statementLine} from '../../source/api/statement-line.js';
import {waitFor} from '../helpers/ink.js';
import {closeAll, mountSimulated, type Mounted} from './simulated-app.js';

after(closeAll);

const titleOf = (frame: string) => frame.split('\n').find((line) => /^\s+\S*Id\S*\s+User/.test(line)) ?? '';
const sessionLines = (frame: string) => frame.split('\n').filter((line) => /^[▶ ][ +●]\s*\d+ /.test(line));

/** Each session row's id and Statement cell: from under its title to the line's end. */
function rowsOf(frame: string): Array<{id: string; statement: string}> {
	const from = titleOf(frame).indexOf('Statement');
	assert.ok(from > 0, `a Statement column: ${JSON.stringify(titleOf(frame))}`);
	return sessionLines(frame).map((line) => ({id: /^..\s*(\d+)/.exec(line)![1]!, statement: line.slice(from).trim()}));
}

/** How many groups of sessions the frame shows (a group row followed by a session row). */
function firstOfGroupCount(frame: string): number {
	const lines = frame.split('\n');
	return lines.filter((line, i) => /^\s*▾ /.test(line) && !/^\s*▾ /.test(lines[i + 1] ?? '')).length;
}

/** The statements a session's own document retains, newest first, as the list writes them. */
async function statementsOf(client: Mounted['client'], id: string): Promise<{service: string; statements: string[]}> {
	const answer = await fetchSessionDocument(client, id);
	assert.ok(answer.ok, id);
	const {data} = answer.document as {data: {attributes: {queries: Array<{statement: string}>}; relationships: {services: {data: Array<{id: string}>}}}};
	return {service: data.relationships.services.data[0]!.id, statements: data.attributes.queries.map((query) => statementLine(query.statement))};
}

test('S shows each session\'s newest statement, as its document retains it, and asks for statements only while it shows', async () => {
	const lists: string[] = [];
	const {frame, press, typeText, client, close} = await mountSimulated({rows: 60, simulator: {sessions: 80, onRequest: (_method, url) => url.startsWith('/v1/sessions?') && lists.push(url)}});
	assert.doesNotMatch(titleOf(frame()), /Statement/, 'not a default column');
	assert.ok(lists.length > 0 && lists.every((url) => !url.includes('queries')), 'the lists do not ask for statements');

	// A filter on statements while they are off says why it keeps nothing.
	await press('/', () => frame().includes('/'), 'the filter prompt');
	await typeText('statement:select');
	await press('\r', () => frame().includes('No session matches: statements are off, S shows them (Esc clears the filter).'), 'the reason');
	await press('\u001B', () => !/ of \d+ sessions/.test(frame()), 'the filter cleared');
	// Plain text looks in the statements too, once they are asked for: said (QA: TRUNCATE found nothing, unexplained).
	await press('/', () => frame().includes('/'), 'the filter prompt');
	await typeText('TRUNCATE');
	await press('\r', () => frame().includes('No session matches the filter (statements are off: S searches them too; Esc clears it).'), 'the hint');
	await press('\u001B', () => !/ of \d+ sessions/.test(frame()), 'the filter cleared');

	await press('S', () => /Statement/.test(titleOf(frame())), 'the Statement column');
	assert.ok(lists.some((url) => /fields%5Bsessions%5D=[^&]*queries/.test(url)), 'a list that asks for them');
	// Flat and by service, so that a row's service is known from its document only.
	await press('/', () => frame().includes('/'), 'the filter prompt');
	await typeText('service:Analytics');
	await press('\r', () => / of \d+ sessions/.test(frame()), 'the filter applied');
	const analytics = rowsOf(frame());
	assert.ok(analytics.length >= 3, `${analytics.length} Analytics-Service sessions`);
	let checked = 0;
	for (const {id, statement} of analytics.slice(0, 8)) {
		if (statement === '') {
			continue; // Not started yet: nothing retained.
		}

		// eslint-disable-next-line no-await-in-loop
		const document = await statementsOf(client, id);
		// The cell, less its running mark and a cut's ellipsis, begins a statement the document retains
		// (fetched a moment later: newer ones may have come before it).
		const shown = statement.replace(/^» /, '').replace(/…$/, '');
		assert.ok(document.statements.some((one) => one.startsWith(shown)), `session ${id}: ${JSON.stringify(statement)} among ${JSON.stringify(document.statements)}`);
		checked++;
	}

	assert.ok(checked >= 3, `${checked} statements checked`);

	await press('\u001B', () => !/ of \d+ sessions/.test(frame()), 'the filter cleared');
	await press('/', () => frame().includes('/'), 'the filter prompt');
	await typeText('service:RW-Split');
	await press('\r', () => / of \d+ sessions/.test(frame()), 'the filter applied');
	const none = rowsOf(frame());
	assert.ok(none.length > 0 && none.every((row) => row.statement === ''), 'a service that retains none: empty cells');

	await press('S', () => !/Statement/.test(titleOf(frame())), 'the column gone');
	const asked = lists.length;
	await waitFor(() => lists.length >= asked + 2, 'two more polls');
	assert.ok(lists.slice(asked + 1).every((url) => !url.includes('queries')), 'the lists no longer ask for statements');
	await close();
});

test('a MaxScale 2.2 has no statements: S says so and stays off, and a filter on them says why it keeps nothing', async () => {
	const {frame, press, typeText, close} = await mountSimulated({simulator: {apiVersion: '2.2'}});
	await waitFor(() => frame().includes('MaxScale 2.2'), 'the version known');
	await press('S', () => frame().includes('MaxScale 2.2') && frame().includes('reports no statements: that needs MaxScale 2.3.1 or later.'), 'the refusal');
	assert.doesNotMatch(titleOf(frame()), /Statement/);
	await press('/', () => frame().includes('/'), 'the filter prompt');
	await typeText('!sql:select');
	await press('\r', () => frame().includes('No session matches: this MaxScale reports no statements (2.3.1+; Esc clears the filter).'), 'the reason');
	await close();
});

test('S then < <: the running statements longest first, each with how long it has run by MaxScale\'s clock; running>=0 keeps only them', async () => {
	// The simulator's clock stands still, so that a run time can be worked out from the documents.
	const now = Date.UTC(2026, 10, 27, 12, 0, 0);
	const {frame, press, typeText, client, close} = await mountSimulated({rows: 60, simulator: {sessions: 400, now: () => now}});
	await press('S', () => /Running/.test(titleOf(frame())) && frame().includes('» '), 'the Running column, with a statement running');
	await press('<', () => frame().includes('sort statement'), 'sorted by statement');
	await press('<', () => frame().includes('sort running▼'), 'sorted by run time, longest first');
	await press('/', () => frame().includes('/'), 'the filter prompt');
	await typeText('running>=0');
	await press('\r', () => / of \d+ sessions/.test(frame()), 'the filter applied');
	const title = titleOf(frame());
	const end = title.indexOf('Running') + 'Running'.length;
	const rows = rowsOf(frame()).map((row, i) => ({...row, running: sessionLines(frame())[i]!.slice(end - 7, end).trim()}));
	assert.ok(rows.length - firstOfGroupCount(frame()) >= 2, `${rows.length} running, two or more in one group`);
	// Each group (service, then state) sorted on its own: where each row's group starts.
	const lines = frame().split('\n');
	const firstOfGroup = new Set(lines.flatMap((line, i) => (/^\s*▾ /.test(line) && !/^\s*▾ /.test(lines[i + 1] ?? '') ? [/^..\s*(\d+)/.exec(lines[i + 1]!)?.[1]] : [])));
	let before = Number.POSITIVE_INFINITY;
	for (const {id, statement, running} of rows) {
		assert.match(statement, /^» /, `session ${id} runs a statement`);
		const match = /^(?:(\d+)m)?(\d+)s$/.exec(running);
		assert.ok(match, `session ${id}: a run time, ${JSON.stringify(running)}`);
		const shown = (Number(match[1] ?? 0) * 60) + Number(match[2]);
		// eslint-disable-next-line no-await-in-loop
		const answer = await fetchSessionDocument(client, id);
		assert.ok(answer.ok, id);
		const [newest] = (answer.document as {data: {attributes: {queries: Array<{received: string}>}}}).data.attributes.queries;
		// `received` is the simulator's (this process's) local time without a zone, as MaxScale writes its host's.
		const expected = (now - new Date(newest!.received).getTime()) / 1000;
		assert.ok(Math.abs(shown - expected) <= 1, `session ${id}: ${running} against ${expected} s`);
		if (firstOfGroup.has(id)) {
			before = Number.POSITIVE_INFINITY;
		}

		assert.ok(shown <= before, `session ${id}: ${running} after ${before} s`);
		before = shown;
	}

	await close();
});
