// The public face of the simulator. The monitor imports this file only at the
// `simulate` and `--demo` entry points; nothing in source/simulator imports the monitor.

export const apiVersions = ['24.02', '23.02', '22.08', '6.4', '2.5', '2.2'] as const;
export type ApiVersion = (typeof apiVersions)[number];

export type SimulatorOptions = {
	host?: string; // default 127.0.0.1
	port?: number; // default 8989; 0 = any free port
	sessions?: number; // initial population, default 200
	seed?: number; // default 1
	churn?: number; // sessions opened and closed per second, default 0
	uptimeMs?: number; // how long MaxScale has been up at the start; default 2 to 20 days, by the seed
	apiVersion?: ApiVersion; // default 24.02
	user?: string; // default admin
	password?: string; // default mariadb
	/**
	 * A read-only ("basic") REST API user besides the admin one, as `maxctrl create user NAME
	 * PASS --type=basic` makes: it may read, and every POST, PUT, DELETE or PATCH it sends is
	 * refused with 401 "Access denied", as admin.cc refuses it to Basic credentials (see auth.ts).
	 */
	basicUser?: {user: string; password: string};
	tls?: {key: string | Buffer; cert: string | Buffer}; // serve HTTPS when given
	/** Told of every request as it arrives, before it is answered (the benchmark counts a monitor's polls with it). */
	onRequest?: (method: string, url: string) => void;
	/** Wall clock in ms (default Date.now); inject one to make time-dependent values testable. */
	now?: () => number;
};

export type Simulator = {
	url: string; // e.g. http://127.0.0.1:8989
	port: number;
	apiVersion: ApiVersion;
	/** Ids currently listed, in the server's (unsorted) order. */
	sessionIds(): string[];
	/** End a session now, as if its client disconnected. Returns false when there was no such id. */
	endSession(id: string): boolean;
	/** Open one new session now; returns its id. */
	openSession(): string;
	close(): Promise<void>;
};

export {startSimulator} from './server.js';
