import type { ActionStatus, ActionType } from '@shared/schema/types';

export const STATUS_LABEL: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: "Won't do",
};

export const TYPE_LABEL: Record<ActionType, string> = {
  mitigate: 'Mitigate',
  prevent: 'Prevent',
  process: 'Process',
};
