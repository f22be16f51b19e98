// Runs inside the pseudo-terminal that test/e2e/pty.ts opens, around the
// program under test: `node pty-wrapper.mjs <program> [args…]`.
//
// It records the terminal settings (`stty -a`) before the program starts and
// after it ends, and the program's own pid and exit status, and hands them to
// the harness in OSC 7770 sequences (`ESC ] 7770 ; <json> BEL`) written to the
// terminal. A terminal ignores an OSC it does not know, so they never show on
// the screen. The program inherits the terminal as stdin, stdout and stderr and
// stays in the foreground process group, exactly as when a person runs it.
//
// Plain JavaScript (not TypeScript) so it starts fast and needs no loader.

import {spawn, spawnSync} from 'node:child_process';
import process from 'node:process';

const report = (message) => {
	process.stdout.write(`\u001B]7770;${JSON.stringify(message)}\u0007`);
};

const stty = () => {
	// Stdin is the terminal: stty reads the settings of its standard input.
	const result = spawnSync('stty', ['-a'], {stdio: ['inherit', 'pipe', 'pipe'], encoding: 'utf8'});
	return result.status === 0 ? result.stdout : `stty failed (${result.status}): ${result.stderr}`;
};

// A Ctrl-C typed while the terminal is not in raw mode reaches the whole
// foreground group: the wrapper must outlive the program to report on it.
process.on('SIGINT', () => {});

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
	process.stderr.write('pty-wrapper: no program to run\n');
	process.exit(2);
}

const sttyBefore = stty();
const child = spawn(command, args, {stdio: 'inherit'});
report({event: 'start', pid: child.pid, sttyBefore});

child.on('error', (error) => {
	report({event: 'error', message: error.message});
});

child.on('exit', (exitCode, signal) => {
	report({event: 'exit', exitCode, signal, sttyAfter: stty()});
	// Writes to a terminal are synchronous: the report is out.
	process.exit(0);
});
