import * as z from 'zod/mini';
import { callRecordSchema } from '../call/types';
import { registrationStateSchema } from './registration';

/** Everything the UI needs from the engine: registration and the calls it holds now. */
export const engineStateSchema = z.object({
  registration: registrationStateSchema,
  calls: z.array(callRecordSchema).check(z.maxLength(16)),
});
/** A snapshot of the engine. */
export type EngineState = z.infer<typeof engineStateSchema>;

/** Result of "Test connection": registered, or why not. */
export const testResultSchema = z.object({
  ok: z.boolean(),
  error: z.optional(z.enum(['auth', 'unreachable', 'rejected', 'timeout', 'bad-config'])),
  sipCode: z.optional(z.number()),
});
/** Result of a connection test. */
export type TestResult = z.infer<typeof testResultSchema>;

/** Media counters of a connected call (from RTCPeerConnection stats). */
export const callStatsSchema = z.object({
  bytesReceived: z.number(),
  bytesSent: z.number(),
  packetsReceived: z.number(),
  packetsSent: z.number(),
  audioLevel: z.number(),
  /** The ringtone is sounding for this call (its audio is running, not blocked or stopped). */
  ringtone: z.boolean(),
});
/** Media counters of a call, and whether its ringtone sounds. */
export type CallStats = z.infer<typeof callStatsSchema>;
