// A filter's regular expression, made so that no text can keep it busy.
//
// V8's regexes backtrack: `/(a+)+$/` or `/^(\w|\d)+$/` on a user name of thirty characters a
// hostile client chose ran for minutes, and nothing can stop a regex once it runs, not q nor
// SIGTERM (QA). V8 also has a linear-time engine, for a regex given the `l` flag once the
// process has it on (linear-regexp.ts turns it on for the monitor): every pattern without a
// lookaround or a backreference runs in time linear in the text. It does not take `i`, so the
// pattern's letters and the texts are both lowered instead (what `i` does, but for a few
// letters Unicode folds apart, such as the Kelvin sign).
// Where it cannot run (a lookaround, a backreference, counts past 16 in all, or the engine off), the pattern is
// refused: no check short of running it tells whether a backtracking one ends (safe-regex2,
// which looks only for a repetition inside a repeated group, passed `/^(\w|\w)*\1x$/`, which
// kept the monitor at 100 % CPU past q, Ctrl-C and SIGTERM on a 27-character user name: QA).
// What a negative lookahead is for, `!term` does.

/**
 * The pattern with its letters lowered where they match text: an escape (`\W` is not `\w`,
 * `\x4A` is a code) and a group's name are kept as written.
 */
export function loweredPattern(body: string): string {
	let out = '';
	for (let i = 0; i < body.length; i++) {
		const char = body[i]!;
		let end = i + 1;
		if (char === '\\') {
			const next = body[i + 1];
			end = next === 'c' ? i + 3 : next === 'x' ? i + 4 : next === 'u' ? i + 6 : next === 'k' && body[i + 2] === '<' ? body.indexOf('>', i) + 1 : i + 2;
		} else if (char === '(' && body.startsWith('?<', i + 1) && body[i + 3] !== '=' && body[i + 3] !== '!') {
			end = body.indexOf('>', i) + 1;
		} else {
			out += char.toLowerCase();
			continue;
		}

		// An escape or a name cut short (the regex is then invalid anyway): kept to the end.
		end = end <= i ? body.length : Math.min(end, body.length);
		out += body.slice(i, end);
		i = end - 1;
	}

	return out;
}

/** The linear-time regex of a pattern, or undefined where that engine cannot run it (or is off). */
function linear(pattern: string): RegExp | undefined {
	try {
		return new RegExp(pattern, 'l');
	} catch {
		return undefined;
	}
}

/**
 * A case-insensitive test of `body` on a text, or the sentence that says why it is refused.
 * Throws V8's SyntaxError for an invalid pattern (the filter words it).
 */
export function regexMatcher(body: string): ((text: string) => boolean) | string {
	// Checked as written first: V8's own words for an invalid pattern, not the linear engine's.
	// eslint-disable-next-line no-new -- built for the SyntaxError it throws
	new RegExp(body, 'i');
	const fast = linear(loweredPattern(body));
	return fast === undefined
		? `regex /${body}/ cannot run in linear time (a lookaround, a backreference, or a count past 16 such as {32}), and backtracking can run for minutes on some texts: write it without them (!term leaves out what a term matches; a+ for a{17,})`
		: (text) => fast.test(text.toLowerCase());
}
