import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {parseAmount, shownValue} from '../../source/model/filter-amount.js';
import {parseFilter} from '../../source/model/filter.js';
import {formatBytes, formatDuration} from '../../source/model/format.js';
import {session} from '../helpers/sessions.js';

// The filter reads times and sizes as the screen writes them, and compares a value with a
// unit with the column as it shows it (model/filter-amount.ts).

const matches = (text: string, fields: Parameters<typeof session>[1]) => {
	const filter = parseFilter(text);
	assert.equal(filter.error, undefined, `${text}: ${filter.error}`);
	return filter.test!(session(1, fields));
};

const operators = ['>', '>=', '<', '<=', '='] as const;

test('every duration the screen shows is a time the filter reads, in every comparison', () => {
	// Idle 1h45m: the times as written, and what each comparison says of it.
	const cases: Array<[string, number]> = [
		['1h30m', 5400], ['2d3h', 183_600], ['16d05h', 1_400_400], ['4m52s', 292], ['2m20s', 140],
		['0s', 0], ['90s', 90], ['2h', 7200], ['100d', 8_640_000], ['6300', 6300], ['1.5h', 5400],
	];
	const idle = 6300;
	for (const [text, seconds] of cases) {
		for (const operator of operators) {
			const expected = {'>': idle > seconds, '>=': idle >= seconds, '<': idle < seconds, '<=': idle <= seconds, '=': idle === seconds}[operator];
			assert.equal(matches(`idle${operator}${text}`, {idleSeconds: idle}), expected, `idle${operator}${text}`);
			assert.equal(matches(`age${operator}${text}`, {ageSeconds: idle}), expected, `age${operator}${text}`);
		}
	}
});

test('a time the filter cannot read is named, with what one looks like', () => {
	for (const text of ['1h30', '30m1h', '1h1h', 'h', '1x', '90s1m', '1,5h']) {
		assert.equal(parseFilter(`idle>=${text}`).error, `"${text}" is not a time for idle (e.g. 90, 90s, 2h, 1h30m, 2d03h)`, text);
	}

	assert.equal(parseFilter('memory>1h30m').error, '"1h30m" is not a size for memory (e.g. 70000, 512B, 64K, 1.5M)');
	assert.equal(parseFilter('io>1s').error, '"1s" is not a number for io (e.g. 0, 12, 1k)');
});

test('a time with a unit compares as the column shows it; plain seconds, exactly', () => {
	// 90.4 s of idle shows as 1m30s: it is 1m30s, not more.
	assert.equal(matches('idle=1m30s', {idleSeconds: 90.4}), true);
	assert.equal(matches('idle>1m30s', {idleSeconds: 90.4}), false);
	assert.equal(matches('idle=90s', {idleSeconds: 90.4}), true);
	assert.equal(matches('idle>90', {idleSeconds: 90.4}), true, 'in plain seconds, the exact value');
	// 1h30m59s shows as 1h30m.
	assert.equal(matches('idle<=1h30m', {idleSeconds: 5459}), true);
	assert.equal(matches('idle>1h30m', {idleSeconds: 5460}), true);
	assert.equal(matches('idle>1h', {idleSeconds: 9000}), true, 'a coarse value compares with the time shown, 2h30m');
});

test('formatDuration(x), read back by the filter, is x within the display\'s rounding, and finds it', () => {
	fc.assert(
		fc.property(fc.double({min: 0, max: 400 * 86_400, noNaN: true}), (x) => {
			const shown = formatDuration(x);
			const pick = (text: string) => matches(text, {idleSeconds: x});
			// Read back: at most x, and less than a step of its last unit below it (the column floors).
			const back = parseAmount(shown, 'time')?.value ?? Number.NaN;
			const step = x < 3600 ? 1 : x < 86_400 ? 60 : x < 100 * 86_400 ? 3600 : 86_400;
			assert.ok(back <= x && x < back + step, `${x} shown ${shown}, read as ${back}`);
			// And as a filter: the session is at that time, in every comparison.
			assert.ok(pick(`idle=${shown}`) && pick(`idle<=${shown}`) && pick(`idle>=${shown}`), `${x} shown ${shown}: =, <=, >=`);
			assert.ok(!pick(`idle<${shown}`) && !pick(`idle>${shown}`), `${x} shown ${shown}: neither above nor below itself`);
		}),
	);
});

