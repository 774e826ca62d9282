import { useEffect, useState } from 'preact/hooks';

/** Microphone permission of the extension's origin: granted, denied, prompt, or unknown. */
export type MicPermission = PermissionState | 'unknown';

/** Follows the microphone permission; the dialer warns while it is not granted. */
export function useMicPermission(): MicPermission {
  const [state, setState] = useState<MicPermission>('unknown');
  useEffect(() => {
    let status: PermissionStatus | undefined;
    const update = () => status && setState(status.state);
    navigator.permissions
      .query({ name: 'microphone' })
      .then((s) => {
        status = s;
        update();
        s.addEventListener('change', update);
      })
      .catch(() => setState('unknown'));
    return () => status?.removeEventListener('change', update);
  }, []);
  return state;
}
