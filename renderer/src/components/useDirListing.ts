import { useEffect, useState } from 'react';
import type { DirListing } from '../../../electron/contract';
import { api } from '../transport/current';

type Answer = { dir: string; listing: DirListing | null; error: string | null };

/** Lists `dir` (home when empty); a failed listing keeps the last good one and says why. */
export function useDirListing(dir: string): {
  listing: DirListing | null;
  error: string | null;
  loading: boolean;
} {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    let live = true;
    const list = api()['fs:list'];
    void list(dir ? { dir } : {}).then((result) => {
      if (!live) return;
      setAnswer((before) =>
        result.ok
          ? { dir, listing: result.value, error: null }
          : { dir, listing: before?.listing ?? null, error: result.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [dir]);
  return { listing: answer?.listing ?? null, error: answer?.error ?? null, loading: answer?.dir !== dir };
}
