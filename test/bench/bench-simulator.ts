// The bench's simulator, in a child process of its own (bench.tsx forks it): its work is
// the server's, not the client's. It has a file of its own so that nothing of the
// monitor's process set-up reaches it: with the monitor's heap limit
// (source/heap-growth.ts) this process took ~1.6 s of CPU per 100k list instead of ~0.5,
// all of it taken from the two cores the client measures on.

import {startSimulator} from '../../source/simulator/index.js';
import {isListRequest, type CountLists, type ListRequested} from './app-rss.js';

let counting = false;
process.on('message', (message: CountLists) => {
	counting = message === 'count-lists';
});
const sim = await startSimulator({
	port: 0,
	sessions: Number(process.env['BENCH_SIMULATOR']),
	seed: 1,
	churn: 20,
	// For rssMb, which counts the app's polls by its list requests.
	onRequest(method, url) {
		if (counting && isListRequest(method, url)) {
			process.send?.({listRequested: true} satisfies ListRequested);
		}
	},
});
process.send?.({url: sim.url, port: sim.port});
process.on('disconnect', () => {
	void sim.close().then(() => process.exit(0));
});
