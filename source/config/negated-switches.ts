// `--no-mouse=false`, `--no-tls-verify-server-cert=yes`: a switch's `--no-` form given a value.
// meow knows `--no-mouse` alone (mouse off) but reads `--no-mouse=…` as an option of its own,
// which sessiontop then refused as unknown (QA), though the readme says the switches take a
// value after `=`. Loaded only when the command line has such a word.

import {optionName} from './flag-spec.js';
import {switchNames} from './flags.js';
import {otherBooleans, parseBoolean} from './values.js';

/**
 * The command line with each `--no-SWITCH=VALUE` written as the switch given the opposite
 * value (`--no-mouse=true` is `--mouse=false`), or one sentence when a value is no boolean.
 * Words after `--`, and `--no-` words of options that are not switches, are left as they are.
 */
export function turnNegatedSwitches(argv: readonly string[]): string[] | {error: string} {
	const end = argv.indexOf('--');
	const turned: string[] = [];
	for (const [index, token] of argv.entries()) {
		const match = end !== -1 && index > end ? null : /^--no-([^=]+)=(.*)$/s.exec(token);
		const name = match === null ? undefined : switchNames.find((each) => optionName(each) === `--${match[1]!}` || each === match[1]);
		if (match === null || name === undefined) {
			turned.push(token);
			continue;
		}

		const on = parseBoolean(match[2]!);
		if (on === undefined) {
			const flag = `--no-${match[1]!}`;
			return {error: `${flag} "${match[2]!}" is not true or false: give ${flag} alone, or ${optionName(name)}=false (${otherBooleans}).`};
		}

		turned.push(`${optionName(name)}=${String(!on)}`);
	}

	return turned;
}
