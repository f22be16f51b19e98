// Preloaded with `node --import` by heap-growth.test.ts: every V8 flag the process
// sets at run time is appended, one a line, to the file named by V8_FLAG_LOG.
// node:v8's default export is the very object the program imports, so this wraps
// the function it calls.
import {appendFileSync} from 'node:fs';
import process from 'node:process';
import v8 from 'node:v8';

const log = process.env.V8_FLAG_LOG;
const setFlags = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (flags) => {
	appendFileSync(log, `${flags}\n`);
	setFlags(flags);
};
