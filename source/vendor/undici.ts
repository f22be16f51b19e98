// The two parts of undici the client uses: its connection pool and request(), the very
// modules its index exports (request() is what the index installs on
// Dispatcher.prototype), without the index, which also loads fetch, WebSocket, the
// caches and the mocks (~100 ms of a start). Here only re-exported (the tests run
// this); `npm run build` then writes them in this module's place as one file
// (vendor-bundles.ts), which loads in ~40 ms instead of ~57.
export {default as Pool} from 'undici/lib/dispatcher/pool.js';
export {default as request} from 'undici/lib/api/api-request.js';
