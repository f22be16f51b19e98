// The terminal is the operator's: we take the alternate screen and hand the
// normal one back exactly as it was, however we leave (q, Ctrl-C, SIGTERM,
// SIGHUP when an SSH link drops, or a crash).

const enter = '\u001B[?1049h\u001B[H\u001B[2J';
// Show the cursor, leave the alternate screen.
const leave = '\u001B[?25h\u001B[?1049l';

export type Screen = {restore(): void};

export function takeScreen(stdout: NodeJS.WriteStream): Screen {
	stdout.write(enter);
	let restored = false;
	return {
		restore() {
			if (restored) {
				return;
			}

			restored = true;
			if (process.stdin.isTTY) {
				try {
					process.stdin.setRawMode(false);
				} catch {}
			}

			stdout.write(leave);
		},
	};
}
