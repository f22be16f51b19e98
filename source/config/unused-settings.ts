// Which of the config file's settings a run reads: a batch mode leaves the monitor's own
// unread (options.ts buildConfig), so that a mistake in one is the monitor's to say.

import type {BatchMode} from './flags.js';
import type {SettingName} from './settings.js';

export const noSettings: ReadonlySet<SettingName> = new Set();

/**
 * The monitor's settings a batch mode does not use. The config file's values for them are not
 * read, so a mistake in one is the monitor's to say: `interval = 0` in [sessiontop] stopped
 * `--tsv`, a drop-in for maxctrl's, with exit 2 (QA). On the command line the view flags a
 * single print cannot honour are refused (flags.ts batchMode); the switches (--readonly,
 * --no-mouse) are taken and do nothing there, as their file keys.
 */
export function unusedSettings(batch: BatchMode | undefined): ReadonlySet<SettingName> {
	switch (batch) {
		case undefined: {
			return noSettings;
		}

		// maxctrl's columns, `connected` printed as MaxScale wrote it: no age, so no server-tz (QA).
		case 'tsv': {
			return new Set(['interval', 'sort', 'grouping', 'columns', 'readonly', 'mouse', 'serverTz']);
		}

		case 'table': {
			return new Set(['interval', 'grouping', 'readonly', 'mouse']);
		}

		case 'json': {
			return new Set(['interval', 'grouping', 'columns', 'readonly', 'mouse']);
		}

		case 'watch-json': {
			return new Set(['grouping', 'columns', 'readonly', 'mouse']);
		}
	}
}
