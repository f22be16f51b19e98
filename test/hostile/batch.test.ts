// Batch output (--once's table, --tsv, --json) fed hostile documents: in process
// through runBatch for many random documents, then the built binary
// (`node build/cli.js`) against a fault server serving a fixed hostile corpus.
// A file or a pipe may end up on a terminal (`sessiontop --once | less -R`,
// `cat sessions.tsv`), so nothing that drives one may come out, on stdout or stderr.

import {runCli as runBuilt} from '../batch/helpers.js';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {after, test} from 'node:test';
import fc from 'fast-check';
import {Client, type Answer} from '../../source/api/client.js';
import {describeStatus} from '../../source/api/errors.js';
import {runBatch, type BatchMode} from '../../source/batch/run-batch.js';
import {startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {assertSafe, checkAsync, hostileWorld, type HostileWorld} from './arbitraries.js';
import {streamViaSend} from '../helpers/stream-via-send.js';

/** Batch output is text, not a frame: no ESC at all, nor anything else unsafe. */
function assertClean(text: string, where: string): void {
	assertSafe(text, where);
	assert.ok(!text.includes('\u001B'), `${where}: an ESC in the output`);
}

function fakeClient(label: string, world: HostileWorld, failing: boolean): Client {
	const client = Object.create(Client.prototype) as Client;
	Object.defineProperty(client, 'target', {value: {origin: `http://${label}`, label}});
	const ok = (body: unknown): Answer => ({ok: true, status: 200, body: JSON.stringify(body), latencyMs: 1});
	Object.assign(client, {
		stream: streamViaSend,
		async send(_method: string, path: string, what: string): Promise<Answer> {
			if (failing) {
				return {ok: false, error: describeStatus(503, JSON.stringify({errors: [{detail: world.detail}]}), label, what), latencyMs: 1};
			}

			return ok(path.startsWith('/v1/maxscale') ? world.maxscale : world.list);
		},
		async close() {
			// Nothing to close.
		},
	});
	return client;
}

function sink(): {write(text: string): boolean; text(): string} {
	let all = '';
	return {
		write(text: string) {
			all += text;
			return true;
		},
		text: () => all,
	};
}

const modes: BatchMode[] = ['table', 'tsv', 'json'];

test('runBatch (table, tsv, json), one or two MaxScales, answers or failures: clean stdout and stderr', async () => {
	await checkAsync(
		fc.asyncProperty(hostileWorld, hostileWorld, fc.constantFrom(...modes), fc.boolean(), fc.boolean(), async (first, second, mode, several, failing) => {
			const stdout = sink();
			const stderr = sink();
			const hosts = [{entry: 'mx1:8989', client: fakeClient('mx1:8989', first, false)}];
			if (several) {
				hosts.push({entry: 'mx2:8989', client: fakeClient('mx2:8989', second, failing)});
			} else if (failing) {
				hosts[0] = {entry: 'mx1:8989', client: fakeClient('mx1:8989', first, true)};
			}

			const code = await runBatch({mode, hosts, intervalMs: 1000, stdout, stderr});
			assert.equal(code, failing ? 1 : 0);
			assertClean(stdout.text(), `${mode} stdout`);
			assertClean(stderr.text(), `${mode} stderr`);
			if (failing) {
				assert.match(stderr.text(), /^sessiontop: mx\d:8989 is unavailable \(503/);
				assert.equal(stderr.text().split('\n').length, 2, 'one line on stderr');
			}
		}),
		{numRuns: 100},
	);
});

const cliPath = fileURLToPath(new URL('../../build/cli.js', import.meta.url));
const noBuild = existsSync(cliPath) && existsSync(fileURLToPath(new URL('../../build/batch/run-batch.js', import.meta.url))) ? false : 'build/ has no batch output: run `npx tsc` first';

const servers: FaultServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

async function runCli(args: string[]) {
	return runBuilt(args, {env: {NODE_OPTIONS: ''}});
}

test('the built binary: --once, --once --tsv, --json and --tsv against a hostile MaxScale; and a hostile 503', {skip: noBuild, timeout: 30_000}, async () => {
	// A fixed corpus: the same hostile sessions every run, so a failure is reproducible.
	const worlds = fc.sample(hostileWorld, {seed: 20_240_105, numRuns: 6});
	const server = await startFaultServer({sessions: worlds.flatMap((world) => world.list.data)});
	servers.push(server);
	server.maxscaleDocument = worlds[0]!.maxscale;
	const runs = await Promise.all(
		[['--once'], ['--once', '--tsv'], ['--json'], ['--tsv']].map(async (mode) => ({mode, run: await runCli([...mode, '-h', server.label])})),
	);
	for (const {mode, run} of runs) {
		const where = `sessiontop ${mode.join(' ')}`;
		assert.equal(run.code, 0, `${where}: ${run.stderr}`);
		assert.ok(run.stdout.length > 0, `${where} printed nothing`);
		assertClean(run.stdout, `${where}: stdout`);
		assertClean(run.stderr, `${where}: stderr`);
	}

	server.set({kind: 'status', status: 503, body: JSON.stringify({errors: [{detail: worlds.map((world) => world.detail).join('')}]})});
	const failed = await runCli(['--once', '-h', server.label]);
	assert.equal(failed.code, 1);
	assertClean(failed.stderr, 'the error line');
	assert.match(failed.stderr, /is unavailable \(503/);
});
