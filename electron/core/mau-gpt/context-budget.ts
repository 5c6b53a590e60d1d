import { AppError } from '../../contract/result';

/**
 * How many tokens an answer may have: max_new_tokens, cut so that visual tokens + prompt +
 * answer never pass maxContext. A prompt that leaves no room is an error, never a silent empty
 * answer or a run past the positions the model was trained for.
 */
export function answerBudget(
  packDir: string,
  visualTokens: number,
  promptTokens: number,
  maxNewTokens: number,
  maxContext: number,
): number {
  const used = visualTokens + promptTokens;
  const room = maxContext - used;
  if (room < 1) {
    throw new AppError(
      'INVALID_INPUT',
      `model pack ${packDir}: the prompt takes ${used} positions (${visualTokens} visual + ${promptTokens} text tokens), ` +
        `which leaves no room for an answer in options.decoder.maxContext = ${maxContext}; shorten the question`,
    );
  }
  return Math.min(maxNewTokens, room);
}
