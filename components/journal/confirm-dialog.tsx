import type { RefObject } from 'preact';
import { t } from '../i18n';

/**
 * A modal question before something that deletes: its title names it, the text says what goes,
 * the confirming button says what it does; Cancel closes it. Opened with `ref.current.showModal()`.
 */
export function ConfirmDialog(props: {
  dialog: RefObject<HTMLDialogElement>;
  title: string;
  text: string;
  confirm: string;
  onConfirm: () => void;
  onClose?: () => void;
}) {
  return (
    <dialog ref={props.dialog} aria-label={props.title} onClose={props.onClose}>
      <h2>{props.title}</h2>
      <p>{props.text}</p>
      <div class="buttons">
        <button type="button" class="danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" onClick={() => props.dialog.current?.close()}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
