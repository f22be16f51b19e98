// `-h`, SESSIONTOP_HOSTS or `hosts` in the config file to the MaxScales to watch: each entry
// parsed (target.ts), the same MaxScale named twice watched once, and a mistake said as coming
// from where the list was given. Apart from options.ts, which merges every other setting.

import type {Target} from '../api/client.js';
import type {Found} from './settings.js';
import {parseTarget, sameMaxScale} from './target.js';

export type Hosts = {targets: Target[]; hostEntries: string[]; warnings: string[]};

/** `origin`: where the list was found (undefined: the default). */
export function readHosts(hostsText: string, secure: boolean, origin: Found | undefined): Hosts | {error: string} {
	const targets: Target[] = [];
	const hostEntries: string[] = [];
	// The same MaxScale twice (`-h a,a`, or `a` and `a:8989`) would list each session
	// twice, and poll it twice: it is watched once, the first time it is named.
	const repeated = new Set<string>();
	for (const entry of hostsText.split(',')) {
		const target = parseTarget(entry, secure);
		if (typeof target === 'string') {
			// `sessiontop -h` alone is htop's habit for help: here -h is the host, as in maxctrl.
			const habit = origin?.source === 'flag' && hostsText.trim() === '' ? ' (-h is the host here, as in maxctrl; --help shows the help)' : '';
			return {error: origin === undefined || origin.source === 'flag' ? target.replace(/\.$/, `${habit}.`) : `${origin.where}: ${target}`};
		}

		if (targets.some((known) => sameMaxScale(known, target))) {
			repeated.add(target.label);
			continue;
		}

		targets.push(target);
		// --tsv heads each host's block with its entry as typed, but for the spaces around it
		// (`-h 'mx1, mx2'`): those are no part of the host reached (parseTarget trims them), and
		// maxctrl, which does not trim, cannot reach ` mx2` at all, so has no heading to match.
		hostEntries.push(entry.trim());
	}

	const warnings = repeated.size === 0 ? [] : [`${origin?.where ?? '--hosts'} names ${[...repeated].join(', ')} more than once: each MaxScale is watched once.`];
	return {targets, hostEntries, warnings};
}
