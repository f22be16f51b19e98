// Finding a session of the last poll's list again in the next one (the list worker's
// rebuild, session-columns.ts, and the change tracking, changes.ts). MaxScale lists
// sessions in the same order poll after poll (by id), so a session is first looked for just
// past the last one found: a few comparisons instead of a Map look-up, a cache miss at 100k.
// Each walk is written out where it runs: as a helper taking a predicate, the closure made
// per session cost ~10 MB a poll at 100k (measured) and doubled the change tracking's time.

/** How far past the last match a session is looked for (sessions that ended in between). */
export const lookAhead = 8;
