import type { CallRecord } from '../../lib/call/types';

/**
 * Reads every call record of the extension's IndexedDB store, oldest first. Runs INSIDE an
 * extension context (`evaluate(readStoredCalls)` in the service worker or an extension page), so
 * it must stay self-contained. It never creates the database (that would race Dexie's schema) and
 * never keeps it open (an open connection blocks Dexie's upgrades).
 */
export function readStoredCalls(): Promise<CallRecord[]> {
  return new Promise<CallRecord[]>((resolve, reject) => {
    const open = indexedDB.open('cti-calls');
    let created = false;
    open.onupgradeneeded = () => {
      created = true;
      open.transaction?.abort();
    };
    open.onerror = () => (created ? resolve([]) : reject(new Error(String(open.error))));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('calls')) {
        db.close();
        return resolve([]);
      }
      const req = db.transaction('calls').objectStore('calls').index('startedAt').getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result as CallRecord[]);
      };
      req.onerror = () => {
        db.close();
        reject(new Error(String(req.error)));
      };
    };
  });
}
