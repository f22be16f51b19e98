// Manual benchmark (not part of the test suite): how fast the simulator answers a big list.
//   node --import tsx test/simulator/bench.ts [sessions=100000] [apiVersion=24.02]
// The simulator runs in a child process so the client's work does not count against it.

import {fork} from 'node:child_process';
import {request} from 'undici';
import {type ApiVersion, startSimulator} from '../../source/simulator/index.js';

const sessions = Number(process.argv[2] ?? 100_000);
const apiVersion = (process.argv[3] ?? '24.02') as ApiVersion;

if (process.env['SIMULATOR_BENCH_CHILD']) {
	const started = performance.now();
	const sim = await startSimulator({port: 0, sessions, apiVersion});
	const mb = (n: number): string => (n / 1e6).toFixed(0) + ' MB';
	process.send?.({url: sim.url, startupMs: performance.now() - started});
	process.on('message', () => {
		globalThis.gc?.();
		const m = process.memoryUsage();
		process.send?.({memory: `heap ${mb(m.heapUsed)}, external ${mb(m.external + m.arrayBuffers)}, rss ${mb(m.rss)}`});
	});
} else {
	const child = fork(new URL(import.meta.url), process.argv.slice(2), {execArgv: ['--import', 'tsx', '--expose-gc'], env: {...process.env, SIMULATOR_BENCH_CHILD: '1'}});
	const next = async (): Promise<Record<string, unknown>> => new Promise(resolve => {
		child.once('message', message => {
			resolve(message as Record<string, unknown>);
		});
	});
	const memory = async (): Promise<string> => {
		const reply = next();
		child.send('memory');
		return String((await reply)['memory']);
	};

	const {url, startupMs} = await next() as {url: string; startupMs: number};
	console.log(`${sessions} sessions, ${apiVersion}: started in ${Math.round(startupMs)} ms; ${await memory()}`);
	// Let the background template warm-up finish, as it would while a monitor starts.
	await new Promise(resolve => {
		setTimeout(resolve, Math.max(2000, sessions / 10));
	});
	const authorization = 'Basic ' + Buffer.from('admin:mariadb').toString('base64');
	const queries = [
		...Array.from({length: 5}, () => '?pretty=false'),
		'',
		'?pretty=false&fields[sessions]=user,state,idle,connected,remote,io_activity,services',
		'?pretty=false&fields[sessions]=user,state,memory/total',
		`?pretty=false&filter=${encodeURIComponent('/relationships/services/data/0/id="RW-Split-Router"')}`,
		'?pretty=false&page[size]=1000&page[number]=3',
	];
	for (const query of queries) {
		const started = performance.now();
		const response = await request(`${url}/v1/sessions${query}`, {headers: {authorization}});
		let bytes = 0;
		for await (const chunk of response.body) {
			bytes += (chunk as Buffer).length;
		}

		console.log(`${Math.round(performance.now() - started).toString().padStart(6)} ms ${(bytes / 1e6).toFixed(1).padStart(7)} MB  /v1/sessions${query}`);
	}

	console.log(`after the requests: ${await memory()}`);
	child.kill();
}
