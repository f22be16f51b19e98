import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {helpText, simulateHelpText} from '../../source/help.js';

const description = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {description: string}).description;

// An 80-column terminal wraps a longer line mid-word (`[service` / `-state]`).
test('every line of --help and simulate --help fits 80 columns', () => {
	for (const [name, text] of [['--help', `  ${description}\n${helpText}`], ['simulate --help', simulateHelpText]] as const) {
		const wide = text.split('\n').filter((line) => line.length > 80);
		assert.deepEqual(wide, [], `${name}: lines wider than 80 columns`);
	}
});

test('simulate --help is the simulator\'s part of the help, word for word', () => {
	assert.match(simulateHelpText, /\$ sessiontop simulate \[options\]/);
	assert.doesNotMatch(simulateHelpText, /--hosts|Connection options/);
	const options = /\n {2}Simulate options\n[^]*?\n\n/.exec(simulateHelpText)?.[0];
	assert.ok(options !== undefined && helpText.includes(options), 'the same options in both');
});

// An option's name and its description one space apart read as one run of words
// (`--tls-passphrase passphrase of…`): a name too long for its column goes on its own line.
test('every option line of --help keeps two spaces between the option and its description', () => {
	// An option is `-x`/`--name` words and upper-case arguments (`FILE`); its description starts at column 21.
	const option = /^ {4}-\S*(?:,? (?:-\S+|[A-Z]+\b))*/;
	const cramped = helpText.split('\n').filter((line) => {
		const name = option.exec(line)?.[0];
		return name !== undefined && name.length < line.length && !(name.length <= 19 && /^ {2,}\S/.test(line.slice(name.length)) && line.slice(21, 22).trim() !== '');
	});
	assert.deepEqual(cramped, []);
});
