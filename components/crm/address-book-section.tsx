import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { parseAddressBook } from '../../lib/crm/address-book-import';
import { CrmDb } from '../../lib/store/crm-db';
import { t } from '../i18n';
import { request } from '../page-request';

/** The local address book: how many entries it has, and import from CSV or vCard. */
export function AddressBookSection() {
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    const db = new CrmDb();
    const sub = liveQuery(() => db.contacts.count()).subscribe({ next: setCount, error: () => setCount(null) });
    return () => sub.unsubscribe();
  }, []);
  const importFile = async (file: File) => {
    let rows;
    try {
      rows = parseAddressBook(file.name, await file.text());
    } catch (e) {
      return setStatus({ ok: false, text: t('crmImportUnreadable', e instanceof Error ? e.message : String(e)) });
    }
    const reply = (await request({ type: 'crmImport', rows }).catch(() => null)) as {
      imported: number;
      skippedCount: number;
      skipped: Array<{ row: number }>;
    } | null;
    if (!reply) return setStatus({ ok: false, text: t('errEngine') });
    const skipped = reply.skippedCount
      ? ` ${t('crmImportSkipped', String(reply.skippedCount), String(reply.skipped[0]?.row ?? ''))}`
      : '';
    setStatus({ ok: reply.imported > 0, text: `${t('crmImported', String(reply.imported))}${skipped}` });
  };
  return (
    <div class="address-book">
      <p class="hint">{t('crmAddressBookIntro')}</p>
      {count !== null && <p>{t('crmAddressBookCount', String(count))}</p>}
      <label for="crm-import-file">{t('crmImportFile')}</label>
      <input
        id="crm-import-file"
        type="file"
        accept=".csv,.vcf,text/csv,text/vcard"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void importFile(file);
        }}
      />
      {status && (
        <p class={`result ${status.ok ? 'ok' : 'bad'}`} role="status">
          {status.text}
        </p>
      )}
    </div>
  );
}
