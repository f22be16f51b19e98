import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {matchesIn, piecesOf, searchHits, searchPattern, sourceText} from '../../source/model/pane-search.js';
import {session} from '../helpers/sessions.js';
import {keyHint} from '../../source/model/keymap.js';
import {start, type} from '../helpers/state.js';

/** A document of 40 fields, `server` in fields 5, 20 and 33 (and `Server` in 27), opened and focused: pane 10 lines high. */
function opened(): MonitorState {
	const attributes = Object.fromEntries(
		Array.from({length: 40}, (_, i) => [`field_${i}`, i === 5 || i === 20 || i === 33 ? `server${i}` : i === 27 ? 'Server-Side' : `value ${i}`]),
	);
	const state = type(start([session(1), session(2)]), 'return');
	return type(reducer(state, {type: 'document-loaded', id: state.pane.id!, document: {data: {id: '1', attributes}}}), 'tab');
}

const top = (state: MonitorState) => sourceText(state.pane.source[state.pane.lines[state.pane.scroll]!.source]!);

test('matches: smart case, the text taken literally, pieces cut across tokens', () => {
	assert.deepEqual(matchesIn('a Server and a server', searchPattern('server')), [
		[2, 8],
		[15, 21],
	]);
	assert.deepEqual(matchesIn('a Server and a server', searchPattern('Server')), [[2, 8]]);
	assert.deepEqual(matchesIn('axb a.b (x)', searchPattern('a.b')), [[4, 7]], 'a dot is a dot');
	assert.deepEqual(matchesIn('(x) [y] $z', searchPattern('(x) [y] $')), [[0, 9]]);
	assert.deepEqual(matchesIn('ÉTÉ', searchPattern('été')), [[0, 3]], 'Unicode case folding');
	// "user": "admin" as two tokens; "r": "ad" spans both.
	const matches = matchesIn('"user": "admin"', searchPattern('r": "ad'));
	assert.deepEqual(piecesOf('"user": ', 0, matches), [
		{text: '"use', match: false},
		{text: 'r": ', match: true},
	]);
	assert.deepEqual(piecesOf('"admin"', 8, matches), [
		{text: '"ad', match: true},
		{text: 'min"', match: false},
	]);
	assert.deepEqual(piecesOf('none', 0, []), [{text: 'none', match: false}]);
});

test('/ with the pane focused searches it as typed; Enter keeps it, n and N step round its ends; Esc goes back', () => {
	const state = opened();
	const lines = searchHits(state.pane.source, state.pane.lines, 'server');
	assert.equal(lines.length, 4, 'server5, server20, Server-Side, server33');
	let searching = type(state, '/', 's', 'e', 'r', 'v');
	assert.equal(searching.mode, 'search');
	assert.equal(searching.filter.text, '', 'not the list filter');
	assert.match(top(searching), /"field_5": "server5"/);
	searching = type(searching, 'e', 'r', 'return');
	assert.equal(searching.mode, 'list');
	assert.equal(searching.search.text, 'server');
	const n = type(searching, 'n');
	assert.match(top(n), /server20/);
	assert.equal(n.message?.text, 'Matching line 2 of 4.');
	const back = type(n, 'N');
	assert.match(top(back), /server5/);
	assert.equal(back.sort.key, state.sort.key, 'N steps back, it does not sort');
	// Past the last match, round to the first; before the first, to the last.
	const last = type(searching, 'N');
	assert.match(top(last), /server33/);
	assert.match(last.message?.text ?? '', /4 of 4, from the bottom again/);
	// A capital: exact.
	assert.match(top(type(state, '/', 'S', 'e', 'r', 'v', 'return')), /Server-Side/);
	// Esc drops the search and puts the pane back where it began.
	const scrolled = type(state, 'down', 'down', 'down');
	const dropped = type(scrolled, '/', 's', 'e', 'r', 'v', 'e', 'r', '2', 'escape');
	assert.deepEqual([dropped.mode, dropped.search.text, dropped.pane.scroll], ['list', '', 3]);
	// Nothing matches: the pane stays put.
	assert.equal(type(scrolled, '/', 'q', 'q', 'q').pane.scroll, 3);
});

test('/ with the list focused is still the filter; n outside the pane, or with no search, says why', () => {
	const state = opened();
	assert.equal(type(state, 'tab', '/').mode, 'filter');
	assert.match(type(state, 'tab', 'n').message?.text ?? '', /Tab to it, then \/ to search/);
	assert.match(type(state, 'n').message?.text ?? '', /No search yet/);
	// N with no search sorts by id, as ever (reversed, since the list is by id already), and says why (QA).
	const sorted = type(state, 'N');
	assert.equal(sorted.sort.descending, true);
	assert.equal(sorted.message?.text, 'N sorted by id: no search in the pane to step back through (/ searches it).');
	assert.equal(type(state, 'tab', 'N').message, undefined, 'from the list, N just sorts');
	// The pane too short to show (app.tsx gives the list the keys): the prompt closes, the search kept.
	const hidden = reducer(type(state, '/', 's', 'e', 'r'), {type: 'toggle-focus'});
	assert.deepEqual([hidden.mode, hidden.focus, hidden.search.text], ['list', 'list', 'ser']);
	// A paste goes into the prompt whole.
	const pasted = reducer(type(state, '/'), {type: 'keys', keys: [{input: 'server3', name: 'paste'}]});
	assert.equal(pasted.search.text, 'server3');
	assert.match(top(pasted), /server33/);
});

