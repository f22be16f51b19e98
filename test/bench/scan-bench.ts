// node --import tsx test/bench/scan-bench.ts FILE [runs]
// The streamed read of a saved `GET /v1/sessions` body, as the list worker does it (listBody():
// 64 KiB chunks through the scanner into the reader and its columns, one StringTable shared
// from run to run as from poll to poll), next to JSON.parse of the same body. Prints the
// median CPU milliseconds of each: the machine is shared, so CPU time, not wall time.

import {readFileSync} from 'node:fs';
import {listBody} from '../../source/api/sessions-api.js';
import {StringTable} from '../../source/api/string-table.js';

const file = process.argv[2];
if (file === undefined) {
	throw new Error('usage: scan-bench.ts FILE [runs]');
}

const runs = Number(process.argv[3] ?? 9);
const body = readFileSync(file);
const chunkSize = 64 * 1024;
// Copies, as a socket delivers them: separate buffers, not views of one.
const chunks = Array.from({length: Math.ceil(body.length / chunkSize)}, (_, i) => Buffer.from(body.subarray(i * chunkSize, (i + 1) * chunkSize)));

function cpuMs(work: () => void): number {
	const before = process.cpuUsage();
	work();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

const strings = new StringTable();
let count = 0;
const scan = () => {
	const sink = listBody({host: 'bench', keyed: false}, strings);
	for (const chunk of chunks) {
		sink.write(chunk);
	}

	const {scan: end, reader} = sink.end();
	const read = reader.finish(Date.now());
	if (!end.valid || !read.ok) {
		throw new Error('the body did not read as a session list');
	}

	count = read.columns.count;
};

let parsed = 0;
const parse = () => {
	parsed = (JSON.parse(body.toString()) as {data: unknown[]}).data.length;
};

const scans: number[] = [];
const parses: number[] = [];
// Not interleaved: JSON.parse leaves a heap of garbage that the next scan would pay to collect.
for (let run = 0; run < runs; run++) {
	scans.push(cpuMs(scan));
}

for (let run = 0; run < runs; run++) {
	parses.push(cpuMs(parse));
}

console.log(`${file}: ${body.length} bytes, ${count} sessions (JSON.parse: ${parsed})`);
console.log(`scan       median ${median(scans).toFixed(0)} ms CPU  [${scans.map((ms) => ms.toFixed(0)).join(' ')}]`);
console.log(`JSON.parse median ${median(parses).toFixed(0)} ms CPU  [${parses.map((ms) => ms.toFixed(0)).join(' ')}]`);
console.log(`scan min ${Math.min(...scans).toFixed(0)} ms, JSON.parse min ${Math.min(...parses).toFixed(0)} ms`);
console.log(`ratio ${(median(scans) / median(parses)).toFixed(2)}`);
