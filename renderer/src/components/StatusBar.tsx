import { useConnection } from '../stores/connectionStore';
import { useProject } from '../stores/projectStore';
import { useViewer } from '../stores/viewerStore';
import { JobStatus } from './JobStatus';
import { ReviewLeft } from './ReviewLeft';
import { SaveStatus } from './SaveStatus';
import { StatusReadout } from './StatusReadout';
import { fileCaption } from '../lib/fileCaption';

const connectionText = { connected: 'connected', connecting: 'connecting…', disconnected: 'disconnected' };

function SampleFacts() {
  const detail = useViewer((s) => s.detail);
  if (!detail) return null;
  const colour = detail.channels === 1 ? 'grey' : detail.channels === 3 ? 'RGB' : `${detail.channels} ch`;
  return (
    <>
      <span className="status__item status__file" title={detail.path}>
        {fileCaption(detail.fileName, detail.relPath)}
      </span>
      <span className="status__item status__num">
        {detail.width}×{detail.height}
      </span>
      <span className="status__item">
        {detail.bitDepth}-bit {colour}
      </span>
    </>
  );
}

export function StatusBar() {
  const connection = useConnection((s) => s.state);
  const transport = useConnection((s) => s.transport);
  const inViewer = useViewer((s) => s.sampleId !== null);
  const projectDir = useProject((s) => s.project?.dir);
  return (
    <footer className="status" data-testid="status-bar">
      <div className="status__left">
        {!inViewer && projectDir && <span className="status__item status__num">{projectDir}</span>}
        {inViewer && <SampleFacts />}
        {inViewer && <StatusReadout />}
        {inViewer && <SaveStatus />}
      </div>
      <div className="status__right">
        {projectDir && <ReviewLeft />}
        <JobStatus />
        {transport === 'http' && (
          <span className={`status__item status__conn is-${connection}`} data-testid="status-connection">
            <span className="dot" aria-hidden /> {connectionText[connection]}
          </span>
        )}
      </div>
    </footer>
  );
}
