// The controlling terminal, for the password prompt when stderr is redirected: ssh and
// sudo write theirs to /dev/tty too, so that `2>log` does not hide it while the
// terminal waits for the password.

import fs from 'node:fs';
import tty from 'node:tty';

/** Where the prompt goes when stderr is no terminal; close() once the password is in. */
export type Terminal = {write(text: string): unknown; isTTY?: boolean; close(): void};

/**
 * The controlling terminal, for writing, as ssh and sudo reach it when stderr is redirected
 * (`2>log`): else the prompt would land in the file while the terminal waits. Opened without
 * O_CREAT (where there is no /dev/tty, nothing is made there) and with O_NOCTTY; undefined
 * when there is none (a daemon, Windows) or it is no terminal.
 */
export function openTerminal(): Terminal | undefined {
	let fd: number;
	try {
		fd = fs.openSync('/dev/tty', fs.constants.O_WRONLY | fs.constants.O_NOCTTY);
	} catch {
		return undefined;
	}

	if (!tty.isatty(fd)) {
		fs.closeSync(fd);
		return undefined;
	}

	return {
		isTTY: true,
		write(text: string) {
			try {
				fs.writeSync(fd, text);
			} catch {}
		},
		close() {
			try {
				fs.closeSync(fd);
			} catch {}
		},
	};
}
