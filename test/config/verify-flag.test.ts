// --no-tls-verify-server-cert turned verification off, and the warning said "(-n false)", a
// flag never typed. It names the flag as typed now: -n and its value, the long flag with
// `=` or a space, or its --no- form.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import meow from 'meow';
import {knownFlags} from '../../source/config/flag-spec.js';
import {readFlags, verifyFlagAsTyped, type CommandLine} from '../../source/config/flags.js';
import {buildConfig} from '../../source/config/options.js';
import {noVerifyWarning} from '../../source/config/tls.js';
import {runCli, skipWithoutBuild} from '../batch/helpers.js';

const after = ': sessiontop cannot tell MaxScale from an impostor, who would get the password.';

/** The warning for these arguments, as cli.tsx makes it. */
function warning(argv: string[]): string | undefined {
	const {flags} = meow('', {importMeta: import.meta, argv, allowUnknownFlags: true, booleanDefault: undefined, flags: knownFlags});
	const read = readFlags(flags, argv) as CommandLine;
	const config = buildConfig(read);
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	return noVerifyWarning(config, verifyFlagAsTyped(argv));
}

test('the warning names -n/--tls-verify-server-cert as typed', () => {
	const https = ['-h', 'https://mx:8989', '--once'];
	for (const [typed, argv] of [
		['--no-tls-verify-server-cert', ['--no-tls-verify-server-cert', ...https]],
		['-n false', [...https, '-n', 'false']],
		['-n 0', ['-n', '0', ...https]],
		['-n=no', ['-n=no', ...https]],
		['--tls-verify-server-cert=off', [...https, '--tls-verify-server-cert=off']],
		['--tls-verify-server-cert false', ['--tls-verify-server-cert', 'false', ...https]],
		['-sn false', ['-sn', 'false', '-h', 'mx:8989']],
	] as const) {
		assert.equal(warning([...argv]), `TLS certificate verification is off (${typed})${after}`, typed);
	}

	// After `--`, nothing is a flag; verification on: no warning.
	assert.equal(verifyFlagAsTyped(['--', '-n', 'false']), undefined);
	assert.equal(warning(['-n', 'true', ...https]), undefined);
});

test('the CLI: --no-tls-verify-server-cert is named as typed on stderr', {skip: skipWithoutBuild}, async () => {
	const run = await runCli(['--no-tls-verify-server-cert', '-h', 'https://127.0.0.1:1', '--once']);
	assert.equal(run.code, 1);
	assert.equal(run.stderr.split('\n')[0], `sessiontop: warning: TLS certificate verification is off (--no-tls-verify-server-cert)${after}`);
});
