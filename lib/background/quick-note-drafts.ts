import { QuickNoteDraft } from '../messaging/messages/quick-notes';
import type { SessionArea } from './tab-contexts';

const KEY = 'quicknote:draft';

/**
 * The one draft a context-menu click leaves for the popup ("Save as a note about…"). Kept in
 * `storage.session` as well as memory: an MV3 service worker may stop between the click and
 * the popup asking for it. Handed out once.
 */
export class QuickNoteDrafts {
  private draft: QuickNoteDraft | null = null;

  constructor(private readonly session: SessionArea | null) {}

  async put(draft: QuickNoteDraft): Promise<void> {
    this.draft = QuickNoteDraft.parse(draft);
    await this.session?.set({ [KEY]: this.draft }).catch(() => undefined);
  }

  async take(): Promise<QuickNoteDraft | null> {
    let draft = this.draft;
    if (draft === null) {
      const stored = await this.session?.get(KEY).catch(() => undefined);
      const parsed = QuickNoteDraft.safeParse(stored?.[KEY]);
      draft = parsed.success ? parsed.data : null;
    }
    this.draft = null;
    await this.session?.remove(KEY).catch(() => undefined);
    return draft;
  }
}
