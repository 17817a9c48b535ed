/** The one row of `workspace_settings`. */
export const WORKSPACE_ID = 'workspace';
