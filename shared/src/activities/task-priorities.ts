// Plain data, no schema: the task pane imports this without loading zod.
export const taskPriorities = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
