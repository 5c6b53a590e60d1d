import { withKey } from '../keys/hint';
import { useKeys } from '../keys/useKeys';
import { useFinetune } from './finetuneStore';

/** The way in from the dataset toolbar, and its key (F in the grid). */
export function FinetuneButton() {
  const show = useFinetune((s) => s.show);
  const running = useFinetune((s) => !!s.run && !s.run.report && !s.run.error);
  useKeys('browser', { finetune: () => show(true) });
  return (
    <button
      type="button"
      className={`btn${running ? ' is-on' : ''}`}
      onClick={() => show(true)}
      data-testid="finetune-button"
      title={withKey('Fine-tune MAU-GPT on the labels of this project', 'finetune', 'browser')}
    >
      Fine-tune{running ? ' ●' : '…'}
    </button>
  );
}
