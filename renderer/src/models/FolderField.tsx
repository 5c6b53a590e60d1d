import { DirectoryBrowser } from '../components/DirectoryBrowser';

type Props = {
  label: string;
  folder: string;
  onFolder(folder: string): void;
  /** Prefix of the test ids: `<testId>-path` for the input, `<testId>-dirs` for the browser. */
  testId: string;
};

/** A folder typed or picked in the browser below it: the first field of both model forms. */
export function FolderField({ label, folder, onFolder, testId }: Props) {
  return (
    <>
      <label className="field">
        <span className="field__label">{label}</span>
        <input
          className="input input--mono"
          value={folder}
          onChange={(e) => onFolder(e.target.value)}
          spellCheck={false}
          autoFocus
          data-testid={`${testId}-path`}
        />
      </label>
      <DirectoryBrowser path={folder} onPath={onFolder} testId={`${testId}-dirs`} />
    </>
  );
}
