import { sizeWord } from './appearance';
import { closedItem, openItem } from './closed';
import { NO_DEFECT, preferred, type LevelContext } from './context';
import { knowledgeOf, knownTypes, raiseSeverity } from './knowledge';
import type { QaItem, QaSample } from './types';
import { mainRegion, typesOf } from './wording';

/** L5: cause, impact, severity, action, from the knowledge table; a reviewer's analysis wins. */
export function analysis(sample: QaSample, context: LevelContext): QaItem[] {
  const typed = sample.texts?.analysis?.trim();
  const candidates = [...sample.taxonomyTypes, ...knownTypes(sample.domain)];
  if (sample.verdict === 'OK') {
    const causes = preferred(candidates, [], 5).map((type) => knowledgeOf(type).cause);
    return [
      closedItem(sample.id, 5, context.question(5, 'closed'), NO_DEFECT.cause, causes),
      openItem(
        5,
        context.question(5, 'open'),
        typed ||
          'There is no defect, so there is no cause to find and no impact. Severity: none. ' +
            'Recommended action: pass the part.',
      ),
    ];
  }
  const main = mainRegion(sample);
  const types = typesOf(sample);
  const primary = main?.type ?? types[0] ?? null;
  const known = knowledgeOf(primary);
  const severity =
    main && sizeWord(main.areaPct) === 'large' ? raiseSeverity(known.severity) : known.severity;
  const causes = preferred(candidates, types, 6)
    .map((type) => knowledgeOf(type).cause)
    .filter((cause) => cause !== known.cause);
  const others = types.filter((type) => type !== primary).map(knowledgeOf);
  const also = others.map((k) => ` For the ${k.name}, the likely cause is ${k.cause}.`).join('');
  const answer =
    `Likely cause of the ${known.name}: ${known.cause}. Impact: ${known.impact}. ` +
    `Severity: ${severity}. Recommended action: ${known.action}.${also}`;
  return [
    closedItem(sample.id, 5, context.question(5, 'closed'), known.cause, [...causes, NO_DEFECT.cause]),
    openItem(5, context.question(5, 'open'), typed || answer),
  ];
}
