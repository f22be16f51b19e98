import type {Session} from '../../source/model/session.js';

/** A session with just what a test cares about. */
export function session(id: string | number, fields: Partial<Session> = {}): Session {
	return {key: String(id), id: String(id), host: '', service: 'RW-Split-Router', state: 'Session started', ...fields};
}
