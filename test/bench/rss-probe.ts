// node --import tsx test/bench/rss-probe.ts [sessions] [rounds]
// The bench's rssMb alone, several times: the built CLI in a pseudo-terminal, its resident
// memory as its 11th list request arrives. For trying a change without the whole bench.

import {appRssMb} from './app-rss.js';
import {forkSimulator} from './fork-simulator.js';

const sessions = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
const {child, port} = await forkSimulator(sessions);
const values: number[] = [];
for (let round = 0; round < rounds; round++) {
	// eslint-disable-next-line no-await-in-loop
	values.push(await appRssMb(child, port));
}

console.log(`rssMb after 10 polls: ${values.join(', ')}`);
child.kill();
