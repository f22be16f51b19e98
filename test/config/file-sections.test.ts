// The config file's sections as an editor may leave them: a byte-order mark before
// `[maxctrl]` (Windows editors write one), which ini reads as part of a key and so drops
// the section whole, and a section named in the wrong case (`[MaxCtrl]`), which ini and
// maxctrl read as another section. Before, both ran with the default user and password.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {readConfigFile} from '../../source/config/config-file.js';
import {loadConfig} from '../../source/config/options.js';
import type {Simulator} from '../../source/simulator/index.js';
import {assertOneLine, runCli, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';

function write(dir: string, name: string, text: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, text, {mode: 0o600});
	return file;
}

const bom = '\uFEFF';

test('a byte-order mark before [maxctrl] is no part of the file', (t) => {
	const home = tempDir(t);
	const file = write(home, '.maxctrl.cnf', `${bom}[maxctrl]\nuser = mon\npassword = pw\n\n[sessiontop]\nreadonly = true\n`);
	const config = loadConfig({}, {}, home);
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	assert.equal(config.user, 'mon');
	assert.equal(config.password, 'pw');
	assert.equal(config.readonly, true);
	assert.equal(config.where.user, `user in [maxctrl] of ${file}`);
	// Line numbers still count from the file's first line.
	const read = readConfigFile(write(home, 'twice.cnf', `${bom}[maxctrl]\nu = a\nu = b\n`), '-c');
	assert.ok(!read.ok);
	assert.match(read.error, /\(lines 2 and 3\)/);
	// A mark alone before [sessiontop] too.
	const own = readConfigFile(write(home, 'own.cnf', `${bom}[sessiontop]\ninterval = 3s\n`), '-c');
	assert.ok(own.ok && own.file?.sessiontop['interval'] === '3s');
});

test('a section named in the wrong case is named, with the right name', (t) => {
	const home = tempDir(t);
	const only = write(home, 'only.cnf', '[MaxCtrl]\nuser = mon\n');
	const result = readConfigFile(only, '-c');
	assert.ok(!result.ok);
	assert.equal(result.error, `the config file ${only} has no [maxctrl] or [sessiontop] section, only [MaxCtrl] (section names are case-sensitive): name it [maxctrl].`);

	const both = write(home, 'both.cnf', '[MAXCTRL]\nuser = mon\n[SessionTop]\nreadonly\n');
	const bothResult = readConfigFile(both, '-c');
	assert.ok(!bothResult.ok);
	assert.match(bothResult.error, /only \[MAXCTRL\] and \[SessionTop\] \(section names are case-sensitive\): name them \[maxctrl\] and \[sessiontop\]\.$/);

	// Beside the right one, the other is warned about: its settings would go unread.
	const beside = write(home, 'beside.cnf', '[maxctrl]\nuser = mon\n[SessionTop]\nreadonly\n');
	const besideResult = readConfigFile(beside, '-c');
	assert.ok(besideResult.ok);
	assert.deepEqual(besideResult.warnings, [`[SessionTop] in ${beside} is ignored, as section names are case-sensitive: name it [sessiontop].`]);

	// Two sections of one name but for case: the exact one is read, the other warned about, as the
	// readme says (QA: a `user` under [MaxCtrl] beside [maxctrl] went unread without a word).
	const exactFile = write(home, 'exact.cnf', '[MaxCtrl]\nuser = other\n[maxctrl]\nuser = mon\n[sessiontop]\nreadonly\n[SessionTop]\nmouse\n');
	const exact = readConfigFile(exactFile, '-c');
	assert.ok(exact.ok);
	assert.equal(exact.file?.maxctrl['user'], 'mon');
	assert.deepEqual(exact.warnings, [
		`[MaxCtrl] in ${exactFile} is ignored, as section names are case-sensitive: move its lines into [maxctrl].`,
		`[SessionTop] in ${exactFile} is ignored, as section names are case-sensitive: move its lines into [sessiontop].`,
	]);
});

let sim: Simulator;
before(async () => {
	sim = await simulator({basicUser: {user: 'mon', password: 'monpw'}});
});

after(async () => {
	await sim.close();
});

test('the built CLI with a BOM before [maxctrl]: its user and password are the ones sent', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const host = `127.0.0.1:${sim.port}`;
	write(home, '.maxctrl.cnf', `${bom}[maxctrl]\nuser = mon\npassword = not-the-password\n\n[sessiontop]\nreadonly = true\n`);
	const wrong = await runCli(['-h', host, '--tsv'], {home});
	assert.equal(wrong.code, 1, wrong.stderr);
	assert.equal(wrong.stdout, '');
	assert.match(assertOneLine(wrong.stderr, 'not-the-password'), /refused the credentials \(401/);

	write(home, '.maxctrl.cnf', `${bom}[maxctrl]\nuser = mon\npassword = monpw\n`);
	const right = await runCli(['-h', host, '--tsv'], {home});
	assert.equal(right.code, 0, right.stderr);
	assert.equal(right.stdout.split('\n').length, 7);

	// A [MaxCtrl] beside it: the run goes on, with the warning on stderr.
	const file = write(home, '.maxctrl.cnf', '[MaxCtrl]\nuser = x\n[maxctrl]\nuser = mon\npassword = monpw\n');
	const beside = await runCli(['-h', host, '--tsv'], {home});
	assert.equal(beside.code, 0, beside.stderr);
	assert.equal(beside.stdout.split('\n').length, 7);
	assert.equal(beside.stderr, `sessiontop: warning: [MaxCtrl] in ${file} is ignored, as section names are case-sensitive: move its lines into [maxctrl].\n`);
});
