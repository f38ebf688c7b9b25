/**
 * The judges `judgeAttachment` asks: credential files by name and content,
 * and the SVG sanitiser. One module, so the check and the build judge with
 * the same ones.
 */
import type { AttachmentJudges } from './attachments.ts';
import { credentialFileReason } from './credential-files.ts';
import { sanitizeSvg } from './svg.ts';

export const ATTACHMENT_JUDGES: AttachmentJudges = {
  credential: (path, bytes) => credentialFileReason(path, bytes),
  svg: (text) => sanitizeSvg(text),
};
