// The compact hot path. Most of a session document never changes, so each session keeps a
// template: its own compact rendering (UTF-8) with every time-dependent value (idle, io_activity,
// log, memory, queries, seconds_alive, state) replaced by a NUL sentinel and cut there. A request
// then copies the template pieces into the output buffer around a few fresh values. Compact output
// has no indentation, so one template serves lists and single sessions. Pretty output is rendered
// in full each time (no cache for it, to keep memory low). "Compact" here is any unindented layout
// (ctx.f: JSON_COMPACT's, or 2.2/2.5's spaced one); the links' base is part of the template too.

import {historyKey, idleSeconds, ioActivity, isStarted, secondsAlive, stateOf} from './activity.js';
import {ByteSink} from './byte-sink.js';
import {formatReal} from './jansson.js';
import {writeLog, writeMemory, writeQueries} from './session-blocks.js';
import {isDynamicMember, writeNestedMember} from './session-attributes.js';
import {writeSession, writeSessionSubset} from './session-json.js';
import type {SimSession} from './session-record.js';
import {idleText, q} from './text-cache.js';
import type {WriteContext} from './write-context.js';

/** What a template depends on besides time: started or not, the static parts' version, the links and layout. */
function templateKey(s: SimSession, ctx: WriteContext): number {
	return (isStarted(s, ctx.t) || s.stopping ? 1 : 0) + (s.renderVersion * 2) + ((ctx.layoutId ?? 0) * 2 ** 32);
}

/** What the cached log/memory/queries depend on: the history, the static version and the layout (+0.5: spaced). */
function historyCacheKey(s: SimSession, ctx: WriteContext): number {
	return historyKey(s, ctx.t) + (s.renderVersion * 0x1_0000_0000) + (ctx.f.layout === 'spaced' ? 0.5 : 0);
}

/** The sentinel is a NUL byte in the UTF-8 rendering: cut the buffer there. */
function cut(text: string): Uint8Array[] {
	const bytes = Buffer.from(text);
	const views: Uint8Array[] = [];
	let at = 0;
	for (let nul = bytes.indexOf(0); nul >= 0; nul = bytes.indexOf(0, at)) {
		views.push(bytes.subarray(at, nul));
		at = nul + 1;
	}

	views.push(bytes.subarray(at));
	return views;
}

/** Make sure the session's compact template is current (built lazily, or ahead of time). */
export function prepareTemplate(s: SimSession, ctx: WriteContext): Uint8Array[] {
	const key = templateKey(s, ctx);
	if (s.template === undefined || s.templateKey !== key) {
		s.template = cut(writeSession(s, {...ctx, template: true}, 0));
		s.templateKey = key;
	}

	return s.template;
}

/** A sparse fieldset the template path can serve: top-level names, some trimmed deeper. */
export type Fieldset = {
	/** The paths as asked, to tell one fieldset's templates from another's. */
	id: string;
	names: ReadonlySet<string>;
	/** Attributes named by deeper paths (memory/total), with all the paths that start there. */
	nested: ReadonlyMap<string, readonly string[][]>;
};

/** Append the compact rendering of a session trimmed to a fieldset: a template, as above. */
export function appendSparse(sink: ByteSink, s: SimSession, ctx: WriteContext, fieldset: Fieldset): void {
	const key = templateKey(s, ctx);
	let cached = s.sparse;
	if (cached?.key !== key || cached.fields !== fieldset.id) {
		const text = writeSessionSubset(s, {...ctx, template: true}, 0, fieldset.names, fieldset.nested);
		cached = {fields: fieldset.id, key, views: cut(text), history: undefined, historyKey: Number.NaN};
		s.sparse = cached;
	}

	const {views} = cached;
	const values = sparseValues(s, ctx, fieldset);
	sink.bytes(views[0]!);
	for (let i = 0; i < values.length; i++) {
		sink.text(values[i]!);
		sink.bytes(views[i + 1]!);
	}
}

