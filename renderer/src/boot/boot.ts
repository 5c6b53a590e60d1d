import type { Invoke } from '../../../electron/contract/client';
import type { SampleId } from '../../../electron/contract/ids';
import { tilesOnScreen } from '../browser/gridGeometry';
import { httpInvoke } from '../transport/httpInvoke';
import { takeToken } from '../transport/token';
import type { MauBridge } from '../transport/types';
import { sendEarly } from './earlyCalls';
import { firstScreen, headIdsInput } from './firstScreen';

/**
 * The page's first script, a file of its own of a few KiB: it sends the calls every start of the
 * app begins with while the app's own script (React and the screens, most of a second to load
 * and run on a 2-core machine) is still on its way, and the app takes their answers instead of
 * asking again (earlyCalls.ts). With a project open: the head of its image list, the rows of the
 * first screen and its thumbnails, for a window the size of this one.
 */
function boot(): void {
  const bridge = (window as unknown as { mauBridge?: MauBridge }).mauBridge;
  const invoke: Invoke = bridge
    ? (method, input) => bridge.invoke(method, input)
    : httpInvoke(new URL('./', window.location.href), takeToken());
  void sendEarly(invoke, 'app:info', {});
  const current = sendEarly(invoke, 'project:current', {});
  // Only with a project open: asking without one is an error the browser logs.
  void current
    .then((project) =>
      project.ok && project.value ? sendEarly(invoke, 'samples:ids', headIdsInput({}, 'path')) : null,
    )
    .then((listed) => {
      const ids = listed?.ok ? (listed.value as { ids: SampleId[] }).ids : [];
      if (!ids.length) return;
      void sendEarly(invoke, 'samples:page', { ids: firstScreen(ids, 0) });
      // The whole window's width: at least as many tiles as the grid beside its sidebar shows.
      void sendEarly(invoke, 'samples:thumbs', { ids: ids.slice(0, tilesOnScreen(innerWidth, innerHeight)) });
    });
}

boot();
