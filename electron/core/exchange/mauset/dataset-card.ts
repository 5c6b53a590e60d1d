import type { Manifest } from './record-schema';

function table(title: string, counts: Record<string, number>): string[] {
  const rows = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return [`### ${title}`, '', 'none', ''];
  return [
    `### ${title}`,
    '',
    '| value | count |',
    '|---|---:|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ];
}

/** DATASET_CARD.md: the manifest for people: what is in the export, where it came from, what it may be used for. */
export function datasetCard(manifest: Manifest): string {
  const { counts } = manifest;
  const lines = [
    `# ${manifest.project}: MAU-Set export`,
    '',
    `Format ${manifest.format} ${manifest.version}, written ${manifest.created} by ${manifest.generator}.`,
    `${counts.samples} images with ${counts.regions} regions; ${counts.skipped} images skipped (listed in manifest.json with the reason).`,
    manifest.options.reviewed_only
      ? 'Only images a reviewer decided are included.'
      : 'Reviewed and imported truth are both included; see the lineage below.',
    '',
    '## Splits',
    '',
    `${manifest.split_policy.method}. Target ratios: ${Object.entries(manifest.split_policy.ratios)
      .map(([k, v]) => `${k} ${Math.round(v * 100)} %`)
      .join(', ')}.`,
    '',
    ...table('Images per split', counts.splits),
    '## Content',
    '',
    ...table('Images per verdict', counts.verdicts),
    ...table('Images per domain', counts.domains),
    ...table('Regions per defect type', counts.defect_types),
    ...table('Questions per level and form', counts.levels),
    `OK images: ${manifest.ok_images}.`,
    '',
    '## Lineage',
    '',
    "How each image's truth came to be (imported: as the dataset said; confirmed / corrected / added: by a reviewer).",
    '',
    ...table('Images per correction', counts.corrections),
    '## Sources and licences',
    '',
    '| source | images | licence |',
    '|---|---:|---|',
    ...manifest.sources.map((s) => `| ${s.name} | ${s.images} | ${s.licence} |`),
    '',
    'Check each licence before redistributing the images or anything trained on them.',
    '',
  ];
  return lines.join('\n');
}
