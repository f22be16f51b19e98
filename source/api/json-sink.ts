// What the JSON scanner (json-scanner.ts) and its sinks agree on: the kinds of value a
// slot takes, the slot and context of nothing wanted, the sink's calls, and the verdict.

import type {Buffer} from 'node:buffer';

export const wants = {string: 0x100, number: 0x200, object: 0x400, array: 0x800, other: 0x1000} as const;
/** The context of a container nobody asked for, and the slot of a value nobody wants. */
export const skip = 0;

export type JsonSink = {
	/** A member name without escapes, as raw bytes: the slot of its value. */
	key(context: number, bytes: Buffer, start: number, end: number): number;
	/** A member name that had escapes or crossed chunks, decoded. */
	keyText(context: number, text: string): number;
	element(context: number, index: number): number;
	/** A container for a slot that wants it: the context of its members. */
	open(slot: number): number;
	close(context: number): void;
	/** `entry`: the text's in the scanner's StringTable (its `last`), -1 for one it was not looked up in. */
	string(slot: number, text: string, entry: number): void;
	number(slot: number, value: number): void;
	/** A value of a kind the slot does not take (only for slots with `wants.other`). */
	other(slot: number): void;
};

export type ScanEnd = {valid: boolean; /** UTF-16 length of the decoded body. */ length: number; /** Whether the body starts like HTML (/^\s*</). */ html: boolean; /** Invalid only in that it ended before the JSON did: cut short. */ cut?: boolean};
