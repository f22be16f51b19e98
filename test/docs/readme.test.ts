import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {helpText} from '../../source/help.js';
import {keysTable} from '../helpers/keys-table.js';

const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');

function section(title: string): string {
	const start = readme.indexOf(`\n## ${title}\n`);
	assert.notEqual(start, -1, `readme has a "${title}" section`);
	const end = readme.indexOf('\n## ', start + 1);
	return readme.slice(start, end === -1 ? undefined : end);
}

test("the readme's Usage is the --help text, the package's description first as meow prints it", () => {
	const usage = section('Usage');
	const block = /```\n([\s\S]*?)\n```/.exec(usage)?.[1];
	const {description} = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {description: string};
	assert.equal(block, `  ${description}\n\n${helpText.replace(/^\n+|\n+$/g, '')}`);
});

test('the readme shows the two commands a newcomer needs', () => {
	assert.match(readme, /npm ci && npx sessiontop --demo/);
	assert.match(readme, /\nnpm test\n/);
});

test("the readme's Keys table is the key map", () => {
	assert.ok(section('Keys').includes(keysTable()), `readme Keys section should contain:\n${keysTable()}`);
});
