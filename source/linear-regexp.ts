// V8's linear-time regex engine (the `l` flag), which the filter's regexes run on
// (model/filter-regex.ts): a V8 flag, the process's, set before the first filter is typed.
// It changes no other regex: only those made with `l` use it.

import v8 from 'node:v8';

export function enableLinearRegExp(): void {
	v8.setFlagsFromString('--enable-experimental-regexp-engine');
}
