// A tiny full-screen terminal program for testing the harness itself
// (test/e2e/pty.test.ts): it takes the terminal the way sessiontop does
// (alternate screen, hidden cursor, bracketed paste, raw input) and hands it back on `q`, or
// leaves it taken when killed with SIGKILL.
//   s: start a synchronized update and draw half a frame
//   f: finish the frame and end the synchronized update
//   q: restore the terminal and exit 0

import process from 'node:process';

const out = (text) => process.stdout.write(text);
const draw = () => {
	out(`\u001B[H\u001B[2Jready ${process.stdout.columns}x${process.stdout.rows}`);
};

process.stdin.setRawMode(true);
process.stdin.setEncoding('utf8');
out('\u001B[?1049h\u001B[?25l\u001B[?2004h');
draw();
process.stdout.on('resize', draw);
process.stdin.on('data', (key) => {
	if (key === 's') {
		out('\u001B[?2026h\u001B[2;1Hhalf');
	} else if (key === 'f') {
		out(' frame\u001B[?2026l');
	} else if (key === 'q') {
		process.stdin.setRawMode(false);
		// Writes to a terminal are synchronous: nothing is lost by exiting now.
		out('\u001B[?2004l\u001B[?25h\u001B[?1049l');
		process.exit(0);
	}
});
