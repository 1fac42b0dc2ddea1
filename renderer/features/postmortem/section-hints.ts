import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { sectionForHeading, sectionHint } from '@shared/postmortem/template';

/**
 * Shows what belongs in a section inside its first, empty paragraph. A
 * decoration, not text: it is never stored, synced or exported, and the section
 * still counts as blank for "Draft from timeline".
 */
export const SectionHints = Extension.create({
  name: 'sectionHints',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('sectionHints'),
        props: {
          decorations: (state) => {
            const decorations: Decoration[] = [];
            let hint: string | null = null;
            state.doc.forEach((node, offset) => {
              if (node.type.name === 'heading') {
                const id = sectionForHeading(node.textContent);
                hint = id ? sectionHint(id) : null;
                return;
              }
              if (hint && node.type.name === 'paragraph' && node.content.size === 0) {
                decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: 'pm-hint', 'data-hint': hint }));
              }
              hint = null;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
