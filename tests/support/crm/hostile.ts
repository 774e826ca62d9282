/** A caller whose CRM record is hostile: markup in names, values of the wrong types, thousands of deals. */
export const HOSTILE_NUMBER = '+74951112299';

/** Marks a page as attacked if any hostile markup ever runs or renders. */
export const PWNED = 'pwned';

/** Bitrix24 rows for {@link HOSTILE_NUMBER}, in Bitrix24's field names but with hostile values. */
export function hostileBitrix(): {
  contact: Record<string, unknown>;
  deals: Array<Record<string, unknown>>;
  tasks: Array<Record<string, unknown>>;
} {
  return {
    contact: {
      ID: '66',
      NAME: `<img src=x onerror="document.title='${PWNED}'">`,
      SECOND_NAME: 12345,
      LAST_NAME: `<script>document.title='${PWNED}'</script>${'Я'.repeat(5000)}`,
      POST: { nested: 'object' },
      COMPANY_ID: null,
      COMMENTS: ['not', 'a', 'string'],
      PHONE: [{ ID: '1', VALUE_TYPE: 'WORK', VALUE: HOSTILE_NUMBER, TYPE_ID: 'PHONE' }, 'garbage', null],
      EMAIL: 'not a list',
    },
    deals: Array.from({ length: 3000 }, (_, i) => ({
      ID: String(10_000 + i),
      TITLE: i === 0 ? `javascript-link <a href="javascript:document.title='${PWNED}'">x</a>` : `<b>Deal ${i}</b>`,
      STAGE_ID: i % 2 ? 'NEW' : { bad: true },
      OPPORTUNITY: i * 1.5,
      CURRENCY_ID: 'RUB',
      CONTACT_ID: '66',
    })),
    tasks: [{ id: 'x', title: null, status: 3, deadline: { a: 1 }, ufCrmTask: ['C_66'] }],
  };
}
