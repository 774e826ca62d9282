import type { SipAccount } from '../settings/schema';
import type { DialReply } from '../protocol/offscreen';
import type { CallStats, EngineState, TestResult } from './state';

/**
 * What the telephony engine offers, wherever it runs: the offscreen document on Chrome/Edge
 * (reached by messages) or the background page on Firefox (called directly).
 */
export interface EngineApi {
  /** Registers with this account (null: unregister). The same account again keeps calls up. */
  configure(account: SipAccount | null): Promise<void>;
  /**
   * The agent is about to dial (typing a number): open the microphone and gather ICE now, so the
   * click sends the INVITE at once. Released by itself if no call follows.
   */
  prepareCall(): Promise<void>;
  /** Places a call; resolves as soon as the INVITE is on its way. */
  dial(number: string): Promise<DialReply>;
  answer(callId: string): Promise<void>;
  reject(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  getState(): Promise<EngineState>;
  getStats(callId: string): Promise<CallStats | null>;
  /** Tries to register with an unsaved account and reports the result in a form for words. */
  testConnection(account: SipAccount): Promise<TestResult>;
}
