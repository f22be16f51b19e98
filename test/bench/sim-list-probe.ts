// node --import tsx test/bench/sim-list-probe.ts [sessions] [rounds]
// How long the simulator takes to make one session list (the query a poll sends), in
// process, without HTTP: the server's share of every poll the bench times, which comes
// before the client has a byte. With a fixed clock, so the digest of the bodies made is the
// same from run to run: a change meant to make the simulator faster must not move it.

import {createHash} from 'node:crypto';
import {listFields} from '../../source/api/list-path.js';
import {assemble} from '../../source/simulator/body-arena.js';
import {asctime, httpDate} from '../../source/simulator/dates.js';
import {sessionList} from '../../source/simulator/documents.js';
import {fmt} from '../../source/simulator/jansson.js';
import {Population} from '../../source/simulator/population.js';
import {versionTable} from '../../source/simulator/versions.js';
import {layoutId, linkBase, type WriteContext} from '../../source/simulator/write-context.js';

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 20);
const caps = versionTable['24.02'];
// A fixed clock, so that two versions of the simulator can be compared byte for byte (the digest).
let clock = 1_800_000_000_000;
const population = new Population({seed: 1, size, churn: 20, now: () => clock, formatConnected: caps.rfc1123Connected ? httpDate : asctime});
const f = fmt(caps.http.notPretty);
const base = linkBase('http', '127.0.0.1:8989', true);
const times: number[] = [];
let bytes = 0;
const digest = createHash('sha256');
for (let i = 0; i < rounds; i++) {
	clock += 2000;
	const t = clock;
	const started = performance.now();
	population.advance(t);
	const ctx: WriteContext = {caps, f, base, slash: caps.trailingSlash ? '/' : '', t, layoutId: layoutId(base, f)};
	const {body, release} = assemble(sessionList(population.list(), ctx, {fields: [...listFields], filter: undefined, page: undefined}));
	times.push(performance.now() - started);
	bytes = body.length;
	digest.update(body);
	release();
}

const sorted = times.slice(2).sort((a, b) => a - b);
console.log(`${size} sessions, ${bytes} bytes: median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)}, first ${times[0]!.toFixed(1)}; digest ${digest.digest('hex').slice(0, 16)}`);
