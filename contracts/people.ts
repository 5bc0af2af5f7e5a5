import { z } from 'zod';

/** Who holds an API token: moderators report, investigators review, admins do both and run the queue. */
export const ROLES = ['moderator', 'investigator', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A moderator's report as it moves through the pipeline. */
export const REPORT_STATUSES = ['queued', 'processing', 'classified', 'failed'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;
