// The two files of undici that the client uses, imported on their own (see client.ts):
// undici's index ships types for these classes and functions, not for the files.
declare module 'undici/lib/dispatcher/pool.js' {
	import type {Pool} from 'undici';

	const PoolClass: typeof Pool;
	export default PoolClass;
}

declare module 'undici/lib/api/api-request.js' {
	import type {Dispatcher} from 'undici';

	/** `Dispatcher.prototype.request`, which undici's index installs; called here with the pool as `this`. */
	function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
	export default request;
}
