// A value that is a duration or a size, only out of range, is told so with the range,
// for every duration and size setting, wherever it was set: `--interval 2h` is a
// duration, two hours too long, not "not a duration"; `--max-body 5T` is a size.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDuration} from '../../source/config/duration.js';
import {buildConfig, type Config} from '../../source/config/options.js';
import type {ConfigFile} from '../../source/config/config-file.js';

function error(config: Config | {error: string}): string {
	assert.ok('error' in config, 'refused');
	return config.error;
}

const interval = 'give a duration from 0.5s to 60s (e.g. 2s, 500ms).';
const timeout = 'give a duration from 1ms to 60m (e.g. 10000, 10s, 500ms).';

test('durations in hours, days and compounds are read', () => {
	assert.equal(parseDuration('2h', 's'), 7_200_000);
	assert.equal(parseDuration('1d', 'ms'), 86_400_000);
	assert.equal(parseDuration('1h30m', 'ms'), 5_400_000);
	assert.equal(parseDuration('1m 30s', 's'), 90_000);
	assert.equal(parseDuration('1m30s500ms', 's'), 90_500);
	assert.equal(parseDuration(' -5s ', 's'), -5000);
	assert.equal(parseDuration('9'.repeat(400), 's'), Infinity);
	for (const text of ['', 'soon', '1h30', 'h', '1 h x', '--1s', '1.2.3s', '-']) {
		assert.equal(parseDuration(text, 's'), undefined, JSON.stringify(text));
	}
});

test('a duration out of range says the range, from the flag, the environment or the file', () => {
	const file: ConfigFile = {path: '/home/u/.maxctrl.cnf', maxctrl: {t: '2d'}, sessiontop: {interval: '1h'}};
	assert.equal(error(buildConfig({interval: '2h'})), `--interval "2h" is out of range: ${interval}`);
	assert.equal(error(buildConfig({interval: '1m30s'})), `--interval "1m30s" is out of range: ${interval}`);
	assert.equal(error(buildConfig({interval: '-1'})), `--interval "-1" is out of range (a number alone is seconds): ${interval}`);
	assert.equal(error(buildConfig({timeout: '2h'})), `--timeout "2h" is out of range: ${timeout}`);
	assert.equal(error(buildConfig({}, {env: {SESSIONTOP_TIMEOUT: '2d'}})), `SESSIONTOP_TIMEOUT ("2d") is out of range: ${timeout}`);
	assert.equal(error(buildConfig({}, {file})), `interval in [sessiontop] of /home/u/.maxctrl.cnf ("1h") is out of range: ${interval}`);
	assert.equal(error(buildConfig({interval: '1s'}, {file})), `t in [maxctrl] of /home/u/.maxctrl.cnf ("2d") is out of range: ${timeout}`);
	const config = buildConfig({timeout: '1h', interval: '1m'});
	assert.ok(!('error' in config));
	assert.equal(config.timeoutMs, 3_600_000, 'an hour is the top of -t');
	assert.equal(config.intervalMs, 60_000);
	const compound = buildConfig({timeout: '1m30s'});
	assert.ok(!('error' in compound));
	assert.equal(compound.timeoutMs, 90_000);
});

test('a size out of range says so: T and P are sizes too large, a negative one too small', () => {
	const over = 'is over the 4G an answer can be here: use e.g. 512M or 1G.';
	assert.equal(error(buildConfig({maxBody: '1T'})), `--max-body "1T" ${over}`);
	assert.equal(error(buildConfig({maxBody: '2 TiB'})), `--max-body "2 TiB" ${over}`);
	assert.equal(error(buildConfig({}, {env: {SESSIONTOP_MAX_BODY: '1PB'}})), `SESSIONTOP_MAX_BODY ("1PB") ${over}`);
	assert.equal(error(buildConfig({maxBody: '-1K'})), '--max-body "-1K" is under 1K (a number alone is bytes): use e.g. 512M or 1G.');
	assert.equal(error(buildConfig({maxBody: '1X'})), '--max-body "1X" is not a size (units K, M and G; a number alone is bytes): use e.g. 512M or 1G.');
	const half = buildConfig({maxBody: '.5G'});
	assert.ok(!('error' in half));
	assert.equal(half.maxBodyBytes, 512 * 1024 ** 2);
});
