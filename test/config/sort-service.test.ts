// `--sort service`: from the command line as meow hands it over, and from the config
// file, to the monitor's options, as every other sort key.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import meow from 'meow';
import {knownFlags} from '../../source/config/flag-spec.js';
import {readFlags} from '../../source/config/flags.js';
import {buildConfig, monitorOptions, parseSort, type Config} from '../../source/config/options.js';

function configOf(argv: string[]): Config | {error: string} {
	const flags = readFlags(meow('', {importMeta: import.meta, argv, allowUnknownFlags: true, booleanDefault: undefined, flags: knownFlags}).flags, argv);
	assert.ok(!('error' in flags), 'error' in flags ? flags.error : '');
	return buildConfig(flags);
}

function sortOf(argv: string[]) {
	const config = configOf(argv);
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	return monitorOptions(config).sort;
}

test('--sort service, "service desc", -service, on the command line', () => {
	assert.deepEqual(sortOf(['--sort', 'service']), {key: 'service', descending: false});
	assert.deepEqual(sortOf(['--sort', 'service desc']), {key: 'service', descending: true});
	assert.deepEqual(sortOf(['--sort=-service']), {key: 'service', descending: true});
	assert.deepEqual(sortOf(['--sort', 'Service ASC']), {key: 'service', descending: false});
	assert.deepEqual(parseSort(' SERVICE desc '), {key: 'service', descending: true});
});

test('sort = service desc in [sessiontop]', () => {
	const config = buildConfig({}, {file: {path: '/home/u/.maxctrl.cnf', maxctrl: {}, sessiontop: {sort: 'service desc'}}});
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	assert.deepEqual(config.sort, {key: 'service', descending: true});
	assert.equal(config.sources.sort, 'file');
});

test('a sort that is none names service among the ones there are', () => {
	const config = configOf(['--sort', 'services']);
	assert.ok('error' in config);
	assert.equal(
		config.error,
		'--sort "services" is not a sort (service?): use one of id, user, client, service, server, state, age, idle, memory, io, maxscale, running, statement, then desc to reverse it (e.g. "idle desc").',
	);
});

test('a mistyped sort is named with the one it likely meant; one that says the order twice is refused (QA: `sort = -idle desc` read as idle desc)', () => {
	const typo = configOf(['--sort', 'idel']);
	assert.ok('error' in typo);
	assert.match(typo.error, /^--sort "idel" is not a sort \(idle\?\): /);
	for (const text of ['-idle desc', '- idle asc']) {
		const twice = buildConfig({}, {file: {path: '/home/u/.maxctrl.cnf', maxctrl: {}, sessiontop: {sort: text}}});
		assert.ok('error' in twice, text);
		assert.match(twice.error, /says the order twice: write -idle or "idle desc" for the largest first, idle for the smallest\.$/);
	}

	// Each alone is as before.
	for (const text of ['-idle', 'idle desc', 'idle asc', 'idle']) {
		assert.ok(!('error' in buildConfig({}, {file: {path: '/home/u/.maxctrl.cnf', maxctrl: {}, sessiontop: {sort: text}}})), text);
	}
});
