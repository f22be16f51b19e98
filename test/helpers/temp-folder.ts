// Folders for a test's files under the system's temporary folder, removed when the test
// file's process ends (each test file runs in a process of its own): a run of the suite
// used to leave a score of them behind in /tmp, and a CI machine would gather them for ever.

import {mkdtempSync, rmSync} from 'node:fs';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

const made = new Set<string>();

function remember(folder: string): string {
	if (made.size === 0) {
		process.once('exit', () => {
			for (const each of made) {
				try {
					rmSync(each, {recursive: true, force: true});
				} catch {
					// A folder a test made unreadable (the permission tests) is left, not a failed run.
				}
			}
		});
	}

	made.add(folder);
	return folder;
}

/** A new empty folder named `prefix` and six random characters. */
export async function tempFolder(prefix = 'sessiontop-'): Promise<string> {
	return remember(await mkdtemp(path.join(tmpdir(), prefix)));
}

export function tempFolderSync(prefix = 'sessiontop-'): string {
	return remember(mkdtempSync(path.join(tmpdir(), prefix)));
}
