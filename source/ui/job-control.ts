// Whether Ctrl-Z has a shell to go back to. The kernel drops SIGTSTP sent to an orphaned
// process group (POSIX): one where no member has a parent in another group of the same
// session, as when sessiontop is a terminal's or tmux's own command (`tmux new sessiontop`),
// with no shell that could `fg` it. Handing the terminal back there would only flash it.

import {readFileSync} from 'node:fs';

type Stat = {parent: number; group: number; session: number; foregroundGroup: number};

/** `pid (comm) S ppid pgrp session tty_nr tpgid …`: comm may hold spaces and parentheses, so from the last `)`. */
export function parseStat(text: string): Stat {
	const [parent, group, session, , foregroundGroup] = text.slice(text.lastIndexOf(')') + 2).split(' ').slice(1, 6).map(Number);
	return {parent: parent!, group: group!, session: session!, foregroundGroup: foregroundGroup!};
}

const procStat = (pid: number | 'self') => parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/**
 * From here up to the first ancestor outside our process group: in our session, it is the
 * shell that started the job (under npx, npm is in our group and its shell above it).
 * Where /proc cannot tell (not Linux), we try the stop anyway, as before.
 */
export function hasJobControl(stat: (pid: number | 'self') => Stat = procStat): boolean {
	try {
		const self = stat('self');
		let pid = self.parent;
		for (let depth = 0; pid > 0 && depth < 64; depth++) {
			const ancestor = stat(pid);
			if (ancestor.group !== self.group) {
				return ancestor.session === self.session;
			}

			pid = ancestor.parent;
		}

		return false;
	} catch {
		return true;
	}
}

/**
 * Whether our process group has the terminal (tpgid is ours). Continued in the background
 * (`bg`, or `kill %1`, which sends SIGCONT with the SIGTERM), we must not touch it: that
 * stops us again (SIGTTOU), a SIGTERM then waits for `fg`, and frames would be drawn over
 * the shell. Where /proc cannot tell (not Linux), we assume we have it, as before.
 */
export function inForeground(stat: (pid: number | 'self') => Stat = procStat): boolean {
	try {
		const self = stat('self');
		return self.foregroundGroup === self.group;
	} catch {
		return true;
	}
}
