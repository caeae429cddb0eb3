// The target part of the doctor report: where the DSN came from, and with no DSN given at all,
// the processes here that have one (a debug container next to an Ory service sees it).
import { listCandidates } from '../discovery/list-candidates.js';
import type { ResolvedTarget } from '../profiles/target.js';
import type { DoctorReport } from './doctor-checks.js';

export function describeTarget(target: ResolvedTarget, redacted: string): DoctorReport['target'] {
  const described: DoctorReport['target'] = { dsn: redacted, source: target.source, profile: target.profileName };
  if (target.origin !== undefined) described.origin = target.origin;
  if (target.label !== undefined) described.label = target.label;
  if (target.notes !== undefined && target.notes.length > 0) described.notes = target.notes;
  if (target.source === 'memory') {
    const { candidates } = listCandidates();
    if (candidates.length > 0) described.candidates = candidates;
  }
  return described;
}
