// The filter's regexes run on V8's linear-time engine, case-insensitively by lowering: the
// patterns that kept the app busy for minutes on a hostile user name (QA) are answered at once.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {enableLinearRegExp} from '../../source/linear-regexp.js';
import {loweredPattern, regexMatcher} from '../../source/model/filter-regex.js';

enableLinearRegExp();

const matcher = (body: string) => {
	const made = regexMatcher(body);
	assert.equal(typeof made, 'function', `${body}: ${String(made)}`);
	return made as (text: string) => boolean;
};

test('the patterns that backtrack for minutes run in linear time, and answer as V8 would', () => {
	// Each of these took 5-27 s on 28-30 characters with V8's usual engine (QA, and the review);
	// here the test would not finish in the suite's time if one of them backtracked.
	for (const [body, hostile] of [
		['(a+)+$', `${'a'.repeat(40)}!`],
		['^(\\w|\\d)+$', `${'1'.repeat(40)}!`],
		['^(a|a)+$', `${'a'.repeat(40)}!`],
		['^(\\w+\\s?)*$', `${'a'.repeat(40)}!`],
	] as const) {
		const test = matcher(body);
		assert.equal(test(hostile), false, body);
		assert.equal(test(hostile.slice(0, -1)), true, body);
	}
});

test('case-insensitive as the i flag is: letters lowered where they match text, never in an escape or a group\'s name', () => {
	assert.equal(loweredPattern('^ETL_[A-Z]+\\W\\x4A\\u004B\\cJ(?<Name>X)\\k<Name>'), '^etl_[a-z]+\\W\\x4A\\u004B\\cJ(?<Name>x)\\k<Name>');
	assert.equal(matcher('^ETL_')('etl_loader'), true);
	assert.equal(matcher('^etl_')('ETL_LOADER'), true);
	assert.equal(matcher('\\W')('a'), false, '\\W is not lowered into \\w');
	assert.equal(matcher('^[^A-Z]+$')('abc'), false, 'a class of letters holds both cases, as with i');
	assert.equal(matcher('^user:\\d+$')('USER:42'), true);
	// Against V8's own i on ASCII texts and patterns of letters, classes and repetitions.
	const letters = fc.constantFrom('a', 'B', 'x', 'Y', '_', '1');
	const piece = fc.oneof(letters, letters.map((c) => `${c}+`), fc.constant('[a-c]'), fc.constant('[X-Z]?'), fc.constant('\\w'), fc.constant('.'));
	fc.assert(
		fc.property(fc.array(piece, {minLength: 1, maxLength: 5}), fc.array(letters, {maxLength: 8}), (pieces, chars) => {
			const body = pieces.join('');
			const text = chars.join('');
			assert.equal(matcher(body)(text), new RegExp(body, 'i').test(text), `/${body}/ on ${text}`);
		}),
	);
});

test('a lookaround or a backreference (no linear run) is refused: no check short of running it tells it ends (QA: /^(\\w|\\w)*\\1x$/ hung the monitor)', () => {
	for (const body of ['^(\\w|\\w)*\\1x$', '(\\w)\\1', '^(?=e)etl', '^(?!app)', '(?=a)(a+)+$', '(?<=x)y', '^[0-9a-f]{32}$', 'a{17}']) {
		assert.equal(regexMatcher(body), `regex /${body}/ cannot run in linear time (a lookaround, a backreference, or a count past 16 such as {32}), and backtracking can run for minutes on some texts: write it without them (!term leaves out what a term matches; a+ for a{17,})`);
	}

	// Counts up to 16 run (V8's linear engine replicates what they repeat, up to its limit).
	assert.equal(matcher('^[a-z]{2,16}$')('etl_loader'.replace('_', '')), true);

	assert.throws(() => regexMatcher('[unclosed'), SyntaxError);
});
