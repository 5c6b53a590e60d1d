/**
 * Licences of the public datasets the product is developed on, by the source name an import
 * gives them (the dataset folder's name); see ../shared/data/README.md. An export carries them
 * so whoever trains on it knows what they may redistribute.
 */
const LICENCES: Record<string, string> = {
  bsdata: 'CC BY-SA 4.0 (2Obe/BSData); attribution required, derived data stays CC BY-SA',
  deeppcb:
    'MIT licence file, but the README restricts use to research (tangsanli5201/DeepPCB); treat as research only',
  'neu-det': 'no licence stated (NEU-DET, academic dataset; cite the authors); research only',
};

export const UNKNOWN_LICENCE = 'unknown, see the source';

export function licenceOf(source: string): string {
  return LICENCES[source.trim().toLowerCase()] ?? UNKNOWN_LICENCE;
}
