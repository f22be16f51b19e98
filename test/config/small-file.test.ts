// QA: a device or a huge file named as the config file, a certificate or a recording was read
// until the memory ran out (4 GB in 15 s on `--tls-ca-cert /dev/zero`), or for ever. Each is now
// one sentence, at once; a pipe (`-c <(…)`) is still read.

import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {closeSync, ftruncateSync, openSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {readRecording} from '../../source/api/recording.js';
import {readConfigFile} from '../../source/config/config-file.js';
import type {Config} from '../../source/config/options.js';
import {readSmallFile, smallFileMax} from '../../source/config/small-file.js';
import {readTlsFiles} from '../../source/config/tls.js';
import {tempDir} from '../batch/helpers.js';

/** A sparse file of `bytes`: as large as that to stat, nothing on the disk. */
function sparse(file: string, bytes: number): string {
	const fd = openSync(file, 'w');
	ftruncateSync(fd, bytes);
	closeSync(fd);
	return file;
}

test('a device as the config file or a certificate is refused before any byte is read', () => {
	const config = readConfigFile('/dev/zero', '-c');
	assert.ok(!config.ok);
	assert.equal(config.error, 'the config file /dev/zero is not a regular file (a device or a socket): check -c.');
	const tls = readTlsFiles({tlsVerify: true, tlsCaCert: '/dev/urandom'} as Config);
	assert.ok(!tls.ok);
	assert.match(tls.error, /^--tls-ca-cert \/dev\/urandom is not a regular file \(a device or a socket\): give the path of the CA certificate/);
});

test('a file past 1 MiB is refused by its size, not read whole', (t) => {
	const dir = tempDir(t);
	const huge = sparse(path.join(dir, 'huge.cnf'), 2 * 1024 * 1024 * 1024);
	const config = readConfigFile(huge, '-c');
	assert.ok(!config.ok);
	assert.equal(config.error, `the config file ${huge} is larger than 1 MiB, more than such a file ever is: check -c.`);
	const tls = readTlsFiles({tlsVerify: true, tlsCert: sparse(path.join(dir, 'huge.pem'), smallFileMax + 1), tlsKey: huge} as Config);
	assert.ok(!tls.ok);
	assert.match(tls.error, /is larger than 1 MiB/);
	// Up to the bound, read whole.
	const full = path.join(dir, 'full.cnf');
	writeFileSync(full, `[maxctrl]\nhosts = mx:8989\n#${'x'.repeat(smallFileMax - 30)}\n`);
	assert.ok(readSmallFile(full).length <= smallFileMax);
	assert.equal(readConfigFile(full, '-c').ok, true);
});

test('a pipe is read, as cat would read it (-c <(…))', (t) => {
	const fifo = path.join(tempDir(t), 'pipe.cnf');
	execFileSync('mkfifo', [fifo]);
	// The writer in a process of its own: opening a FIFO to read waits for one.
	spawn('sh', ['-c', `printf '[maxctrl]\\nhosts = mx:8989\\n' > '${fifo}'`], {stdio: 'ignore'});
	const read = readConfigFile(fifo, '-c');
	assert.ok(read.ok, read.ok ? '' : read.error);
	assert.equal(read.file?.maxctrl['hosts'], 'mx:8989');
});

test('--replay of a device says so at once, instead of reading NULs until killed', async () => {
	assert.equal(await readRecording('/dev/zero'), '/dev/zero is a device, not a recording: name a file --record made.');
});
