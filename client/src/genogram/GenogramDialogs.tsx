import type { Person } from '../../../shared/people.js';
import type { SharedDoc } from '../hooks/useSharedDoc.js';
import type { Family, Household, Line } from '../../../shared/genogram/index.js';
import { Dialog } from '../components/Dialog.js';
import { PersonForm } from '../people/PersonForm.js';
import type { NewPerson, RelativePlan } from './actions.js';
import { AddRelativeForm } from './AddRelativeForm.js';
import { HouseholdForm } from './HouseholdForm.js';
import { LineForm } from './LineForm.js';
import type { NameOf } from './names.js';
import { MODE_TITLES, type RelativeMode } from './relativeForm.js';

/** Which side panel dialog is open. */
export type DialogState =
  | { kind: 'add'; mode: RelativeMode; anchorId: string | null }
  | { kind: 'edit'; opened: Person }
  | { kind: 'line'; personId: string }
  | { kind: 'household'; household: Household; isNew: boolean }
  | null;

/** The genogram's dialogs: add a person or relative, edit register details, add a line, edit a household. */
export function GenogramDialogs({
  dialog,
  family,
  register,
  nameOf,
  childPseudonym,
  peopleShared,
  otherEditors,
  onClose,
  onAdd,
  onSavePerson,
  onRemovePerson,
  onAddLine,
  onSaveHousehold,
}: {
  dialog: DialogState;
  family: Family;
  register: readonly Person[];
  nameOf: NameOf;
  childPseudonym: string;
  /** The live register, so the person's notes are typed into it as collaborative text. */
  peopleShared: SharedDoc | null;
  /** Names of the others who have `personId` open in the genogram. */
  otherEditors(personId: string): readonly string[];
  onClose(): void;
  onAdd(input: { plan: RelativePlan; fields: NewPerson }): string | null;
  /** `opened` is the stored version the form was last brought up to date with. */
  onSavePerson(opened: Person, edited: Person): void;
  onRemovePerson(opened: Person): void;
  onAddLine(line: Line): string | null;
  onSaveHousehold(h: Household, isNew: boolean): string | null;
}) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add': {
      const anchor = dialog.anchorId ? (family.byId.get(dialog.anchorId) ?? null) : null;
      const title = anchor && dialog.mode !== 'person' ? `${MODE_TITLES[dialog.mode]} for ${nameOf(anchor.id)}` : MODE_TITLES.person;
      return (
        <Dialog title={title} titleId="gg-dialog-title" onClose={onClose}>
          <AddRelativeForm mode={anchor ? dialog.mode : 'person'} anchor={anchor} family={family} nameOf={nameOf} onSubmit={onAdd} onCancel={onClose} />
        </Dialog>
      );
    }
    case 'edit': {
      const current = register.find((p) => p.id === dialog.opened.id) ?? null;
      return (
        <Dialog title={`Edit ${dialog.opened.name || 'person'}`} titleId="gg-dialog-title" onClose={onClose}>
          <PersonForm
            opened={dialog.opened}
            current={current}
            isNew={false}
            register={register}
            childPseudonym={childPseudonym}
            onSave={(edited, base) => onSavePerson(base, edited)}
            onRemove={() => onRemovePerson(dialog.opened)}
            onCancel={onClose}
            otherEditors={otherEditors(dialog.opened.id)}
            live={peopleShared ? { doc: peopleShared.doc, awareness: peopleShared.provider.awareness } : null}
          />
        </Dialog>
      );
    }
    case 'line':
      return (
        <Dialog title={`Add a relationship line for ${nameOf(dialog.personId)}`} titleId="gg-dialog-title" onClose={onClose}>
          <LineForm personId={dialog.personId} family={family} nameOf={nameOf} onSubmit={onAddLine} onCancel={onClose} />
        </Dialog>
      );
    case 'household':
      return (
        <Dialog title={dialog.isNew ? 'Add a household' : `Change ${dialog.household.label}`} titleId="gg-dialog-title" onClose={onClose}>
          <HouseholdForm household={dialog.household} family={family} nameOf={nameOf} onSubmit={(h) => onSaveHousehold(h, dialog.isNew)} onCancel={onClose} />
        </Dialog>
      );
  }
}
