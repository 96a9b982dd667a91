/**
 * How a document passes a change on to its connections. Hocuspocus sends every update to every
 * connection of the document, the one it came from included, and encodes the frame once per
 * connection. The sender already has its change (its provider learns that the server has it
 * from the sync status reply), so the echo only costs a frame: in a live class two of every
 * answer's frames (the student's answer back to the student, the teacher's verdict back to the
 * teacher). Here the frame is encoded once and sent to every connection but the sender.
 *
 * Installed once, before the first document is created (importing this module does it).
 */
import { Document, OutgoingMessage, type Connection } from '@hocuspocus/server';

interface Broadcasting {
	handleUpdate(update: Uint8Array, origin: unknown): Document;
}

(Document.prototype as unknown as Broadcasting).handleUpdate = function (
	this: Document,
	update: Uint8Array,
	origin: unknown
): Document {
	this.callbacks.onUpdate(this, origin as Connection, update);
	const frame = new OutgoingMessage(this.name)
		.createSyncMessage()
		.writeUpdate(update)
		.toUint8Array();
	for (const connection of this.getConnections()) {
		if (connection !== origin) connection.send(frame);
	}
	return this;
};
