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
    ...nearDuplicateLines(manifest.split_policy.near_duplicates),
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

/** What the near-duplicate grouping did, including the pairs it could not keep together. */
function nearDuplicateLines(stats: Manifest['split_policy']['near_duplicates']): string[] {
  if (!stats) return [];
  if (stats.pairs === 0) return ['', 'No near-duplicate images were found.'];
  return [
    '',
    `Near-duplicate pairs: ${stats.pairs}; ${stats.together} share a group. ${stats.kept_apart} pairs were kept in ` +
      `different groups because joining them would make a group of more than ${stats.max_group} images; ${stats.across_splits} of those ` +
      'landed in different splits. Such pairs are photos of one product line that look alike at thumbnail size; ' +
      'look at them before trusting a test score from this export.',
  ];
}
