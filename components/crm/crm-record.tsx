import type { CrmRecord, RelatedGroup } from '../../providers/crm/types';
import { keyOf, t } from '../i18n';

/** A field's label: the translated one for known keys, else the CRM's own label. */
function fieldLabel(key: string, label: string): string {
  const k = keyOf('crmField', key);
  const translated = t(k);
  return translated === k ? label : translated;
}

/** A record's name, a link to it in the CRM when it has an address. */
export function RecordLink(props: { title: string; url?: string | undefined; class?: string }) {
  return props.url ? (
    <a class={props.class} href={props.url} target="_blank" rel="noopener noreferrer">
      {props.title}
    </a>
  ) : (
    <span class={props.class}>{props.title}</span>
  );
}

/** Who is calling: name (linked), company, and the fields the admin chose. All CRM text is rendered as text. */
export function CallerRecord(props: { record: CrmRecord }) {
  const r = props.record;
  return (
    <div class="crm-record">
      <RecordLink class="crm-name" title={r.title} url={r.url} />
      {r.subtitle && <div class="crm-subtitle">{r.subtitle}</div>}
      {r.fields.length > 0 && (
        <dl class="crm-fields">
          {r.fields.map((f) => (
            <div key={f.key}>
              <dt>{fieldLabel(f.key, f.label)}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** Related records grouped by kind ("Deals (2)"), each linking to the CRM. */
export function RelatedGroups(props: { groups: RelatedGroup[] }) {
  return (
    <>
      {props.groups.map((g) => {
        const heading = t(keyOf('crmKindPlural', g.kind));
        return (
          <section class="crm-group" key={g.kind} aria-label={heading}>
            <h3>
              {heading} ({g.more ? `${g.items.length}+` : g.items.length})
            </h3>
            <ul>
              {g.items.map((i) => (
                <li key={i.id}>
                  <RecordLink title={i.title} url={i.url} />
                  {i.detail && <span class="crm-detail"> · {i.detail}</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