/** The time-dependent values a fieldset keeps, in the attributes' (sorted) order. */
function sparseValues(s: SimSession, ctx: WriteContext, fieldset: Fieldset): string[] {
	const {caps, t} = ctx;
	const {names} = fieldset;
	const out: string[] = [];
	if (names.has('idle')) {
		out.push(idleText(idleSeconds(s, t, caps.idleZeroWhenBusy)));
	}

	if (caps.ioActivityAndThread && names.has('io_activity')) {
		out.push(String(ioActivity(s, t)));
	}

	out.push(...sparseHistory(s, ctx, fieldset));
	if (caps.secondsAlive && names.has('seconds_alive')) {
		out.push(formatReal(secondsAlive(s, t)));
	}

	if (names.has('state')) {
		out.push(q(stateOf(s, caps, t)));
	}

	return out;
}

/** Log, memory and queries as the fieldset keeps them; they change only with the history. */
function sparseHistory(s: SimSession, ctx: WriteContext, fieldset: Fieldset): string[] {
	const cached = s.sparse!;
	const key = historyCacheKey(s, ctx);
	if (cached.history === undefined || cached.historyKey !== key) {
		const {names, nested} = fieldset;
		const history: string[] = [];
		const block = (member: string, write: () => string): void => {
			if (names.has(member) && isDynamicMember(member, s)) {
				const paths = nested.get(member);
				history.push(paths === undefined ? write() : writeNestedMember(s, ctx, 0, member, paths) ?? '');
			}
		};

		block('log', () => writeLog(s, ctx, 0));
		if (ctx.caps.memory !== 'none') {
			block('memory', () => writeMemory(s, ctx, 0, isStarted(s, ctx.t) || s.stopping));
		}

		block('queries', () => writeQueries(s, ctx, 0));
		cached.history = history;
		cached.historyKey = key;
	}

	return cached.history;
}

/** Append the compact rendering of a session: its template with the fresh values spliced in. */
export function appendCompact(sink: ByteSink, s: SimSession, ctx: WriteContext): void {
	const template = prepareTemplate(s, ctx);
	const values = dynamicValues(s, ctx);
	sink.bytes(template[0]!);
	for (let i = 0; i < values.length; i++) {
		sink.text(values[i]!);
		sink.bytes(template[i + 1]!);
	}
}

/** The time-dependent values, in the order the writers meet them. */
function dynamicValues(s: SimSession, ctx: WriteContext): string[] {
	const {caps, t} = ctx;
	if (!caps.sortKeys) {
		return [q(stateOf(s, caps, t)), idleText(idleSeconds(s, t, false))];
	}

	const out = [idleText(idleSeconds(s, t, caps.idleZeroWhenBusy))];
	if (caps.ioActivityAndThread) {
		out.push(String(ioActivity(s, t)));
	}

	if (s.retain > 0) {
		// Log, memory and queries only change when a query arrives or completes: cache them.
		const key = historyCacheKey(s, ctx);
		if (s.history === undefined || s.historyKey !== key) {
			s.history = [];
			if (s.trace) {
				s.history.push(writeLog(s, ctx, 0));
			}

			if (caps.memory !== 'none') {
				s.history.push(writeMemory(s, ctx, 0, isStarted(s, t) || s.stopping));
			}

			s.history.push(writeQueries(s, ctx, 0));
			s.historyKey = key;
		}

		out.push(...s.history);
	} else if (s.trace) {
		out.push(writeLog(s, ctx, 0));
	}

	if (caps.secondsAlive) {
		out.push(formatReal(secondsAlive(s, t)));
	}

	out.push(q(stateOf(s, caps, t)));
	return out;
}

/**
 * Render the templates (and query histories) of the initial population ahead of the first big
 * request, a slice per turn of the event loop so requests are still served meanwhile: 100k
 * sessions take a few seconds. Unref'd, so it never keeps the process alive. Returns a canceller.
 */
export function warmUp(sessions: readonly SimSession[], context: () => WriteContext): () => void {
	let next = 0;
	let pending: NodeJS.Immediate | undefined;
	const step = (): void => {
		const ctx = context();
		const scratch = new ByteSink();
		const end = Math.min(sessions.length, next + 1000);
		for (; next < end; next++) {
			const s = sessions[next]!;
			if (!s.ended) {
				appendCompact(scratch, s, ctx);
				scratch.take();
			}
		}

		pending = next < sessions.length ? setImmediate(step).unref() : undefined;
	};

	step();
	return () => {
		if (pending) {
			clearImmediate(pending);
			pending = undefined;
		}
	};
}
