/** The pane's views, one tab each. */
export type PaneTab = 'connect' | 'template' | 'check' | 'import' | 'history';
