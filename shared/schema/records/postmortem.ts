import { postmortemOf } from '../incident-doc';
import { appendJsonToFragment, fragmentToJson } from '../../postmortem/fragment-json';
import { isBlankDoc, type PmDoc } from '../../postmortem/pm-json';
import { PM_MARK_TYPES, PM_NODE_TYPES, pmContentIssue, pmDocSchema, pmNodeSchema } from '../../postmortem/pm-schema';
import type { RecordType } from './record-type';

export const postmortemRecord: RecordType<'postmortem', PmDoc> = {
  name: 'postmortem',
  topLevel: 'postmortem',
  title: 'Postmortem',
  layout: `The top-level \`postmortem\` \`Y.XmlFragment\`, in y-prosemirror's encoding: a node is a \`Y.XmlElement\` named after its type, with its non-null attributes as XML attributes; a run of text is one \`Y.XmlText\` whose formatting attributes are its marks. Node names: ${PM_NODE_TYPES.filter((n) => n !== 'text')
    .map((n) => `\`${n}\``)
    .join(', ')}; mark names: ${PM_MARK_TYPES.map((m) => `\`${m}\``).join(', ')} (TipTap's StarterKit). A \`heading\` has \`level\` 1 to 6; a \`link\` mark has an \`href\` that is not \`javascript:\`, \`data:\` or \`vbscript:\`. Exported as ProseMirror JSON.`,
  item: pmNodeSchema,
  schema: pmDocSchema,
  read(doc) {
    const value = fragmentToJson(postmortemOf(doc));
    const issue = pmContentIssue(value);
    // Kept as it is (never "repaired" by deleting), and reported; the editor is not given it.
    return { value, setAside: issue ? [{ record: 'postmortem', id: null, reason: `${issue}, which the editor cannot show` }] : [] };
  },
  write(doc, pm) {
    appendJsonToFragment(postmortemOf(doc), pm);
  },
  merge(doc, pm) {
    const fragment = postmortemOf(doc);
    if (!isBlankDoc(fragmentToJson(fragment)) || isBlankDoc(pm)) return 0;
    // Ours is blank: replacing blank paragraphs loses nothing anyone wrote.
    fragment.delete(0, fragment.length);
    appendJsonToFragment(fragment, pm);
    return 1;
  },
};
