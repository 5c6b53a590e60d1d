import { useProject } from '../stores/projectStore';

/** Where the person is: the open project (its folder on hover) ▸ the screen. */
export function ProjectCrumbs({ place }: { place: string }) {
  const project = useProject((s) => s.project);
  return (
    <nav className="crumbs" aria-label="Location">
      <span className="crumbs__project" title={project?.dir}>
        {project?.name}
      </span>
      <span className="crumbs__sep">▸</span>
      <span>{place}</span>
    </nav>
  );
}
