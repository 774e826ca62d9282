import type { SipAccount } from '../settings/schema';
import type { EngineApi } from './api';

/** A command for the engine, as carried by any channel (without its routing field). */
export type EngineCommand =
  | { type: 'configure'; account: SipAccount | null }
  | { type: 'getState' }
  | { type: 'prepareCall' }
  | { type: 'dial'; number: string }
  | { type: 'answer' | 'reject' | 'hangup' | 'getStats'; callId: string }
  | { type: 'testConnection'; account: SipAccount };

/** Engine command names a page may send straight through (state and settings stay with the background). */
export const PAGE_ENGINE_COMMANDS = [
  'prepareCall',
  'dial',
  'answer',
  'reject',
  'hangup',
  'getStats',
  'testConnection',
] as const;

/** Runs one validated command on the engine: the one switch every channel shares. */
export async function runEngineCommand(engine: EngineApi, cmd: EngineCommand): Promise<unknown> {
  switch (cmd.type) {
    case 'configure':
      return engine.configure(cmd.account);
    case 'getState':
      return engine.getState();
    case 'prepareCall':
      return engine.prepareCall();
    case 'dial':
      return engine.dial(cmd.number);
    case 'answer':
      return engine.answer(cmd.callId);
    case 'reject':
      return engine.reject(cmd.callId);
    case 'hangup':
      return engine.hangup(cmd.callId);
    case 'getStats':
      return engine.getStats(cmd.callId);
    case 'testConnection':
      return engine.testConnection(cmd.account);
  }
}
