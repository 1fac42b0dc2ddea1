/** The signed timeline: a side pane that checks signatures, and each row's verdict. */
export { SignaturesPane } from './SignaturesPane';
export { EntryVerdict } from './EntryVerdict';
export { verification } from './verification-store';
