import { useProject } from '../stores/projectStore';

export function RecentProjects() {
  const info = useProject((s) => s.info);
  const recent = info?.recentProjects ?? [];
  const open = useProject((s) => s.open);
  const busy = useProject((s) => s.busy);
  return (
    <section className="picker__recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="section-title">
        Recent projects
      </h2>
      {recent.length === 0 && (
        <p className="muted">None yet. Create a project in an empty folder to start.</p>
      )}
      <ul className="recent">
        {recent.map((p) => (
          <li key={p.dir}>
            <button
              type="button"
              className="recent__item"
              disabled={busy}
              onClick={() => void open(p.dir)}
              data-testid="recent-project"
            >
              <span className="recent__name">{p.name}</span>
              <span className="recent__dir">{p.dir}</span>
              <span className="recent__when">{new Date(p.openedAt).toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
