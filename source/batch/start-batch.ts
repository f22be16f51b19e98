// Batch output started from the command line (cli.tsx): the warnings said on stderr first, a
// crash of sessiontop's own said cleanly (70), the table fitted to a terminal's width, and the
// demo's simulator closed after. Apart from cli.tsx so that the entry point stays the flags and
// the choice of a path; loaded only for batch output, as run-batch.ts is.

import process from 'node:process';
import type {Connected} from '../connect.js';
import type {BatchMode} from '../config/flags.js';
import type {Config} from '../config/options.js';
import {sanitize} from '../model/sanitize.js';

export type BatchStart = {mode: BatchMode; connected: Connected; config: Config; warnings: readonly string[]};

export async function startBatch({mode, connected, config, warnings}: BatchStart): Promise<number> {
	for (const text of warnings) {
		process.stderr.write(`sessiontop: warning: ${sanitize(text)}\n`);
	}

	const [{runBatch}, {crashText}] = await Promise.all([import('./run-batch.js'), import('../crash-text.js')]);
	// A failure of sessiontop's own (the monitor has its own: ui/run-monitor.tsx): its message
	// cleaned of anything that drives a terminal (it may quote a server's text), and 70.
	const onCrash = (error: unknown) => {
		process.stderr.write(crashText(error));
		process.exit(70);
	};

	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	const {clients, hostEntries, demo} = connected;
	try {
		return await runBatch({
			mode,
			hosts: clients.map((client, index) => ({entry: hostEntries[index] ?? client.target.label, client})),
			intervalMs: config.intervalMs,
			sort: config.sort,
			// A terminal's table fits its width (rows no longer wrap); a pipe or a file gets every
			// text whole, as scripts expect. A pty whose size was never set says 0 columns: whole.
			columns: process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined,
			...(config.columns === undefined ? {} : {shownColumns: config.columns}),
		});
	} finally {
		await demo?.close();
	}
}
