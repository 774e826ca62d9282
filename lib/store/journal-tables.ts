import type { StoredCall } from './stored-call';

/** A call recording made by the extension, linked to its call. */
export interface RecordingEntry {
  id: string;
  callId: string;
  createdAt: number;
  mimeType: string;
  /** Bytes, for the space view. */
  size: number;
  durationMs: number;
  blob: Blob;
}

/** A callback the agent asked to be reminded of (an alarm of the same id fires at `when`). */
export interface ReminderEntry {
  id: string;
  when: number;
  /** What to dial: E.164 where known. */
  number: string;
  name: string;
  createdAt: number;
}

/** A call deleted a moment ago, kept until its undo window has passed. */
export interface TrashEntry {
  id: string;
  /** One delete action: undo restores the whole batch. */
  batch: string;
  deletedAt: number;
  call: StoredCall;
}
