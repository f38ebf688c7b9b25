/** Every rule, in the order their docs list them. One file per rule; the id is the only name. */
import type { AnyRule } from '../rule.ts';
import { brokenLink } from './broken-link.ts';
import { deprecatedPrerequisite } from './deprecated-prerequisite.ts';
import { duplicateSlug } from './duplicate-slug.ts';
import { encoding } from './encoding.ts';
import { foreignSyntax } from './foreign-syntax.ts';
import { gapNotCovered } from './gap-not-covered.ts';
import { gapStepMissing } from './gap-step-missing.ts';
import { hashComment } from './hash-comment.ts';
import { noSecrets } from './no-secrets.ts';
import { noSteps } from './no-steps.ts';
import { noVerification } from './no-verification.ts';
import { openGap } from './open-gap.ts';
import { parseLimit } from './parse-limit.ts';
import { personHandleClash } from './person-handle-clash.ts';
import { prerequisiteCycle } from './prerequisite-cycle.ts';
import { reservedSlug } from './reserved-slug.ts';
import { schema } from './schema.ts';
import { singlePointOfFailure } from './single-point-of-failure.ts';
import { staleReview } from './stale-review.ts';
import { suppression } from './suppression.ts';
import { toolNotInPrerequisites } from './tool-not-in-prerequisites.ts';
import { unclosedCodeFence } from './unclosed-code-fence.ts';
import { undocumentedStep } from './undocumented-step.ts';
import { unknownPlaybook } from './unknown-playbook.ts';
import { unreadableFile } from './unreadable-file.ts';
import { unassignedOwner } from './unassigned-owner.ts';
import { unknownKey } from './unknown-key.ts';
import { unpublishedAttachment } from './unpublished-attachment.ts';
import { unsafeHtml } from './unsafe-html.ts';
import { vagueStep } from './vague-step.ts';

export const RULES: readonly AnyRule[] = [
  // Undocumented steps, from every signal in the format
  undocumentedStep,
  openGap,
  gapStepMissing,
  gapNotCovered,
  vagueStep,
  toolNotInPrerequisites,
  unknownPlaybook,
  prerequisiteCycle,
  brokenLink,
  // Everything else a handoff needs
  schema,
  noSteps,
  noVerification,
  staleReview,
  singlePointOfFailure,
  unassignedOwner,
  personHandleClash,
  hashComment,
  deprecatedPrerequisite,
  duplicateSlug,
  reservedSlug,
  // Safety and robustness
  noSecrets,
  unpublishedAttachment,
  unsafeHtml,
  foreignSyntax,
  unknownKey,
  unclosedCodeFence,
  encoding,
  parseLimit,
  unreadableFile,
  suppression,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