test("QA: n's count goes when a new search starts or the pane closes, not left under the next search", () => {
	const counted = type(opened(), '/', 's', 'e', 'r', 'v', 'e', 'r', 'return', 'n');
	assert.equal(counted.message?.text, 'Matching line 2 of 4.');
	// A new search: the old count is gone as its prompt opens, and stays gone when it is kept.
	const next = type(counted, '/');
	assert.equal(next.message, undefined);
	const kept = type(next, 'f', 'i', 'e', 'l', 'd', '_', '3', 'return');
	assert.equal(kept.message, undefined, 'not "2 of 4" under a search with other matches');
	assert.match(type(kept, 'n').message?.text ?? '', /of 11\./, 'field_3, field_30 to field_39');
	// Closed, the pane takes its count with it; a message of anything else stays.
	assert.equal(type(counted, 'escape').message, undefined);
	const other = reducer(opened(), {type: 'message', message: {tone: 'info', text: 'Copied.'}});
	assert.equal(type(other, 'escape').message?.text, 'Copied.');
});

test('QA: a match that a wrap cuts in two is found, counted and marked at any width, the pane on the line where it starts', () => {
	const statement = 'INSERT INTO fact_sales SELECT * FROM staging_sales WHERE batch_id = 20240105 AND region = 7';
	const base = opened();
	const loaded = reducer(base, {type: 'document-loaded', id: base.pane.id!, document: {data: {id: '1', attributes: {a: 1, b: 2, c: 3, statement, z: 'staging_sales'}}}});
	for (const width of [24, 30, 45, 100]) {
		const state = reducer(loaded, {type: 'resize', listHeight: 10, paneHeight: 3, paneWidth: width});
		const hits = searchHits(state.pane.source, state.pane.lines, 'batch_id = 2024');
		assert.equal(hits.length, 1, `${width}`);
		// The pane line the match starts on, even when it is a continuation of a long one.
		const hit = state.pane.lines[hits[0]!]!;
		const start = sourceText(state.pane.source[hit.source]!).indexOf('batch_id');
		const next = state.pane.lines[hits[0]! + 1];
		assert.ok(hit.at <= start && (next?.source !== hit.source || next.at > start), `${width}`);
		// Two document lines hold staging_sales: counted once each, however many pane lines they take.
		assert.equal(searchHits(state.pane.source, state.pane.lines, 'staging_sales').length, 2, `${width}`);
		const searched = type(state, '/', ...'batch_id = 2024');
		assert.ok(searched.pane.scroll <= hits[0]! && hits[0]! < searched.pane.scroll + 3, `${width}: the match in view`);
	}
});

test('QA: Space in the pane pages down rather than marking the hidden row; the hints name n N once a search is kept', () => {
	const state = opened();
	const paged = type(state, 'space');
	assert.equal(paged.marked.size, 0, 'nothing marked');
	assert.equal(paged.pane.id, state.pane.id, 'the same document');
	assert.equal(paged.pane.scroll, state.paneHeight - 1, 'a screen down, as PgDn');
	assert.equal(type(type(state, 'z'), 'space').marked.size, 0, 'zoomed too');
	assert.equal(type(state, 'tab', 'space').marked.size, 1, 'the list focused: Space marks');
	const labels = (searching: boolean) => keyHint('pane', false, false, false, searching).map((hint) => `${hint.label} ${hint.text}`);
	assert.ok(labels(false).includes('/ search'));
	assert.ok(labels(true).includes('n N next match') && !labels(true).includes('/ search'));
	// n with the list focused says what is left to do.
	assert.match(type(type(state, '/', 'x', 'return'), 'tab', 'n').message?.text ?? '', /: Tab to it first\.$/);
});

test('a paste longer than a search holds keeps its start and says so', () => {
	const pasted = reducer(type(opened(), '/'), {type: 'keys', keys: [{input: `server${'x'.repeat(300)}`, name: 'paste'}]});
	assert.equal(pasted.search.text.length, 200);
	assert.match(pasted.message?.text ?? '', /^A search holds at most 200 characters/);
});

test('n steps through matches the pane cannot scroll to its top (near the end), from the match last gone to', () => {
	const attributes = Object.fromEntries(Array.from({length: 40}, (_, i) => [`field_${i}`, i >= 36 ? `tail${i}` : `value ${i}`]));
	const base = opened();
	let state = reducer(base, {type: 'document-loaded', id: base.pane.id!, document: {data: {id: '1', attributes}}});
	state = type(state, '/', 't', 'a', 'i', 'l', 'return');
	const hits = searchHits(state.pane.source, state.pane.lines, 'tail');
	assert.equal(hits.length, 4);
	assert.equal(state.search.current, hits[0]);
	const seen = [state.search.current];
	for (let press = 0; press < 4; press++) {
		state = type(state, 'n');
		seen.push(state.search.current);
	}

	assert.deepEqual(seen, [...hits, hits[0]], 'each in turn, then round to the first');
	assert.match(state.message?.text ?? '', /1 of 4, from the top again/);
	assert.equal(type(type(state, 'N'), 'N').search.current, hits[2]);
});

test('QA: / opens an empty prompt, as less and vim do; Enter on it searches the last search again; Esc drops both', () => {
	const kept = type(opened(), '/', 's', 'e', 'r', 'v', 'e', 'r', 'return', 'g');
	assert.equal(kept.pane.scroll, 0);
	const reopened = type(kept, '/');
	assert.deepEqual([reopened.search.text, reopened.search.previous], ['', 'server']);
	// Typed anew: the new text alone, not appended to the old (QA: /logstatement).
	assert.equal(type(reopened, 'v', 'a', 'l').search.text, 'val');
	// Enter on the empty prompt: the last search again, from the top line.
	const again = type(reopened, 'return');
	assert.deepEqual([again.mode, again.search.text], ['list', 'server']);
	assert.match(top(again), /server5/);
	assert.match(top(type(again, 'n')), /server20/);
	// Esc: nothing searched, nothing marked.
	assert.equal(type(reopened, 'escape').search.text, '');
});
