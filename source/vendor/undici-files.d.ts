// Types for the two files of undici that vendor/undici.ts names (undici types its index only).

declare module 'undici/lib/dispatcher/pool.js' {
	import type {Pool} from 'undici';

	const pool: typeof Pool;
	export default pool;
}

declare module 'undici/lib/api/api-request.js' {
	import type {Dispatcher} from 'undici';

	const request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
	export default request;
}
