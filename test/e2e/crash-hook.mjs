// Loaded with `node --import ./test/e2e/crash-hook.mjs build/cli.js …` by
// crash.test.ts: it crashes the program on purpose, from outside its code, the
// way a bug would, so the test can see what the terminal is left with.
//
//   SESSIONTOP_CRASH_AFTER_MS  how long after the monitor first draws its list
//                              (a row under the cursor, `▶`) to crash: 1500 ms
//   SESSIONTOP_CRASH_KIND      exception (default): an uncaught exception in a timer
//                              rejection: an unhandled promise rejection
//                              render: an exception thrown by a component while
//                              React renders it (see crash-loader.mjs)
//
// Counting from the first drawn list, not from the start, keeps a slow start
// (a loaded machine) from crashing the program before there is a screen to
// restore. If no list is ever drawn, it crashes 15 s after the start anyway.
//
// Plain JavaScript, so it needs no loader. The timers are unref'd: a program
// that quits sooner is not kept alive by them.

import {register} from 'node:module';
import process from 'node:process';

const afterMs = Number(process.env['SESSIONTOP_CRASH_AFTER_MS'] ?? 1500);
const kind = process.env['SESSIONTOP_CRASH_KIND'] ?? 'exception';

if (kind === 'render') {
	register('./crash-loader.mjs', import.meta.url);
}

let armed = false;
const crash = () => {
	if (kind === 'render') {
		// The next render of the footer throws (the list redraws at every poll).
		globalThis.sessiontopCrashRender = true;
		return;
	}

	if (kind === 'rejection') {
		void Promise.reject(new Error('crash-hook: a deliberate unhandled rejection'));
		return;
	}

	throw new Error('crash-hook: a deliberate uncaught exception');
};

const arm = () => {
	if (!armed) {
		armed = true;
		setTimeout(crash, afterMs).unref();
	}
};

const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
	if (!armed && String(chunk).includes('▶')) {
		arm();
	}

	return write(chunk, ...rest);
};

setTimeout(arm, 15_000 - afterMs).unref();
