import type { ImportListItem } from '../../../domain';

export interface HistoryViewProps {
  items: ImportListItem[];
  hasMore: boolean;
  busy: string | null;
  connected: boolean;
  /** The open import this pane can resume (its rows are known here), if any. */
  resumableId: string | null;
  /** Loads the list; called when the view opens or the pane connects, so pass the same function each render. */
  onRefresh(): void;
  onLoadMore(): void;
  onDownload(importId: string): void;
  onWriteSheet(item: ImportListItem): void;
  onResume(item: ImportListItem): void;
}

export interface HistoryItemProps {
  item: ImportListItem;
  disabled: boolean;
  canResume: boolean;
  onDownload(importId: string): void;
  onWriteSheet(item: ImportListItem): void;
  onResume(item: ImportListItem): void;
}
