// A failed request as the state keeps it: its kind (what the status line and the exit status go
// by), the HTTP status when there was one, and its one sentence. Made by api/errors.ts.

export type ApiErrorKind =
	| 'refused'
	| 'dns'
	| 'timeout'
	| 'tls'
	| 'reset'
	| 'auth'
	| 'forbidden'
	| 'not-found'
	| 'unavailable'
	| 'http'
	| 'html'
	| 'json'
	| 'too-large'
	| 'shape'
	| 'aborted'
	| 'network';

export type ApiError = {kind: ApiErrorKind; status?: number; message: string};
