// Where the user and the password sent came from, for the sentence of a 401: "check --user
// and --password" sent an operator whose credentials were in ~/.maxctrl.cnf or a variable
// after options never given. Named as the TLS files' sentences name theirs (Config.where):
// the flag, the variable, or the key, section and file; the user tried, never the password.

import {sanitize} from '../model/sanitize.js';
import type {Config} from './options.js';

/** How a password asked for (an empty -p or `p =`) came: typed at the prompt, or stdin's first line. */
export type Asked = 'prompt' | 'stdin';

// ini ends a value at an unquoted `#` or `;`, so `p = Mx#2024;prod` sends `Mx`: a 401 is the
// only sign of it, and the file's password cannot be shown to tell.
const commentNote = 'a # or ; in a value starts a comment unless quoted';

function passwordOrigin(config: Pick<Config, 'sources' | 'where'>, asked: Asked | undefined): string {
	if (asked !== undefined) {
		const where = config.where.password ?? '--password';
		return asked === 'prompt' ? `the password typed at the prompt (${where} is empty)` : `the password on stdin's first line (${where} is empty)`;
	}

	switch (config.sources.password) {
		case 'file': {
			return `the password (${config.where.password!}; ${commentNote})`;
		}

		case 'default': {
			return 'the default password (none was given: give -p)';
		}

		default: {
			return `the password (${config.where.password!})`;
		}
	}
}

/**
 * What a 401 tells the operator to check, after "check ": the user tried and where it and the
 * password came from. `asked`: how the password came when it was asked for.
 */
export function credentialsOrigin(config: Pick<Config, 'user' | 'sources' | 'where'>, asked?: Asked): string {
	const user = `the user "${sanitize(config.user)}" (${config.where.user ?? 'the default: give -u'})`;
	return `${user} and ${passwordOrigin(config, asked)}`;
}
