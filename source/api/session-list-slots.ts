// The member names of `GET /v1/sessions` that the list reader reads, by the container
// they are in (its context), and the slot each gives its value: which field it is for and
// which kinds of value it takes. Apart from the reader, which only says what a value does.

import {skip, wants} from './json-scanner.js';

export const Context = {Document: 1, Data: 2, Resource: 3, Attributes: 4, Memory: 5, Relationships: 6, Services: 7, ServiceData: 8, FirstService: 9, Connections: 10, Connection: 11, Queries: 12, Query: 13} as const;

/** One past the highest context: the name table's size. */
const contexts = 14;

const string = wants.string;
const number = wants.number;
const object = wants.object;
const array = wants.array;

/** The slots of the values that matter: an id, and the kinds of value each takes. */
export const slot = {
	root: 1 | object,
	data: 2 | array,
	resource: 3 | object | wants.other,
	id: 4 | string | number,
	attributes: 5 | object,
	relationships: 6 | object,
	connected: 7 | string,
	secondsAlive: 8 | number,
	state: 9 | string,
	user: 10 | string,
	remote: 11 | string,
	port: 12 | number,
	idle: 13 | number,
	ioActivity: 14 | number,
	thread: 15 | number,
	memory: 16 | object,
	total: 17 | number,
	services: 18 | object,
	serviceData: 19 | array,
	firstService: 20 | object,
	serviceId: 21 | string,
	connections: 22 | array,
	connection: 23 | object,
	server: 24 | string,
	queries: 25 | array,
	query: 26 | object,
	statement: 27 | string,
	completed: 28 | string,
	received: 29 | string,
} as const;

export const names: Partial<Record<number, Record<string, number>>> = {
	[Context.Document]: {data: slot.data},
	[Context.Resource]: {id: slot.id, attributes: slot.attributes, relationships: slot.relationships},
	[Context.Attributes]: {
		connected: slot.connected,
		seconds_alive: slot.secondsAlive,
		state: slot.state,
		user: slot.user,
		remote: slot.remote,
		port: slot.port,
		idle: slot.idle,
		io_activity: slot.ioActivity,
		thread: slot.thread,
		memory: slot.memory,
		connections: slot.connections,
		queries: slot.queries,
	},
	[Context.Connection]: {server: slot.server},
	[Context.Query]: {statement: slot.statement, completed: slot.completed, received: slot.received},
	[Context.Memory]: {total: slot.total},
	[Context.Relationships]: {services: slot.services},
	[Context.Services]: {data: slot.serviceData},
	[Context.FirstService]: {id: slot.serviceId},
};

/**
 * The same names as bytes, to match a raw name without making a string of it: per context,
 * a table of 64 places indexed by a hash of the name's length and last byte (a name list
 * whose names collide fails at load, not silently), each with the name and its slot.
 */
export const nameBytes: Array<Uint8Array | undefined> = Array.from({length: contexts << 6}, () => undefined);
export const nameSlots = new Int32Array(contexts << 6);
export const namePlace = (context: number, length: number, last: number) => (context << 6) | (((length * 3) + last) & 63);
for (const [context, byName] of Object.entries(names)) {
	for (const [name, value] of Object.entries(byName ?? {})) {
		const bytes = new TextEncoder().encode(name);
		const place = namePlace(Number(context), bytes.length, bytes.at(-1)!);
		if (nameBytes[place] !== undefined) {
			throw new Error(`session-list-slots: "${name}" collides in the name table`);
		}

		nameBytes[place] = bytes;
		nameSlots[place] = value;
	}
}

/** The slot of a member name that matters in `context`, read from its raw bytes; `skip` for any other name. */
export function slotOfName(context: number, bytes: Uint8Array, start: number, end: number): number {
	const length = end - start;
	if (length === 0) {
		return skip;
	}

	const place = namePlace(context, length, bytes[end - 1]!);
	const name = nameBytes[place];
	if (name?.length !== length) {
		return skip;
	}

	for (let i = 0; i < length; i++) {
		if (name[i] !== bytes[start + i]) {
			return skip;
		}
	}

	return nameSlots[place]!;
}

/** The context a wanted container opens: a switch, as an object keyed by these sparse numbers is a slow dictionary. */
export function opens(opened: number): number {
	switch (opened) {
		case slot.root: {
			return Context.Document;
		}

		case slot.data: {
			return Context.Data;
		}

		case slot.resource: {
			return Context.Resource;
		}

		case slot.attributes: {
			return Context.Attributes;
		}

		case slot.relationships: {
			return Context.Relationships;
		}

		case slot.memory: {
			return Context.Memory;
		}

		case slot.services: {
			return Context.Services;
		}

		case slot.serviceData: {
			return Context.ServiceData;
		}

		case slot.firstService: {
			return Context.FirstService;
		}

		case slot.connections: {
			return Context.Connections;
		}

		case slot.connection: {
			return Context.Connection;
		}

		case slot.queries: {
			return Context.Queries;
		}

		case slot.query: {
			return Context.Query;
		}

		default: {
			return skip;
		}
	}
}