test('a time shown later passes > the time shown earlier', () => {
	fc.assert(
		fc.property(fc.double({min: 0, max: 200 * 86_400, noNaN: true}), fc.double({min: 0, max: 200 * 86_400, noNaN: true}), (a, b) => {
			const [low, high] = a <= b ? [a, b] : [b, a];
			const later = formatDuration(high) !== formatDuration(low);
			assert.equal(matches(`idle>${formatDuration(low)}`, {idleSeconds: high}), later, `${high} vs ${formatDuration(low)}`);
			assert.equal(matches(`idle<${formatDuration(high)}`, {idleSeconds: low}), later, `${low} vs ${formatDuration(high)}`);
		}),
	);
});

test('memory with a unit compares as the column shows it: a row shown 67K is not below 67K', () => {
	// 66.6K shows as 67K; 66.4K as 66K; 9.6K as 9.6K.
	const k = 1024;
	assert.equal(formatBytes(66.6 * k), '67K');
	assert.equal(matches('memory<67K', {memoryBytes: 66.6 * k}), false);
	assert.equal(matches('memory=67K', {memoryBytes: 66.6 * k}), true);
	assert.equal(matches('memory>=67k', {memoryBytes: 66.6 * k}), true);
	assert.equal(matches('memory<67K', {memoryBytes: 66.4 * k}), true);
	assert.equal(matches('memory<10K', {memoryBytes: 9.6 * k}), true, 'shown 9.6K');
	assert.equal(matches('memory>1M', {memoryBytes: 1.4 * k * k}), true, 'shown 1.4M');
	assert.equal(matches('memory=1.2M', {memoryBytes: 1.24 * k * k}), true);
	assert.equal(matches('memory<512B', {memoryBytes: 511}), true);
	// In plain bytes, exactly, as the pane shows them.
	assert.equal(matches('memory<68608', {memoryBytes: 66.6 * k}), true);
	assert.equal(matches('memory=68198', {memoryBytes: 68_198}), true);
	fc.assert(
		fc.property(fc.integer({min: 0, max: 2 ** 42}), fc.integer({min: 0, max: 2 ** 42}), (a, b) => {
			// The column never shows a bigger size smaller; the filter agrees with it.
			const [low, high] = a <= b ? [a, b] : [b, a];
			const [shownLow, shownHigh] = [formatBytes(low), formatBytes(high)];
			assert.ok(matches(`memory=${shownHigh}`, {memoryBytes: high}), `${high} is ${shownHigh}`);
			assert.ok(!matches(`memory<${shownLow}`, {memoryBytes: high}), `${shownHigh} < ${shownLow}`);
			assert.ok(!matches(`memory>${shownHigh}`, {memoryBytes: low}), `${shownLow} > ${shownHigh}`);
		}),
	);
});

test('I/O counts take the units a narrow column writes them in (123k), never minutes', () => {
	assert.equal(matches('io>1M', {ioActivity: 500_000}), false, 'M is a million here, not 60');
	assert.equal(matches('io>=1k', {ioActivity: 1000}), true);
	assert.equal(matches('io<1k', {ioActivity: 1000}), false);
});

test('a value as shown is worked out as the column prints it: the same as printing it and reading it back', () => {
	fc.assert(
		fc.property(fc.oneof(fc.double({min: 0, max: 200 * 86_400, noNaN: true}), fc.integer({min: 0, max: 7200})), (seconds) => {
			assert.equal(shownValue(seconds, 'time'), parseAmount(formatDuration(seconds), 'time')?.value, formatDuration(seconds));
		}),
	);
	fc.assert(
		fc.property(fc.oneof(fc.integer({min: 0, max: 2_000_000}), fc.integer({min: 0, max: 2 ** 42})), (bytes) => {
			const read = parseAmount(formatBytes(bytes), 'size')?.value ?? Number.NaN;
			assert.ok(Math.abs(shownValue(bytes, 'size')! - read) <= read * 1e-9, `${bytes}: ${formatBytes(bytes)}`);
		}),
	);
});
