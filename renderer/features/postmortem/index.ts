export { PostmortemPane } from './PostmortemPane';
export type { PostmortemEditorProps } from './PostmortemEditor';
export { EditorPresenceContext, type EditorPresence } from './presence-context';
