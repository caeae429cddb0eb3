// The profile switcher's lines for the result area.
import { escapeControl } from '../format/cell-text.js';
import { checkDsnInput, maskPassword } from '../format/dsn-check.js';
import type { ScreenLine } from '../query/result-lines.js';
import type { ProfilePicker } from '../state/profile-picker.js';

/** `problem`: why the current target is not usable (a bad DSN, a refused password), shown above the list. */
export function profileLines(
  picker: ProfilePicker,
  current: string | null,
  problem: { message: string; hint: string | null } | null = null,
): ScreenLine[] {
  const lines: ScreenLine[] = problem ? [{ text: problem.message, tone: 'error' }] : [];
  if (problem?.hint) lines.push({ text: `hint: ${problem.hint}`, tone: 'muted' });
  const form = picker.form;
  if (form) {
    lines.push({ text: 'Add a profile (Tab next field · Enter save · Esc cancel)', tone: 'heading' });
    lines.push({ text: `name: ${form.name}${form.field === 'name' ? '▏' : ''}`, tone: form.field === 'name' ? 'focused' : 'normal' });
    lines.push({
      text: `DSN:  ${maskPassword(form.dsn)}${form.field === 'dsn' ? '▏' : ''}`,
      tone: form.field === 'dsn' ? 'focused' : 'normal',
    });
    if (picker.replacing) {
      lines.push({
        text: `A profile named "${picker.replacing.name}" exists: Enter replaces its DSN with this one · Esc goes back to the form`,
        tone: 'error',
      });
    } else if (form.field === 'dsn') {
      const check = checkDsnInput(form.dsn);
      if (check.ok) {
        lines.push({ text: '✓ valid DSN', tone: 'heading' });
        if (check.literalPassword)
          lines.push({ text: 'warning: the password is saved as typed; prefer ${PGPASSWORD}-style references', tone: 'error' });
        for (const warning of check.warnings) lines.push({ text: `warning: ${warning}`, tone: 'muted' });
      } else {
        lines.push({ text: `✗ ${check.message}`, tone: 'error' });
        if (check.hint) lines.push({ text: `  ${check.hint}`, tone: 'muted' });
      }
    }
  } else {
    lines.push({
      text: picker.passive
        ? 'Profiles (↑/↓ choose · Enter switch · F2 for a to add · Esc close · typing goes to the prompt)'
        : 'Profiles (↑/↓ choose · Enter switch · a add · Esc close)',
      tone: 'heading',
    });
    picker.entries.forEach((entry, index) => {
      const marks = `${entry.name === current ? '●' : ' '}${entry.isDefault ? '*' : ' '}`;
      lines.push({
        text: `${marks} ${entry.name.padEnd(16)} ${entry.redacted}${entry.note ? `  (${entry.note})` : ''}`,
        tone: index === picker.selected ? 'focused' : 'normal',
      });
    });
  }
  // A message and its hint are separate lines: each fits the width better than one long line.
  for (const part of picker.error?.split('\n') ?? []) lines.push({ text: part, tone: 'error' });
  // Names, notes, DSNs and messages come from a hand-editable file or the user's typing.
  return lines.map((entry) => ({ ...entry, text: escapeControl(entry.text) }));
}
