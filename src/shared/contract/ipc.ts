/** The two IPC channels between the preload bridge and the shell. */
export const IPC_INVOKE = 'tandem:invoke';
export const IPC_EVENT = 'tandem:event';
