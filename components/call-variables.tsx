import type { CallRecord } from '../lib/call/types';
import { t } from './i18n';

/** What the PBX passed about an incoming call (queue, IVR choices): shown as text, when present. */
export function CallVariables(props: { call: CallRecord }) {
  const vars = props.call.variables ?? [];
  if (vars.length === 0) return null;
  return (
    <dl class="call-variables" aria-label={t('callVariables')}>
      {vars.map((v, i) => (
        <div key={i}>
          <dt>{v.name}</dt>
          <dd>{v.value}</dd>
        </div>
      ))}
    </dl>
  );
}
